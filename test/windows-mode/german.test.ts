// A German Windows: Wine in de_DE (OEM code page 850, German messages from reg.exe), and a
// netstat in System32 that prints a real German `netstat -ano` capture as Windows sends it:
// code page 850, CRLF, "ABHÖREN" with byte 0x99. Its listening sockets must be counted and
// protected like an English Windows's.
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, it } from 'node:test';
import { captureBytes, captureText } from '../helpers/captures';
import { windowsPath } from '../helpers/windows-mode/bed';
import { withBed } from '../helpers/windows-mode/with-bed';
import { installNetsh, installStandIn, installWhoami } from '../helpers/windows-mode/stand-ins';
import { regQuery } from '../helpers/reg-checks';

const CAPTURE = 'netstat-ano-de-1.txt';
/** German state words and the states they are, as netstat prints them (read here without the product). */
const GERMAN: Record<string, string> = {
  ABHÖREN: 'LISTENING',
  HERGESTELLT: 'ESTABLISHED',
  WARTEND: 'TIME_WAIT',
  SCHLIESSEN_WARTEN: 'CLOSE_WAIT',
  FIN_WARTEN_1: 'FIN_WAIT_1',
  FIN_WARTEN_2: 'FIN_WAIT_2',
};

/** The capture's TCP rows, by this test's own reading: local port and state. */
function captureRows(): { port: number; state: string }[] {
  return captureText(CAPTURE)
    .split('\n')
    .flatMap((line) => {
      const row = /^\s*TCP\s+\S+:(\d+)\s+\S+\s+(\S+)\s+\d+\s*$/.exec(line);
      return row ? [{ port: Number(row[1]), state: GERMAN[row[2]] ?? row[2] }] : [];
    });
}

describe('a German Windows as a win32 process (code page 850)', () => {
  const bed = withBed(
    'german',
    async () => {
      const scratch = await bed.prefix.folder('stand-ins');
      const netstat = path.join(scratch, 'netstat-ano-de.cp850');
      await writeFile(netstat, captureBytes(CAPTURE, 850));
      await installStandIn(bed.prefix, 'netstat', 'canned', [windowsPath(netstat)]);
      await installNetsh(bed.prefix, path.join(scratch, 'netsh-state.json'));
      await installWhoami(bed.prefix, 'high');
      // A fresh prefix has neither value (reg-checks.ts's resetValues reads English reg.exe messages).
      const values = await regQuery(bed.regTool);
      assert.deepEqual([values.MaxUserPort, values.TcpTimedWaitDelay], [undefined, undefined]);
    },
    { locale: 'de_DE.UTF-8' },
  );

  it('the prefix is German: OEM code page 850', async (t) => {
    if (bed.skipped(t)) return;
    const result = await bed.regTool.reg([
      'query',
      'HKLM\\SYSTEM\\CurrentControlSet\\Control\\Nls\\CodePage',
      '/v',
      'OEMCP',
    ]);
    assert.match(result.stdout, /OEMCP\s+REG_SZ\s+850/);
  });

  it('every TCP row is read: LISTENING (ABHÖREN) and the other German states counted', async (t) => {
    if (bed.skipped(t)) return;
    const result = await bed.cli(['diagnose', '--json']);
    assert.equal(result.code, 0, result.stderr);
    const { tcp, unavailable } = JSON.parse(result.stdout);
    assert.ok(tcp, `netstat was read; unavailable: ${JSON.stringify(unavailable)}`);
    const expected: Record<string, number> = {};
    for (const { state } of captureRows()) expected[state] = (expected[state] ?? 0) + 1;
    assert.ok(expected.LISTENING > 20, 'the capture has listening rows');
    assert.deepEqual(tcp.states, expected, `states per netstat's rows; unavailable: ${JSON.stringify(unavailable)}`);
  });

  it('the listening ports are found, and those in the dynamic range are flagged for protection', async (t) => {
    if (bed.skipped(t)) return;
    const result = await bed.cli(['diagnose', '--json']);
    assert.equal(result.code, 0, result.stderr);
    const { ports, recommendedRange } = JSON.parse(result.stdout);
    const listening = [
      ...new Set(
        captureRows()
          .filter((row) => row.state === 'LISTENING')
          .map((row) => row.port),
      ),
    ].sort((a, b) => a - b);
    assert.deepEqual(
      ports.listening.map((entry: { port: number }) => entry.port),
      listening,
    );
    const inRange = listening.filter((port) => port >= 49152);
    assert.ok(inRange.length > 0, 'the capture listens inside 49152-65535');
    const flagged = ports.listeningInRange
      .filter((entry: { range: string }) => entry.range === 'now')
      .map((entry: { port: number }) => entry.port);
    assert.deepEqual(flagged, inRange, 'listening ports inside the range in force are at risk');
    // The fixed listening ports (below the range) and MySQL's stay outside the range offered.
    const end = recommendedRange.start + recommendedRange.count - 1;
    for (const port of [...listening.filter((p) => p < 49152), 3306, 33060]) {
      assert.ok(
        port < recommendedRange.start || port > end,
        `${port} is outside the recommended ${recommendedRange.start}-${end}`,
      );
    }
  });

  it("status, apply and undo work with Wine's German reg.exe", async (t) => {
    if (bed.skipped(t)) return;
    const status = await bed.cli(['status', '--json']);
    assert.equal(status.code, 0, status.stderr);
    assert.deepEqual(JSON.parse(status.stdout).values.MaxUserPort, { present: false });
    const applied = await bed.cli(['apply', '--max-user-port', '65534', '--accept-unprotected']);
    assert.equal(applied.code, 0, applied.stderr);
    assert.equal((await regQuery(bed.regTool)).MaxUserPort?.data, '0xfffe');
    const undone = await bed.cli(['undo']);
    assert.equal(undone.code, 0, undone.stderr);
    assert.equal((await regQuery(bed.regTool)).MaxUserPort, undefined);
  });
});
