/*
 * A planted program: if anything runs it, it leaves "<its own path>.ran" beside itself and fails.
 * Tests put it where an elevated process must never look (the working folder, PATH) under the
 * name of a tool the product uses, and then check that no mark was left.
 */
#include <windows.h>
#include <wchar.h>

int wmain(void) {
  wchar_t self[MAX_PATH], mark[MAX_PATH + 8];
  DWORD size = GetModuleFileNameW(NULL, self, MAX_PATH);
  if (size == 0 || size >= MAX_PATH) return 1;
  swprintf(mark, MAX_PATH + 8, L"%ls.ran", self);
  HANDLE file = CreateFileW(mark, GENERIC_WRITE, 0, NULL, CREATE_ALWAYS, 0, NULL);
  if (file != INVALID_HANDLE_VALUE) {
    DWORD written;
    WriteFile(file, GetCommandLineA(), lstrlenA(GetCommandLineA()), &written, NULL);
    CloseHandle(file);
  }
  return 1;
}
