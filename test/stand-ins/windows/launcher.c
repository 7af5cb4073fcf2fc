/*
 * A Windows program that stands in for a Windows tool under Wine. A Linux program started from a
 * Windows process does not get that process's pipes, so a stand-in the product runs from
 * System32 must itself be a Windows program. This one reads "<its own path>.launch" (UTF-8, one
 * item a line: a program, then its first arguments, e.g. node.exe, a stand-in script, a mode),
 * runs `program "first" "arguments" <its own arguments, exactly as given>` with its own standard
 * handles, waits, and exits with that program's code.
 */
#include <windows.h>
#include <wchar.h>

static int fail(const char *message) {
  DWORD written;
  WriteFile(GetStdHandle(STD_ERROR_HANDLE), message, lstrlenA(message), &written, NULL);
  return 9009;
}

/* The arguments after the program's own name, as CreateProcess and cmd.exe split it. */
static const wchar_t *arguments(const wchar_t *line) {
  if (*line == L'"') {
    line++;
    while (*line && *line != L'"') line++;
    if (*line) line++;
  } else {
    while (*line && *line != L' ' && *line != L'\t') line++;
  }
  return line;
}

/* One line of the .launch file into `out`, without its line end; the rest after it. */
static wchar_t *take_line(wchar_t *text, wchar_t *out, size_t size) {
  size_t n = 0;
  while (*text && *text != L'\r' && *text != L'\n' && n + 1 < size) out[n++] = *text++;
  out[n] = 0;
  while (*text == L'\r' || *text == L'\n') text++;
  return text;
}

int wmain(void) {
  wchar_t self[MAX_PATH], config[MAX_PATH + 8], program[MAX_PATH], item[MAX_PATH];
  static wchar_t text[8 * MAX_PATH], command[32768];
  static char bytes[8 * MAX_PATH];
  DWORD size = GetModuleFileNameW(NULL, self, MAX_PATH), got = 0, code = 0;
  if (size == 0 || size >= MAX_PATH) return fail("launcher: own path too long\r\n");
  swprintf(config, MAX_PATH + 8, L"%ls.launch", self);
  HANDLE file = CreateFileW(config, GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING, 0, NULL);
  if (file == INVALID_HANDLE_VALUE) return fail("launcher: no .launch file beside it\r\n");
  ReadFile(file, bytes, sizeof bytes - 1, &got, NULL);
  CloseHandle(file);
  int chars = MultiByteToWideChar(CP_UTF8, 0, bytes, (int)got, text, 8 * MAX_PATH - 1);
  text[chars] = 0;
  wchar_t *rest = take_line(text, program, MAX_PATH);
  size_t used = swprintf(command, 32768, L"\"%ls\"", program);
  while (*rest) {
    rest = take_line(rest, item, MAX_PATH);
    used += swprintf(command + used, 32768 - used, L" \"%ls\"", item);
  }
  swprintf(command + used, 32768 - used, L"%ls", arguments(GetCommandLineW()));

  STARTUPINFOW start = { sizeof start };
  start.dwFlags = STARTF_USESTDHANDLES;
  start.hStdInput = GetStdHandle(STD_INPUT_HANDLE);
  start.hStdOutput = GetStdHandle(STD_OUTPUT_HANDLE);
  start.hStdError = GetStdHandle(STD_ERROR_HANDLE);
  PROCESS_INFORMATION child;
  /* The program gets its standard handles above and needs no console: none is made for it. */
  if (!CreateProcessW(program, command, NULL, NULL, TRUE, DETACHED_PROCESS, NULL, NULL, &start, &child)) {
    return fail("launcher: could not start the program the .launch file names\r\n");
  }
  WaitForSingleObject(child.hProcess, INFINITE);
  GetExitCodeProcess(child.hProcess, &code);
  CloseHandle(child.hThread);
  CloseHandle(child.hProcess);
  return (int)code;
}
