/**
 * A reader that stops early (`tcp-port-tuner --help | head -c1`) closes stdout under the CLI:
 * it ends quietly, with no Node stack on stderr.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, it } from 'node:test';

const REPO = path.resolve(__dirname, '../../../..');

describe('the CLI entry', () => {
  it('ends quietly when stdout is closed before it writes (EPIPE)', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'electron/cli/tcp-port-tuner.ts', '--help'], {
      cwd: REPO,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    // Closed at once: the CLI needs far longer to load than this takes, so its first write meets a closed pipe.
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    assert.equal(stderr, '', 'nothing on stderr: no stack, no EPIPE');
    assert.equal(code, 0);
  });
});
