// The runner every Windows tool goes through: it must hand back what a program wrote, and never
// leave the CLI or the main process waiting on a program, or on a helper that holds its pipes.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { processRunner, streamRunner } from '../../../../../electron/services/host/process-runner';

const utf8 = (bytes: Buffer) => bytes.toString('utf8');
const SH = '/bin/sh';
const scratch = mkdtempSync(path.join(tmpdir(), 'process-runner-'));
let helpers = 0;

/**
 * A shell line that leaves a helper holding the program's pipes for 30 s (far past every
 * deadline here), and the file its PID is written to.
 */
function withHelper(then: string): { args: string[]; pidFile: string } {
  const pidFile = path.join(scratch, `helper-${++helpers}`);
  return { args: ['-c', `sleep 30 & echo $! > ${pidFile}; ${then}`], pidFile };
}

/** Whether the helper still runs, which proves the run ended without waiting for it; then it is stopped. */
function helperStillRan(pidFile: string): boolean {
  const pid = Number(readFileSync(pidFile, 'utf8'));
  try {
    process.kill(pid, 'SIGTERM');
    return true;
  } catch {
    return false;
  }
}

/** Runs this file's own runner in a child Node, so a handle left open shows as a process that does not end. */
function runnerInChild(limits: string, args: readonly string[]): Promise<{ code: number | null; output: string }> {
  const runner = path.resolve(__dirname, '../../../../../electron/services/host/process-runner.ts');
  const script = `
    const { processRunner } = require(${JSON.stringify(runner)});
    processRunner((b) => b.toString('utf8'), ${limits})(${JSON.stringify(SH)}, ${JSON.stringify(args)})
      .then((r) => console.log('answered', r.code, JSON.stringify(r.stdout)), (e) => console.log('refused', e.code, e.message));`;
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.on('close', (code) => resolve({ code, output: output.trim() }));
  });
}

after(() => rmSync(scratch, { recursive: true, force: true }));

describe('process runner', () => {
  it('hands back the output and exit code of a program that ends', async () => {
    const result = await processRunner(utf8)(SH, ['-c', 'printf "a b\\n"; printf oops >&2; exit 3']);
    assert.deepEqual(result, { code: 3, stdout: 'a b\n', stderr: 'oops' });
  });

  it("after exit, stops reading once output pauses though a helper holds the pipes (Wine's console host), and keeps what was written", async () => {
    const { args, pidFile } = withHelper('echo read');
    const result = await processRunner(utf8)(SH, args);
    assert.equal(result.stdout, 'read\n');
    assert.ok(helperStillRan(pidFile), 'answered while the helper still held the pipes');
  });

  it('a large output (2 MB, as netstat on a busy server) is read whole, though the pipes never close', async () => {
    const { args, pidFile } = withHelper("head -c 2000000 /dev/zero | tr '\\0' x");
    const result = await processRunner(utf8)(SH, args);
    assert.equal(result.stdout.length, 2_000_000);
    assert.match(result.stdout, /^x+$/);
    assert.ok(helperStillRan(pidFile), 'read whole while the helper still held the pipes');
  });

  it('a program that never ends is stopped and refused as timed out, and the process it ran in can exit', async () => {
    const { args, pidFile } = withHelper('exec sleep 30');
    const { code, output } = await runnerInChild('{ timeoutMs: 500 }', args);
    assert.equal(code, 0);
    assert.match(output, /^refused ETIMEDOUT \/bin\/sh did not finish within 0\.5 s$/);
    assert.ok(helperStillRan(pidFile), 'the process running it ended without waiting for the helper holding the pipes');
  });
});

describe('process runner, streaming (the live sample reads netstat while it writes)', () => {
  it('hands each chunk to the reader while the program still runs: this one ends only once its first line was read', async () => {
    const seen = path.join(scratch, 'seen');
    const chunks: string[] = [];
    const result = await streamRunner({ timeoutMs: 20_000 })(
      SH,
      [
        '-c',
        `printf "first\\n"; while [ ! -f ${seen} ]; do sleep 0.01; done; printf "last\\n"; printf oops >&2; exit 2`,
      ],
      undefined,
      (chunk) => {
        chunks.push(chunk.toString('utf8'));
        writeFileSync(seen, '');
      },
    );
    assert.equal(chunks.join(''), 'first\nlast\n');
    assert.deepEqual({ code: result.code, stderr: result.stderr.toString('utf8') }, { code: 2, stderr: 'oops' });
  });

  it('a program writing past the size limit is stopped and the run fails with that reason', async () => {
    let read = 0;
    const run = streamRunner({ maxBytes: 1024 * 1024, timeoutMs: 30_000 })(
      SH,
      ['-c', 'exec yes'],
      undefined,
      (chunk) => (read += chunk.length),
    );
    await assert.rejects(run, { message: '/bin/sh wrote more than 1 MB' });
    assert.ok(read <= 1024 * 1024, 'nothing past the limit reached the reader');
  });

  it("a line the reader cannot read stops the program, and the run fails with the reader's reason", async () => {
    const run = streamRunner({ timeoutMs: 30_000 })(SH, ['-c', 'exec yes'], undefined, () => {
      throw new Error('netstat\'s answer held a line that is not a connection: "y"');
    });
    await assert.rejects(run, { message: 'netstat\'s answer held a line that is not a connection: "y"' });
  });
});
