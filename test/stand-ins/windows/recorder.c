/*
 * A stand-in that records how it was called and answers with a chosen exit code. Its .args holds
 * the log file (one JSON array of the caller's arguments a line) and the exit code. Wine's
 * icacls.exe is a dummy that changes no ACL and exits 0; this shows what the product asked of it.
 */
#include "standin.h"

/* `text` as a JSON string into `out`. */
static void json_string(const char *text, char *out, size_t size) {
  size_t n = 0;
  out[n++] = '"';
  for (const unsigned char *at = (const unsigned char *)text; *at && n + 8 < size; at++) {
    if (*at == '"' || *at == '\\') n += snprintf(out + n, size - n, "\\%c", *at);
    else if (*at < 0x20) n += snprintf(out + n, size - n, "\\u%04x", *at);
    else out[n++] = (char)*at;
  }
  out[n++] = '"';
  out[n] = 0;
}

int wmain(int argc, wchar_t **argv) {
  wchar_t fixed[MOST_FIXED][MAX_PATH];
  if (fixed_args(fixed) < 2) {
    say("recorder stand-in: its .args names no log and exit code");
    return 1;
  }
  static char line[32768];
  char word[4096], quoted[8200];
  size_t used = snprintf(line, sizeof line, "[");
  for (int i = 1; i < argc; i++) {
    utf8(argv[i], word, sizeof word);
    json_string(word, quoted, sizeof quoted);
    used += snprintf(line + used, sizeof line - used, "%s%s", i > 1 ? "," : "", quoted);
  }
  used += snprintf(line + used, sizeof line - used, "]\n");
  HANDLE log = CreateFileW(fixed[0], FILE_APPEND_DATA, FILE_SHARE_READ | FILE_SHARE_WRITE, NULL, OPEN_ALWAYS, 0, NULL);
  if (log == INVALID_HANDLE_VALUE) return 1;
  DWORD written;
  WriteFile(log, line, (DWORD)used, &written, NULL);
  CloseHandle(log);
  return _wtoi(fixed[1]);
}
