import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { resolveTarget } from '../../../../../electron/services/host/target';
import { windowsTool } from '../../../../../electron/services/host/windows-tools';

const STAND_INS = { TCP_PORT_TUNER_NETSH_COMMAND: '/tests/netsh', TCP_PORT_TUNER_NETSTAT_COMMAND: '/tests/netstat' };

describe('windowsTool on Windows', () => {
  const target = resolveTarget({ ...STAND_INS, PATH: 'C:\\Users\\Public' }, 'win32', () => [
    'C:\\Windows\\System32\\ntdll.dll',
  ]);

  it("runs each tool from System32 by its full path, never a stand-in, PATH or the working folder's", () => {
    for (const tool of ['netstat', 'netsh', 'wevtutil', 'tasklist'] as const) {
      const access = windowsTool(target, tool);
      assert.ok(access.ok, tool);
      assert.equal(access.command.file, `C:\\Windows\\System32\\${tool}.exe`);
      assert.deepEqual(access.command.leadingArgs, []);
    }
  });
});

describe('windowsTool under Wine', () => {
  it("reads the host's real sockets through Wine's netstat.exe", () => {
    const access = windowsTool(resolveTarget({ WINEPREFIX: '/p' }, 'linux'), 'netstat');
    assert.ok(access.ok);
    assert.deepEqual([access.command.file, access.command.leadingArgs], ['wine', ['netstat.exe']]);
    assert.equal(access.command.env.WINEPREFIX, '/p');
  });

  it('says a tool Wine lacks is not available, rather than running something else', () => {
    for (const tool of ['netsh', 'wevtutil', 'tasklist'] as const) {
      assert.deepEqual(windowsTool(resolveTarget({ WINEPREFIX: '/p' }, 'linux'), tool), {
        ok: false,
        tool,
        reason: 'not available under Wine',
      });
    }
  });

  it('runs the stand-in a test names, by itself', () => {
    const target = resolveTarget({ WINEPREFIX: '/p', ...STAND_INS }, 'linux');
    const netsh = windowsTool(target, 'netsh');
    assert.ok(netsh.ok);
    assert.deepEqual([netsh.command.file, netsh.command.leadingArgs], ['/tests/netsh', []]);
    assert.equal(windowsTool(target, 'wevtutil').ok, false, 'only the tools a stand-in is named for');
  });
});
