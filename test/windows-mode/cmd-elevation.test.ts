/**
 * build/tcp-port-tuner.cmd, the installed app's command line, run by Windows' cmd.exe (Wine's,
 * 64-bit) in the Windows-mode bed: whoami.exe in System32 is a stand-in giving an elevated
 * (High) or a filtered (Medium) token, and "TCP Port Tuner.exe" beside the .cmd is a planted
 * program that records its command line. From a console that is not elevated the .cmd must
 * refuse with exit 3 and the line docs/cli.md gives before the exe starts: on Windows, starting it
 * would ask UAC and run it in a console of its own. Programs planted in the working folder, on
 * PATH and as %ComSpec% must never run.
 */
import assert from 'node:assert/strict';
import { copyFile, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, it } from 'node:test';
import { windowsPath } from '../helpers/windows-mode/bed';
import { withBed } from '../helpers/windows-mode/with-bed';
import type { WindowsRun } from '../helpers/windows-mode/prefix';
import { installWhoami, plant, ranWith } from '../helpers/windows-mode/stand-ins';

const ROOT = path.resolve(__dirname, '../..');
const REFUSAL =
  'tcp-port-tuner: This console is not elevated, and TCP Port Tuner runs only as administrator. Open a console with "Run as administrator" and run the command again. Nothing was changed.';

describe('tcp-port-tuner.cmd checks elevation before it starts the app', () => {
  let app: string;
  let exe: string;
  let cwd: string;
  let planted: string[];
  let plantedPath: string;
  const bed = withBed('cmd-elevation', async () => {
    app = await bed.prefix.folder('Program Files TCP Port Tuner');
    await copyFile(path.join(ROOT, 'build', 'tcp-port-tuner.cmd'), path.join(app, 'tcp-port-tuner.cmd'));
    exe = await plant(app, 'TCP Port Tuner.exe');
    // Where a batch file would find a program by its bare name, and what FOR /F would start.
    cwd = await bed.prefix.folder('working-folder');
    const onPath = await bed.prefix.folder('on-path');
    planted = [
      await plant(cwd, 'whoami.exe'),
      await plant(cwd, 'cmd.exe'),
      await plant(onPath, 'whoami.exe'),
      await plant(onPath, 'cmd.exe'),
      await plant(onPath, 'TCP Port Tuner.exe'),
    ];
    plantedPath = onPath;
  });

  /**
   * `cmd /c "...\tcp-port-tuner.cmd" args` from a console in the planted working folder, as a
   * script runs it: the line in a batch file (cmd /c strips the outer quotes of a command line
   * holding more than two), run by System32's 64-bit cmd.exe, which Windows' Node starts (`wine
   * cmd` would start Wine's 32-bit one, which sees SysWOW64, not the stand-ins in System32).
   */
  async function runCmd(args: string): Promise<WindowsRun> {
    const folder = await bed.prefix.folder('caller');
    const caller = path.join(folder, 'caller.cmd');
    // Without CALL the .cmd takes over and its exit code is cmd's (under Wine, CALL made the .cmd's 3 a 1).
    await writeFile(caller, `@"${windowsPath(path.join(app, 'tcp-port-tuner.cmd'))}" ${args}\r\n`);
    const starter = path.join(folder, 'start-cmd.js');
    await writeFile(
      starter,
      'const [cmd, caller] = process.argv.slice(2);\n' +
        "const ran = require('node:child_process').spawnSync(cmd, ['/c', caller], { stdio: 'inherit' });\n" +
        'process.exitCode = ran.status ?? 99;\n',
    );
    return bed.prefix.node(starter, ['C:\\windows\\system32\\cmd.exe', windowsPath(caller)], {
      cwd,
      path: [plantedPath],
      env: { ComSpec: windowsPath(path.join(cwd, 'cmd.exe')) },
    });
  }

  async function nothingPlantedRan(): Promise<void> {
    for (const program of planted) assert.equal(await ranWith(program), null, `${program} must never run`);
  }

  it('not elevated: exit 3, the one line docs/cli.md gives, nothing on stdout, and the exe never starts', async (t) => {
    if (bed.skipped(t)) return;
    await installWhoami(bed.prefix, 'medium');
    const result = await runCmd('apply --max-user-port 65534 --accept-unprotected');
    assert.equal(result.code, 3, result.stderr);
    assert.deepEqual(result.stderr.split(/\r?\n/).filter(Boolean), [REFUSAL]);
    assert.equal(result.stdout.trim(), '');
    assert.equal(await ranWith(exe), null, 'the app was not started, so Windows would ask no UAC prompt');
    await nothingPlantedRan();
  });

  it('elevated: runs the exe beside it with --cli and the arguments as given, and passes its exit code on', async (t) => {
    if (bed.skipped(t)) return;
    await installWhoami(bed.prefix, 'high');
    const result = await runCmd('status --json "two words"');
    // The planted exe exits 1 once it has recorded how it was started.
    assert.equal(result.code, 1, result.stderr);
    const commandLine = await ranWith(exe);
    assert.ok(commandLine, 'the app was started');
    assert.match(commandLine, /TCP Port Tuner\.exe" --cli status --json "two words"\s*$/);
    assert.ok(commandLine.startsWith(`"${windowsPath(app)}\\TCP Port Tuner.exe"`), commandLine);
    await nothingPlantedRan();
  });

  it('docs/cli.md gives the same refusal line and documents > out.txt 2>&1', async () => {
    const page = await readFile(path.join(ROOT, 'docs', 'cli.md'), 'utf8');
    assert.ok(page.includes(REFUSAL), 'docs/cli.md quotes the line');
    assert.match(page, /tcp-port-tuner\.cmd" status > out\.txt 2>&1/);
    assert.match(
      await readFile(path.join(ROOT, 'build', 'tcp-port-tuner.cmd'), 'utf8'),
      /tcp-port-tuner status > out\.txt 2>&1\r\n/,
    );
  });
});
