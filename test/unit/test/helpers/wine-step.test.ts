/**
 * A Wine set-up step that fails says why: how it ended and the last lines it wrote, kept in a log
 * file (never a pipe, which Wine's background services would hold open). Driven with `sh` in
 * place of wineboot, so the failure is one the test chooses.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, it } from 'node:test';
import { tempFolder } from '../../../helpers/temp-folder';
import { runWineStep, stepFailure, TAIL_LINES } from '../../../helpers/wine-step';

describe('a Wine set-up step', () => {
  const temp = tempFolder('wine-step');

  it('that fails throws its exit code and what it wrote to stdout and stderr, from the log file', async () => {
    const log = temp.fresh('setup.log');
    const script = 'echo "wine: configuration in /p has been updated."; echo "err:ole:start_rpcss failed" >&2; exit 3';
    await assert.rejects(runWineStep('sh', ['-c', script], {}, '/p', log), {
      message: [
        `sh -c ${script} failed for /p: it exited with 3; the last 2 of 2 lines of ${log}:`,
        '  wine: configuration in /p has been updated.',
        '  err:ole:start_rpcss failed',
      ].join('\n'),
    });
  });

  it('that succeeds resolves, and adds its output to the same log after the earlier steps', async () => {
    const log = temp.fresh('setup.log');
    await runWineStep('sh', ['-c', 'echo first'], {}, '/p', log);
    await runWineStep('sh', ['-c', 'echo second >&2'], {}, '/p', log);
    assert.equal(await readFile(log, 'utf8'), 'first\nsecond\n');
  });

  it('killed by a signal says so', async () => {
    const log = temp.fresh('setup.log');
    await assert.rejects(runWineStep('sh', ['-c', 'kill -9 $$'], {}, '/p', log), {
      message: `sh -c kill -9 $$ failed for /p: it was killed by SIGKILL; it wrote nothing to ${log}`,
    });
  });
});

describe('the message of a failed step', () => {
  const log = path.join('/r', 'wine-setup.log');

  it(`keeps only the last ${TAIL_LINES} lines of a long log, and says how many there were`, () => {
    const lines = Array.from({ length: 40 }, (_, index) => `line ${index + 1}`);
    const message = stepFailure('wineboot -i', '/r/prefix', { code: 1, signal: null }, log, `${lines.join('\n')}\n`);
    const shown = message.split('\n').slice(1);
    assert.equal(
      message.split('\n')[0],
      `wineboot -i failed for /r/prefix: it exited with 1; the last 15 of 40 lines of ${log}:`,
    );
    assert.deepEqual(
      shown,
      lines.slice(-TAIL_LINES).map((line) => `  ${line}`),
    );
  });

  it('says when the log could not be read, rather than that the step wrote nothing', () => {
    assert.equal(
      stepFailure('wineserver -p', '/r/prefix', { code: 1, signal: null }, log, null),
      `wineserver -p failed for /r/prefix: it exited with 1; its log ${log} could not be read`,
    );
  });
});
