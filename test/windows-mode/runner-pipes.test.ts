// The product's process runner, run by Windows' Node.js under Wine as `diagnose` runs its tools:
// many at once, each pipe let go as the run ends. Letting go of a pipe that had ended while Node
// still shut its write side (a FlushFileBuffers on a pool thread under Wine) made Wine 8's server
// use the freed pipe and crash, about once in 200 runs here: every program of the prefix then
// waited for ever, and a test failed after 180 s. The runner now leaves an ended pipe to close
// itself. This runs it 200 times, 4 at once; the old runner hung here in 1 of 3 such loops.
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it, type TestContext } from 'node:test';
import { withBed } from '../helpers/windows-mode/with-bed';
import { bundleForWindowsNode } from '../helpers/windows-mode/bundle';
import { regQuery, setValue } from '../helpers/reg-checks';
import { KEY } from '../helpers/wine-prefix';

const RUNS = 200;

describe("the process runner under Windows' Node.js, many runs at once", () => {
  let script: string;
  const bed = withBed('runner-pipes', async () => {
    script = path.join(await bed.prefix.folder('app'), 'run-many.cjs');
    await bundleForWindowsNode(path.join(__dirname, '../helpers/windows-mode/run-many.ts'), script);
    await setValue(bed.regTool, 'MaxUserPort', 'REG_DWORD', 40000);
  });

  it(`${RUNS} runs of reg.exe, 4 at once, each ends with what reg.exe read, and Wine's server stays up`, async (t: TestContext) => {
    if (bed.skipped(t)) return;
    const result = await bed.prefix.node(script, [
      String(RUNS),
      '4',
      'C:\\windows\\system32\\reg.exe',
      'query',
      KEY,
      '/v',
      'MaxUserPort',
    ]);
    assert.equal(result.code, 0, `the runs ended; stderr:\n${result.stderr}`);
    assert.deepEqual(
      JSON.parse(result.stdout),
      { 'exit 0: 0x9c40': RUNS },
      "every run exited 0 and read the value set by Wine's reg.exe",
    );
    assert.equal(
      (await regQuery(bed.regTool)).MaxUserPort?.data,
      '0x9c40',
      "Wine's server still answers after the runs",
    );
  });
});
