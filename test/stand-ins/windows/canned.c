/*
 * A stand-in for one of Windows' console tools (netstat, tasklist): it writes the bytes of the
 * capture its .args names, untouched, so a capture converted to the console's code page arrives
 * as Windows sends it. For netstat, `-p tcp` keeps the IPv4 TCP rows and `-p tcpv6` the IPv6 ones
 * (plus the title and header), as Windows does.
 */
#include "standin.h"

/* A row of netstat's table: its protocol word, and whether its local address is IPv6 ([...]). */
static int row_of(const char *line, size_t length, int *tcp, int *ipv6) {
  size_t at = 0;
  while (at < length && (line[at] == ' ' || line[at] == '\t')) at++;
  int is_tcp = length - at >= 3 && strncmp(line + at, "TCP", 3) == 0;
  int is_udp = length - at >= 3 && strncmp(line + at, "UDP", 3) == 0;
  if (!is_tcp && !is_udp) return 0;
  at += 3;
  size_t spaces = at;
  while (at < length && (line[at] == ' ' || line[at] == '\t')) at++;
  if (at == spaces || at == length) return 0;
  *tcp = is_tcp;
  *ipv6 = line[at] == '[';
  return 1;
}

int wmain(int argc, wchar_t **argv) {
  wchar_t fixed[MOST_FIXED][MAX_PATH];
  DWORD length = 0;
  char *bytes = fixed_args(fixed) >= 1 ? read_all(fixed[0], &length) : NULL;
  if (!bytes) {
    say("canned stand-in: no capture to print (see its .args file)");
    return 1;
  }
  const wchar_t *protocol = NULL;
  for (int i = 1; i < argc; i++)
    if (_wcsicmp(argv[i], L"-p") == 0) protocol = i + 1 < argc ? argv[i + 1] : L"";
  if (!protocol) {
    put(bytes, length);
    return 0;
  }
  int want_ipv6 = _wcsicmp(protocol, L"tcpv6") == 0;
  for (const char *line = bytes; line < bytes + length;) {
    const char *end = strstr(line, "\r\n");
    size_t size = end ? (size_t)(end - line) : (size_t)(bytes + length - line);
    int tcp = 0, ipv6 = 0;
    if (!row_of(line, size, &tcp, &ipv6) || (tcp && ipv6 == want_ipv6)) put(line, end ? size + 2 : size);
    line += end ? size + 2 : size;
  }
  return 0;
}
