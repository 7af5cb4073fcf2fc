/*
 * A stand-in for Windows' whoami (Wine's prints only the user name, whatever it is asked). The
 * first line of its .args is the token's integrity level: `high` (an elevated administrator),
 * `medium` (the same administrator without elevation: Administrators for deny only, as in
 * ../shared/reference/captures/whoami-all-en-3-nonelevated.txt) or `broken` (whoami cannot read
 * the token and says so, exit 1). It answers `whoami` and `whoami /groups /fo csv [/nh]` as
 * Windows does.
 */
#include "standin.h"

#define ENABLED "Mandatory group, Enabled by default, Enabled group"

int wmain(int argc, wchar_t **argv) {
  wchar_t fixed[MOST_FIXED][MAX_PATH];
  const wchar_t *level = fixed_args(fixed) >= 1 ? fixed[0] : L"";
  int high = wcscmp(level, L"high") == 0;
  if (wcscmp(level, L"broken") == 0) {
    say("ERROR: Unable to get group membership information.");
    return 1;
  }
  if (!high && wcscmp(level, L"medium") != 0) {
    say("whoami stand-in: unknown integrity level (see its .args file)");
    return 1;
  }
  if (argc == 1) {
    say("tuner-test\\dba");
    return 0;
  }
  if (argc < 4 || _wcsicmp(argv[1], L"/groups") || _wcsicmp(argv[2], L"/fo") || _wcsicmp(argv[3], L"csv")) {
    char said[1024] = "ERROR: Invalid argument/option -", word[256];
    for (int i = 1; i < argc; i++) {
      utf8(argv[i], word, sizeof word);
      if (strlen(said) + strlen(word) + 2 < sizeof said) strcat(strcat(said, " "), word);
    }
    say(said);
    say("Type \"WHOAMI /?\" for usage.");
    return 1;
  }
  int header = 1;
  for (int i = 4; i < argc; i++)
    if (_wcsicmp(argv[i], L"/nh") == 0) header = 0;
  const char *local = high ? ENABLED : "Group used for deny only";
  const char *admins = high ? ENABLED ", Group owner" : "Group used for deny only";
  char row[512];
  if (header) say("\"Group Name\",\"Type\",\"SID\",\"Attributes\"");
  say("\"Everyone\",\"Well-known group\",\"S-1-1-0\",\"" ENABLED "\"");
  snprintf(row, sizeof row, "\"NT AUTHORITY\\Local account and member of Administrators group\",\"Well-known group\",\"S-1-5-114\",\"%s\"", local);
  say(row);
  snprintf(row, sizeof row, "\"BUILTIN\\Administrators\",\"Alias\",\"S-1-5-32-544\",\"%s\"", admins);
  say(row);
  say("\"BUILTIN\\Users\",\"Alias\",\"S-1-5-32-545\",\"" ENABLED "\"");
  say("\"NT AUTHORITY\\INTERACTIVE\",\"Well-known group\",\"S-1-5-4\",\"" ENABLED "\"");
  say("\"NT AUTHORITY\\Authenticated Users\",\"Well-known group\",\"S-1-5-11\",\"" ENABLED "\"");
  snprintf(row, sizeof row, "\"Mandatory Label\\%s Mandatory Level\",\"Label\",\"%s\",\"\"", high ? "High" : "Medium", high ? "S-1-16-12288" : "S-1-16-8192");
  say(row);
  return 0;
}
