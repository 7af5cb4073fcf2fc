// How the bed starts a Windows program (test/helpers/windows-mode/wine64.ts): Wine's 64-bit
// loader, no start.exe in between, no address randomization. Started otherwise on Debian's Wine,
// about one start in several thousand never ran (start.exe's "Internal error", or a silent exit 1
// when Linux put the loader's heap on Windows' shared user data at 0x7ffe0000), and a test failed.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, it } from 'node:test';
import { windowsPath } from '../helpers/windows-mode/bed';
import { withBed } from '../helpers/windows-mode/with-bed';
import { WINDOWS_NODE } from '../helpers/windows-mode/prefix';
import { commandLine, prefixPids } from '../helpers/windows-mode/processes';

const ADDR_NO_RANDOMIZE = 0x0040000;
const SHARED_USER_DATA = 0x7ffe0000;

describe('the Windows-mode bed starts a program', () => {
  const bed = withBed('bed-start');

  it('itself, never through start.exe, with its heap below the shared user data every time', async (t) => {
    if (bed.skipped(t)) return;
    const folder = await bed.prefix.folder('probe');
    const [started, done] = [path.join(folder, 'started'), path.join(folder, 'done')];
    // node.exe stays until told, so its process can be looked at while it runs.
    const script = `const fs = require('fs'); fs.writeFileSync(${JSON.stringify(windowsPath(started))}, '');
      const wait = setInterval(() => fs.existsSync(${JSON.stringify(windowsPath(done))}) && clearInterval(wait), 50);`;
    let ended = false;
    const run = bed.prefix.run(WINDOWS_NODE, ['-e', script]).finally(() => (ended = true));
    while (!existsSync(started) && !ended) await new Promise((resolve) => setTimeout(resolve, 50));
    if (ended) assert.fail(`node.exe ended before it was looked at: ${JSON.stringify(await run)}`);

    const processes = prefixPids(bed.prefix.dir).map((pid) => ({ pid, line: commandLine(pid) }));
    const node = processes.find(({ line }) => /node\.exe -e/.test(line));
    const personality = node && parseInt(readFileSync(`/proc/${node.pid}/personality`, 'latin1'), 16);
    const heap = node && /^[0-9a-f]+-([0-9a-f]+) .*\[heap\]$/m.exec(readFileSync(`/proc/${node.pid}/maps`, 'latin1'));
    await writeFile(done, '');
    assert.equal((await run).code, 0, 'node.exe ran to its end');

    assert.deepEqual(
      processes.filter(({ line }) => /start\.exe/i.test(line)),
      [],
      'no start.exe in the prefix',
    );
    assert.ok(node, `node.exe is one of the prefix's processes: ${processes.map(({ line }) => line).join('; ')}`);
    assert.ok(
      (personality ?? 0) & ADDR_NO_RANDOMIZE,
      `node.exe runs without address randomization (personality ${personality?.toString(16)})`,
    );
    assert.ok(
      heap && parseInt(heap[1], 16) <= SHARED_USER_DATA,
      `node.exe's Linux heap ends at or below 0x7ffe0000 (${heap?.[0]})`,
    );
  });
});
