/*
 * test/stand-ins/netsh as a Windows program, for the Windows-mode bed: the same arguments,
 * limits, answers (English, CRLF) and JSON state file, named by TCP_PORT_TUNER_STANDIN_STATE.
 * test/windows-mode/netsh-stand-in.test.ts runs both on the same calls and compares them. The
 * faults the Node one can be told to make are left out: no Windows-mode test asks for them.
 * `netsh -f FILE` runs the file's commands one a line, answers back to back, stopping at the
 * first that fails.
 */
#include "standin.h"

#define MOST_EXCLUSIONS 4096

typedef struct { long long start, end; int administered; } Exclusion;
typedef struct { long long start, count; int used; Exclusion exclusions[MOST_EXCLUSIONS]; } Pool;
static Pool pools[2]; /* ipv4, ipv6 */
static const char *FAMILIES[2] = { "ipv4", "ipv6" };

/* A JSON reader for the state's one shape; anything else in the file is stepped over. */
static const char *at;
static void blank(void) { while (*at == ' ' || *at == '\t' || *at == '\r' || *at == '\n') at++; }
static int take(char c) { blank(); if (*at != c) return 0; at++; return 1; }
static void key(char *out, size_t size) {
  size_t n = 0;
  blank();
  if (*at == '"') at++;
  while (*at && *at != '"') { if (*at == '\\' && at[1]) at++; if (n + 1 < size) out[n++] = *at; at++; }
  if (*at) at++;
  out[n] = 0;
  take(':');
}
static void skip(void) {
  blank();
  if (*at == '{' || *at == '[') {
    char close = *at == '{' ? '}' : ']';
    at++;
    while (*at && !take(close)) { if (close == '}') { char ignored[64]; key(ignored, sizeof ignored); } skip(); take(','); }
  } else if (*at == '"') {
    for (at++; *at && *at != '"'; at++) if (*at == '\\' && at[1]) at++;
    if (*at) at++;
  } else {
    while (*at && *at != ',' && *at != '}' && *at != ']') at++;
  }
}
static long long number(void) { blank(); char *end; long long value = strtoll(at, &end, 10); at = end; return value; }
static void exclusion(Pool *pool) {
  Exclusion range = { 0, 0, 0 };
  char name[64];
  take('{');
  while (*at && !take('}')) {
    key(name, sizeof name);
    if (!strcmp(name, "start")) range.start = number();
    else if (!strcmp(name, "end")) range.end = number();
    else if (!strcmp(name, "administered")) { blank(); range.administered = !strncmp(at, "true", 4); skip(); }
    else skip();
    take(',');
  }
  if (pool->used < MOST_EXCLUSIONS) pool->exclusions[pool->used++] = range;
}
static void pool_of(Pool *pool) {
  char name[64];
  pool->used = 0;
  take('{');
  while (*at && !take('}')) {
    key(name, sizeof name);
    if (!strcmp(name, "start")) pool->start = number();
    else if (!strcmp(name, "count")) pool->count = number();
    else if (!strcmp(name, "exclusions") && take('[')) { while (*at && !take(']')) { exclusion(pool); take(','); } }
    else skip();
    take(',');
  }
}
static void load(const wchar_t *file) {
  for (int f = 0; f < 2; f++) pools[f] = (Pool){ 49152, 16384, 0, { { 0 } } };
  char *text = file ? read_all(file, NULL) : NULL;
  if (!text) return;
  char name[64];
  at = text;
  take('{');
  while (*at && !take('}')) {
    key(name, sizeof name);
    if (!strcmp(name, "ipv4")) pool_of(&pools[0]);
    else if (!strcmp(name, "ipv6")) pool_of(&pools[1]);
    else skip();
    take(',');
  }
  free(text);
}

/* Saved to a temporary file and renamed over the state, so no reader meets half a state. */
static void save(const wchar_t *file) {
  if (!file) return;
  static char text[MOST_EXCLUSIONS * 2 * 64 + 256];
  size_t n = snprintf(text, sizeof text, "{");
  for (int f = 0; f < 2; f++) {
    Pool *pool = &pools[f];
    n += snprintf(text + n, sizeof text - n, "%s\"%s\":{\"start\":%lld,\"count\":%lld,\"exclusions\":[", f ? "," : "", FAMILIES[f], pool->start, pool->count);
    for (int i = 0; i < pool->used; i++) {
      Exclusion *range = &pool->exclusions[i];
      n += snprintf(text + n, sizeof text - n, "%s{\"start\":%lld,\"end\":%lld,\"administered\":%s}", i ? "," : "", range->start, range->end, range->administered ? "true" : "false");
    }
    n += snprintf(text + n, sizeof text - n, "]}");
  }
  n += snprintf(text + n, sizeof text - n, "}");
  wchar_t temporary[MAX_PATH + 32];
  swprintf(temporary, MAX_PATH + 32, L"%ls.%lu.tmp", file, GetCurrentProcessId());
  HANDLE out = CreateFileW(temporary, GENERIC_WRITE, 0, NULL, CREATE_ALWAYS, 0, NULL);
  DWORD written;
  if (out == INVALID_HANDLE_VALUE) return;
  WriteFile(out, text, (DWORD)n, &written, NULL);
  CloseHandle(out);
  MoveFileExW(temporary, file, MOVEFILE_REPLACE_EXISTING);
}

static int fail(const char *message) {
  say(message);
  say("");
  return 1;
}

/* The value of `name=` among the words, lower-cased; NULL when absent. */
static const wchar_t *option(int argc, wchar_t **argv, int from, const wchar_t *name) {
  size_t length = wcslen(name);
  for (int i = from; i < argc; i++)
    if (!wcsncmp(argv[i], name, length) && argv[i][length] == L'=') return argv[i] + length + 1;
  return NULL;
}

/* A whole number as netsh takes it: digits only, else -1; too many digits for a port is too large. */
static long long whole(const wchar_t *text) {
  if (!text || !*text || wcsspn(text, L"0123456789") != wcslen(text)) return -1;
  return wcslen(text) > 9 ? 1LL << 40 : _wtoi64(text);
}

static const wchar_t *state_file(void) {
  static wchar_t file[MAX_PATH];
  return GetEnvironmentVariableW(L"TCP_PORT_TUNER_STANDIN_STATE", file, MAX_PATH) > 0 ? file : NULL;
}

/* One command, its words as netsh takes them on its command line (argv[0] is not read). */
static int command(int argc, wchar_t **argv) {
  char said[4096] = "The following command was not found:", word[512];
  for (int i = 1; i < argc; i++) {
    utf8(argv[i], word, sizeof word);
    if (strlen(said) + strlen(word) + 3 < sizeof said) strcat(strcat(said, " "), word);
  }
  strcat(said, ".");
  for (int i = 1; i < argc; i++) _wcslwr(argv[i]);
  const wchar_t *file = state_file();
  int named = file != NULL;
  if (argc < 5 || (wcscmp(argv[1], L"int") && wcscmp(argv[1], L"interface"))) return fail(said);
  Pool *pool = !wcscmp(argv[2], L"ipv4") ? &pools[0] : !wcscmp(argv[2], L"ipv6") ? &pools[1] : NULL;
  if (!pool) return fail(said);
  const wchar_t *verb = argv[3], *object = argv[4];
  const wchar_t *protocol = option(argc, argv, 5, L"protocol");
  int tcp = argc > 5 && !wcscmp(argv[5], L"tcp");
  int excluded = !wcscmp(object, L"excludedportrange") && protocol && !wcscmp(protocol, L"tcp");
  char line[128];
  if (!wcscmp(verb, L"show") && !wcscmp(object, L"dynamicport") && tcp) {
    say(""); say("Protocol tcp Dynamic Port Range"); say("---------------------------------");
    snprintf(line, sizeof line, "Start Port      : %lld", pool->start); say(line);
    snprintf(line, sizeof line, "Number of Ports : %lld", pool->count); say(line);
    say("");
  } else if (!wcscmp(verb, L"show") && excluded) {
    say(""); say("Protocol tcp Port Exclusion Ranges"); say(""); say("Start Port    End Port"); say("----------    --------");
    for (int i = 0; i < pool->used; i++) {
      snprintf(line, sizeof line, "%10lld  %10lld%s", pool->exclusions[i].start, pool->exclusions[i].end, pool->exclusions[i].administered ? "     *" : "");
      say(line);
    }
    say(""); say("* - Administered port exclusions."); say("");
  } else if (!wcscmp(verb, L"set") && !wcscmp(object, L"dynamicport") && tcp) {
    long long start = whole(option(argc, argv, 6, L"start")), count = whole(option(argc, argv, 6, L"num"));
    if (!(start >= 1025 && count >= 255 && start + count - 1 <= 65535)) return fail("The parameter is incorrect.");
    pool->start = start;
    pool->count = count;
    save(named ? file : NULL);
    say("Ok."); say("");
  } else if ((!wcscmp(verb, L"add") || !wcscmp(verb, L"delete")) && excluded) {
    long long start = whole(option(argc, argv, 5, L"startport")), count = whole(option(argc, argv, 5, L"numberofports"));
    if (!(start >= 1 && count >= 1 && start + count - 1 <= 65535)) return fail("The parameter is incorrect.");
    long long end = start + count - 1;
    if (!wcscmp(verb, L"add")) {
      for (int i = 0; i < pool->used; i++)
        if (pool->exclusions[i].start <= end && start <= pool->exclusions[i].end) return fail("The process cannot access the file because it is being used by another process.");
      if (pool->used == MOST_EXCLUSIONS) return fail("Not enough memory resources are available to process this command.");
      int i = pool->used++;
      for (; i > 0 && pool->exclusions[i - 1].start > start; i--) pool->exclusions[i] = pool->exclusions[i - 1];
      pool->exclusions[i] = (Exclusion){ start, end, 1 };
    } else {
      int i = 0;
      while (i < pool->used && !(pool->exclusions[i].start == start && pool->exclusions[i].end == end && pool->exclusions[i].administered)) i++;
      if (i == pool->used) return fail("Element not found.");
      for (pool->used--; i < pool->used; i++) pool->exclusions[i] = pool->exclusions[i + 1];
    }
    save(named ? file : NULL);
    say("Ok."); say("");
  } else {
    return fail(said);
  }
  return 0;
}

#define MOST_WORDS 16

int wmain(int argc, wchar_t **argv) {
  load(state_file());
  if (argc != 3 || wcscmp(argv[1], L"-f")) return command(argc, argv);
  char *script = read_all(argv[2], NULL);
  if (!script) return fail("The system cannot find the file specified.");
  for (char *line = strtok(script, "\r\n"); line; line = strtok(NULL, "\r\n")) {
    static wchar_t text[1024];
    MultiByteToWideChar(CP_ACP, 0, line, -1, text, 1024);
    wchar_t *words[MOST_WORDS] = { argv[0] }, *rest = NULL;
    int count = 1;
    for (wchar_t *word = wcstok_s(text, L" \t", &rest); word && count < MOST_WORDS; word = wcstok_s(NULL, L" \t", &rest)) words[count++] = word;
    if (count == 1) continue;
    int code = command(count, words);
    if (code) return code;
  }
  return 0;
}
