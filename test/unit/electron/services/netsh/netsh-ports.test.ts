/** netsh's answers read by shape, in the code page Windows writes them in, and its failures named for what they are. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TunerError } from '../../../../../electron/services/errors';
import { decodeCodePage } from '../../../../../electron/services/host/code-page';
import type { ProcessResult, ProcessRunner } from '../../../../../electron/services/host/process-runner';
import type { ToolAccess } from '../../../../../electron/services/host/windows-tools';
import { parseDynamicPort, parseExcludedRanges } from '../../../../../electron/services/netsh/netsh-parsers';
import { NetshPorts } from '../../../../../electron/services/netsh/netsh-ports';
import { captureBytes, windowsBytes } from '../../../../helpers/captures';

const NETSH: ToolAccess = {
  ok: true,
  tool: 'netsh',
  command: { file: 'C:\\Windows\\System32\\netsh.exe', leadingArgs: [], env: {} },
};
const answering =
  (result: ProcessResult | Error): ProcessRunner =>
  async () => {
    if (result instanceof Error) throw result;
    return result;
  };
const said = (stdout: string, code = 0): ProcessResult => ({ code, stdout, stderr: '' });
const HELP =
  '\r\nThe following commands are available:\r\n\r\nCommands in this context:\r\n?              - Displays a list of commands.\r\n';

function rejectsWith(work: Promise<unknown>, kind: string, message: RegExp) {
  return assert.rejects(work, (error: unknown) => {
    assert.ok(error instanceof TunerError, String(error));
    assert.equal(error.kind, kind);
    assert.match(error.message, message);
    return true;
  });
}

describe('netsh show excludedportrange, from real bytes', () => {
  it('reads a German answer in code page 850, ü and all', async () => {
    const text = await decodeCodePage(captureBytes('netsh-excludedportrange-tcp-de-1.txt', 850), 850);
    assert.match(text, /Portausschlussbereiche für das Protokoll "tcp"/);
    const found = parseExcludedRanges(text);
    assert.equal(found?.length, 8);
    assert.deepEqual(found?.[2], { start: 49711, end: 49810, administered: false });
  });

  it('reads a Chinese answer in code page 936, telling the administered rows', async () => {
    const found = parseExcludedRanges(
      await decodeCodePage(captureBytes('netsh-excludedportrange-tcp-zh-1.txt', 936), 936),
    );
    assert.equal(found?.length, 14);
    assert.deepEqual(
      found?.filter((range) => range.administered).map((range) => range.start),
      [1433, 10362, 50000],
    );
  });

  it('reads an empty table as no exclusions: the title, header and dashes are there', () => {
    const empty =
      '\r\nProtocol tcp Port Exclusion Ranges\r\n\r\nStart Port    End Port\r\n----------    --------\r\n\r\n* - Administered port exclusions.\r\n\r\n';
    assert.deepEqual(parseExcludedRanges(empty), []);
  });

  it('does not read an answer without that shape', () => {
    for (const answer of [
      '',
      '\r\n',
      HELP,
      'The following command was not found: int ipv4 show excludedportrange.\r\n',
      '      5357        5357\r\n',
    ]) {
      assert.equal(parseExcludedRanges(answer), null, JSON.stringify(answer));
    }
  });
});

describe('NetshPorts', () => {
  it("never takes Wine's empty answer for no exclusions: it throws, saying the answer was empty", async () => {
    const netsh = new NetshPorts(NETSH, answering(said('')));
    await rejectsWith(
      netsh.readExclusions('ipv4'),
      'netsh-failed',
      /^Could not read the IPv4 port exclusions: netsh's answer held no table of exclusions \(the answer was empty\)\.$/,
    );
  });

  it("names an unknown answer's first line", async () => {
    const netsh = new NetshPorts(NETSH, answering(said(HELP)));
    await rejectsWith(
      netsh.readExclusions('ipv6'),
      'netsh-failed',
      /IPv6 port exclusions: .*\(it began "The following commands are available:"\)\.$/,
    );
    await rejectsWith(
      netsh.readDynamicRange('ipv4'),
      'netsh-failed',
      /^Could not read the IPv4 dynamic port range: netsh's answer held no start and number of ports \(it began "The following/,
    );
  });

  it('reads the German dynamic range by position, from code page 850 bytes', async () => {
    const german =
      '\nProtokoll tcp Dynamischer Portbereich\n---------------------------------\nStartport       : 1024\nAnzahl der Ports: 64511\n';
    const netsh = new NetshPorts(NETSH, answering(said(await decodeCodePage(windowsBytes(german, 850), 850))));
    assert.deepEqual(await netsh.readDynamicRange('ipv4'), { start: 1024, count: 64511 });
    assert.equal(
      parseDynamicPort('Start Port      : 49152\r\nNumber of Ports : 16384\r\n'),
      null,
      'no title and dashes: not read',
    );
  });

  it('calls a netsh that hangs past the timeout a failed netsh step (exit 4), not a missing tool', async () => {
    const hung = Object.assign(new Error('netsh.exe did not finish within 60 s'), { code: 'ETIMEDOUT' });
    const netsh = new NetshPorts(NETSH, answering(hung));
    await rejectsWith(
      netsh.setDynamicRange('ipv4', { start: 10000, count: 55536 }),
      'netsh-failed',
      /^Could not set the IPv4 dynamic port range: netsh\.exe did not finish within 60 s\.$/,
    );
  });

  it('calls a netsh that cannot be started a missing tool', async () => {
    const netsh = new NetshPorts(NETSH, answering(Object.assign(new Error('spawn ENOENT'), { code: 'ENOENT' })));
    await rejectsWith(netsh.readExclusions('ipv4'), 'tool-missing', /netsh\.exe could not be started \(ENOENT\)/);
  });

  it("calls a refused write not permitted when the token is not elevated, in any language of netsh's", async () => {
    const german = said('Für den angeforderten Vorgang sind erhöhte Rechte erforderlich.\r\n', 1);
    const netsh = new NetshPorts(NETSH, answering(german), async () => false);
    await rejectsWith(
      netsh.reservePort('ipv4', 3306),
      'not-permitted',
      /^Could not reserve port 3306 for IPv4: netsh needs administrator rights and said "Für den angeforderten Vorgang sind erhöhte Rechte erforderlich"\. Run as administrator\.$/,
    );
  });

  it("passes netsh's words on as a failed netsh step when the token is elevated", async () => {
    const netsh = new NetshPorts(NETSH, answering(said('The parameter is incorrect.\r\n', 1)), async () => true);
    await rejectsWith(
      netsh.releasePort('ipv6', 3306),
      'netsh-failed',
      /^Could not release port 3306 for IPv6: netsh exited with 1 and said "The parameter is incorrect"\.$/,
    );
  });

  it("quotes netsh's own brackets and full stop without doubling them", async () => {
    const english = said('The requested operation requires elevation (Run as administrator).\r\n', 1);
    await assert.rejects(new NetshPorts(NETSH, answering(english), async () => false).reservePort('ipv4', 3306), {
      message:
        'Could not reserve port 3306 for IPv4: netsh needs administrator rights and said "The requested operation requires elevation (Run as administrator)". Run as administrator.',
    });
    await assert.rejects(
      new NetshPorts(NETSH, answering(english), async () => true).setDynamicRange('ipv4', {
        start: 10000,
        count: 55536,
      }),
      {
        message:
          'Could not set the IPv4 dynamic port range: netsh exited with 1 and said "The requested operation requires elevation (Run as administrator)".',
      },
    );
  });
});
