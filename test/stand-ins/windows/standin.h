/*
 * What the native stand-ins share. Each is a Windows program in System32 that answers as one of
 * Windows' tools does, with no Windows Node.js behind it: nested node.exe processes under a
 * loaded Wine were seen never to finish exiting. A stand-in's fixed arguments (a capture to
 * print, a log to keep) are the lines of "<its own path>.args", UTF-8.
 */
#include <windows.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#define MOST_FIXED 4

/* The lines of "<own path>.args" into `fixed`; how many there are. */
static inline int fixed_args(wchar_t fixed[MOST_FIXED][MAX_PATH]) {
  wchar_t self[MAX_PATH], name[MAX_PATH + 8];
  static char bytes[MOST_FIXED * MAX_PATH * 3];
  static wchar_t text[MOST_FIXED * MAX_PATH];
  DWORD size = GetModuleFileNameW(NULL, self, MAX_PATH), got = 0;
  if (size == 0 || size >= MAX_PATH) return 0;
  swprintf(name, MAX_PATH + 8, L"%ls.args", self);
  HANDLE file = CreateFileW(name, GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING, 0, NULL);
  if (file == INVALID_HANDLE_VALUE) return 0;
  ReadFile(file, bytes, sizeof bytes - 1, &got, NULL);
  CloseHandle(file);
  int chars = MultiByteToWideChar(CP_UTF8, 0, bytes, (int)got, text, MOST_FIXED * MAX_PATH - 1);
  text[chars] = 0;
  int count = 0;
  for (wchar_t *at = text; *at && count < MOST_FIXED; count++) {
    size_t n = 0;
    while (*at && *at != L'\r' && *at != L'\n' && n + 1 < MAX_PATH) fixed[count][n++] = *at++;
    fixed[count][n] = 0;
    while (*at == L'\r' || *at == L'\n') at++;
  }
  return count;
}

/* Writes bytes to standard output as they are: Windows' tools write their code page's bytes. */
static inline void put(const char *bytes, size_t length) {
  DWORD written;
  WriteFile(GetStdHandle(STD_OUTPUT_HANDLE), bytes, (DWORD)length, &written, NULL);
}

/* One line of output, ending CRLF as Windows' console tools end theirs. */
static inline void say(const char *line) {
  put(line, strlen(line));
  put("\r\n", 2);
}

/* The whole of a file, NUL-ended; NULL when it cannot be read. */
static inline char *read_all(const wchar_t *path, DWORD *length) {
  HANDLE file = CreateFileW(path, GENERIC_READ, FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE, NULL, OPEN_EXISTING, 0, NULL);
  if (file == INVALID_HANDLE_VALUE) return NULL;
  DWORD size = GetFileSize(file, NULL), got = 0;
  char *bytes = malloc(size + 1);
  if (bytes && !ReadFile(file, bytes, size, &got, NULL)) got = 0;
  CloseHandle(file);
  if (bytes) bytes[got] = 0;
  if (length) *length = got;
  return bytes;
}

/* A wide argument as UTF-8, for output and logs. */
static inline void utf8(const wchar_t *text, char *out, int size) {
  int n = WideCharToMultiByte(CP_UTF8, 0, text, -1, out, size, NULL, NULL);
  if (n <= 0) out[0] = 0;
}
