/**
 * Where the packaged CLI's lines go. Electron attaches to the console only when neither stream is
 * redirected, so with `> out.txt` alone stderr has no handle: its lines must go where stdout
 * goes, or every error line is lost. And the process may exit only once its writes are done.
 */
import assert from 'node:assert/strict';
import { closeSync, openSync } from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import { describe, it } from 'node:test';
import { flushed, reaches, routeOutput } from '../../../../electron/main/cli-output';
import { tempFolder } from '../../../helpers/temp-folder';

describe("the packaged CLI's output", () => {
  const temp = tempFolder('cli-output');

  it('tells a handle that reaches somewhere (a file, a pipe) from one the process never got', () => {
    const file = openSync(path.join(temp.path, 'out.txt'), 'w');
    assert.equal(reaches(file), true, 'a file, as with > out.txt');
    closeSync(file);
    assert.equal(reaches(file), false, 'no handle behind the number');
    assert.equal(reaches(1), true, "this test's stdout, a pipe to its runner");
  });

  it('with only stdout redirected, error lines follow it; with only stderr, output follows that', () => {
    const { stdout, stderr } = process;
    try {
      assert.equal(
        routeOutput((fd) => fd === 1),
        'stderr-to-stdout',
      );
      assert.equal(process.stderr, stdout, 'stderr writes where > out.txt reaches');
      Object.defineProperty(process, 'stderr', { value: stderr, configurable: true, writable: true });
      assert.equal(
        routeOutput((fd) => fd === 2),
        'stdout-to-stderr',
      );
      assert.equal(process.stdout, stderr);
    } finally {
      Object.defineProperty(process, 'stdout', { value: stdout, configurable: true, writable: true });
      Object.defineProperty(process, 'stderr', { value: stderr, configurable: true, writable: true });
    }
    assert.equal(
      routeOutput(() => true),
      'as-is',
      'a console, or both redirected: as they are',
    );
    assert.equal(
      routeOutput(() => false),
      'as-is',
      'no handle at all (started from Explorer): nothing to point at',
    );
    assert.equal(process.stdout, stdout);
    assert.equal(process.stderr, stderr);
  });

  it('is flushed only once every earlier write has been taken, as a Windows console takes them, later', async () => {
    const taken: string[] = [];
    const slow = new Writable({
      write(chunk: Buffer, _encoding, done) {
        setTimeout(() => {
          taken.push(chunk.toString());
          done();
        }, 30);
      },
    });
    slow.write('first line\n');
    slow.write('last line\n');
    assert.deepEqual(taken, [], 'nothing taken yet when the last write returns');
    await flushed(slow);
    assert.equal(taken.join(''), 'first line\nlast line\n');
  });
});
