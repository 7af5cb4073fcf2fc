// A Russian Windows: Wine in ru_RU (OEM code page 866), and netstat and tasklist in System32
// that print as Russian Windows does: headers and process names in Cyrillic, code page 866,
// CRLF; netstat's states stay English there. The programs behind the connections must be named
// as Windows names them, not as mojibake.
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, it } from 'node:test';
import { captureText, windowsBytes } from '../helpers/captures';
import { windowsPath } from '../helpers/windows-mode/bed';
import { withBed } from '../helpers/windows-mode/with-bed';
import { installNetsh, installStandIn, installWhoami } from '../helpers/windows-mode/stand-ins';

const CLIENT = 'КассаКлиент.exe';
/** The title and header of the Russian capture (netstat-ru-1.txt), with -ano's PID column. */
const [title, header] = captureText('netstat-ru-1.txt')
  .split('\n')
  .filter((line) => /Активные|Состояние/.test(line));
const NETSTAT = [
  '',
  title,
  '',
  `${header}       PID`,
  '  TCP    0.0.0.0:3306           0.0.0.0:0              LISTENING       2412',
  '  TCP    0.0.0.0:49670          0.0.0.0:0              LISTENING       5120',
  '  TCP    10.0.0.5:50001         10.0.0.9:3306          ESTABLISHED     5120',
  '  TCP    10.0.0.5:50002         10.0.0.9:3306          TIME_WAIT       0',
  '  TCP    [::]:3306              [::]:0                 LISTENING       2412',
  '',
].join('\n');
const TASKLIST = [
  '"System Idle Process","0","Services","0","8 КБ"',
  '"System","4","Services","0","2 316 КБ"',
  '"mysqld.exe","2412","Services","0","412 080 КБ"',
  `"${CLIENT}","5120","Console","1","61 204 КБ"`,
  '',
].join('\n');

describe('a Russian Windows as a win32 process (code page 866)', () => {
  const bed = withBed(
    'russian',
    async () => {
      const scratch = await bed.prefix.folder('stand-ins');
      for (const [tool, text] of [
        ['netstat', NETSTAT],
        ['tasklist', TASKLIST],
      ] as const) {
        const file = path.join(scratch, `${tool}.cp866`);
        await writeFile(file, windowsBytes(text, 866));
        await installStandIn(bed.prefix, tool, 'canned', [windowsPath(file)]);
      }
      await installNetsh(bed.prefix, path.join(scratch, 'netsh-state.json'));
      await installWhoami(bed.prefix, 'high');
    },
    { locale: 'ru_RU.UTF-8' },
  );

  it('the prefix is Russian: OEM code page 866', async (t) => {
    if (bed.skipped(t)) return;
    const result = await bed.regTool.reg([
      'query',
      'HKLM\\SYSTEM\\CurrentControlSet\\Control\\Nls\\CodePage',
      '/v',
      'OEMCP',
    ]);
    assert.match(result.stdout, /OEMCP\s+REG_SZ\s+866/);
  });

  it('names the programs behind the connections and the listening ports in Cyrillic, as tasklist does', async (t) => {
    if (bed.skipped(t)) return;
    const result = await bed.cli(['diagnose', '--json']);
    assert.equal(result.code, 0, result.stderr);
    const { tcp, ports, unavailable } = JSON.parse(result.stdout);
    assert.equal(unavailable.processes, undefined, `tasklist was read: ${unavailable.processes}`);
    assert.deepEqual(
      tcp.processes.map((owner: { pid: number; name: string }) => [owner.pid, owner.name]),
      [[5120, CLIENT]],
    );
    assert.deepEqual(ports.listening, [
      { port: 3306, process: 'mysqld.exe' },
      { port: 49670, process: CLIENT },
    ]);
    assert.deepEqual(tcp.states, { LISTENING: 3, ESTABLISHED: 1, TIME_WAIT: 1 });
  });

  it('the text output shows the Cyrillic name, not mojibake', async (t) => {
    if (bed.skipped(t)) return;
    const result = await bed.cli(['diagnose']);
    assert.equal(result.code, 0, result.stderr);
    assert.ok(result.stdout.includes(CLIENT), `the name appears as written:\n${result.stdout}`);
    assert.doesNotMatch(result.stdout, /\uFFFD/, 'no replacement characters');
  });
});
