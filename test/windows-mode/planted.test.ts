// An elevated process never runs a program found through its working folder or PATH. Windows
// (libuv) looks for a bare `cscript.exe` in the working folder first, then on PATH: an admin who
// types `tcp-port-tuner status` in Downloads or on a share would run whatever lies there as
// administrator. Programs that leave a mark when run are planted under the names of every tool
// the product (and the regedit package) uses, in the working folder and on PATH.
import assert from 'node:assert/strict';
import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, it } from 'node:test';
import { withBed } from '../helpers/windows-mode/with-bed';
import { installNetsh, installWhoami, plant, ranWith } from '../helpers/windows-mode/stand-ins';
import { regQuery, resetValues } from '../helpers/reg-checks';

const TOOLS = [
  'cscript.exe',
  'reg.exe',
  'where.exe',
  'whoami.exe',
  'netsh.exe',
  'netstat.exe',
  'tasklist.exe',
  'icacls.exe',
  'wevtutil.exe',
  'shutdown.exe',
];

describe('planted programs in the working folder and on PATH of the win32 CLI', () => {
  let downloads: string;
  let share: string;
  const planted: string[] = [];
  const bed = withBed('planted', async () => {
    await installWhoami(bed.prefix, 'high');
    await installNetsh(bed.prefix, path.join(await bed.prefix.folder('stand-ins'), 'netsh-state.json'));
    await resetValues(bed.regTool);
    downloads = await bed.prefix.folder('Downloads');
    share = await bed.prefix.folder('share');
    for (const folder of [downloads, share]) for (const tool of TOOLS) planted.push(await plant(folder, tool));
  });
  const cli = (args: readonly string[]) => bed.cli(args, { cwd: downloads, path: [share] });

  /** Every planted program that ran, with the command line it was given. */
  async function ran(): Promise<string[]> {
    const marks = await Promise.all(planted.map(async (file) => [file, await ranWith(file)] as const));
    return marks
      .filter(([, line]) => line !== null)
      .map(([file, line]) => `${path.relative(bed.prefix.root, file)}: ${line}`);
  }

  const clearMarks = () => Promise.all(planted.map((file) => rm(`${file}.ran`, { force: true })));

  it('control: a bare name from this working folder, or from PATH, does run the planted program', async (t) => {
    if (bed.skipped(t)) return;
    const script = path.join(bed.prefix.root, 'bare-names.js');
    await writeFile(
      script,
      "const { spawnSync } = require('node:child_process');\nfor (const name of ['cscript.exe', 'reg.exe']) spawnSync(name, []);\n",
    );
    await bed.prefix.node(script, [], { cwd: downloads, path: [share] });
    await bed.prefix.node(script, [], { cwd: bed.prefix.root, path: [share] });
    const marks = (await ran()).map((line) => line.split(':')[0]);
    for (const name of ['cscript.exe', 'reg.exe']) {
      assert.ok(
        marks.some((mark) => mark.startsWith('Downloads') && mark.endsWith(name)),
        `${name} in the working folder ran: ${marks}`,
      );
      assert.ok(
        marks.some((mark) => mark.startsWith('share') && mark.endsWith(name)),
        `${name} on PATH ran: ${marks}`,
      );
    }
    await clearMarks();
  });

  const commands = [
    ['status'],
    ['status', '--backend', 'regedit'],
    ['diagnose'],
    ['apply', '--max-user-port', '65534', '--accept-unprotected', '--tcp-timed-wait-delay', '30'],
    ['apply', '--max-user-port', '60000', '--accept-unprotected', '--backend', 'regedit'],
    ['apply', '--reserve-ports', '3306'],
    ['history'],
    ['undo'],
  ];
  for (const args of commands) {
    it(`${args.join(' ')}: works, and runs none of them`, async (t) => {
      if (bed.skipped(t)) return;
      await clearMarks();
      const result = await cli(args);
      assert.equal(result.code, 0, `exit 0; stderr:\n${result.stderr}`);
      assert.deepEqual(await ran(), [], 'no planted program ran');
    });
  }

  it('the changes went through System32 reg.exe: the key holds what apply and undo left', async (t) => {
    if (bed.skipped(t)) return;
    const values = await regQuery(bed.regTool);
    assert.deepEqual(
      [values.MaxUserPort, values.TcpTimedWaitDelay],
      [undefined, undefined],
      'undone: both absent again',
    );
  });
});
