// `npm start` and `npm test` on Windows: scripts/setup.mjs and scripts/test.mjs run by Windows'
// node.exe (process.platform win32) from the repository. Neither may reach for Debian's tools:
// bash, apt-get, sudo and dpkg are planted on PATH, and none may run. A control shows that a
// bare `bash` from that Node does find the planted one, so "none ran" means something.
import assert from 'node:assert/strict';
import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, it, type TestContext } from 'node:test';
import { openBed, type Bed } from '../helpers/windows-mode/bed';
import { plant, ranWith } from '../helpers/windows-mode/stand-ins';

const REPO = path.resolve(__dirname, '../..');
const DEBIAN_TOOLS = ['bash.exe', 'apt-get.exe', 'sudo.exe', 'dpkg.exe'];

describe("npm start and npm test as Windows' Node.js runs them", () => {
  let bed: Bed;
  let tools: string;
  const planted: string[] = [];
  before(async () => {
    bed = await openBed('npm-scripts');
    if (bed.skip) return;
    tools = await bed.prefix.folder('debian-tools');
    for (const name of DEBIAN_TOOLS) planted.push(await plant(tools, name));
  });
  after(() => bed?.close());

  const skipped = (t: TestContext) => (bed.skip ? (t.skip(bed.skip), true) : false);
  const ran = async () =>
    (
      await Promise.all(planted.map(async (file) => ((await ranWith(file)) === null ? [] : [path.basename(file)])))
    ).flat();
  const script = (file: string, args: string[], event: string) =>
    bed.prefix.node(path.join(REPO, file), args, { cwd: REPO, path: [tools], env: { npm_lifecycle_event: event } });

  it('control: a bare bash from this Node runs the planted one', async (t) => {
    if (skipped(t)) return;
    const control = path.join(bed.prefix.root, 'bare-bash.js');
    await writeFile(control, "require('node:child_process').spawnSync('bash', ['scripts/setup.sh']);\n");
    await bed.prefix.node(control, [], { cwd: REPO, path: [tools] });
    assert.deepEqual(await ran(), ['bash.exe']);
    await Promise.all(planted.map((file) => rm(`${file}.ran`, { force: true })));
  });

  for (const [event, says] of [
    [
      'start',
      'setup: on win32, npm start builds the app and starts Electron. Nothing is installed from Debian here (scripts/setup.sh is for Debian).',
    ],
    [
      'test',
      'setup: on win32, npm test runs the checks and the unit suite; mariadb, wine, windows-mode, installer, e2e need Debian (docs/testing.md). Nothing is installed from Debian here (scripts/setup.sh is for Debian).',
    ],
  ]) {
    it(`npm ${event}'s set-up says what runs on Windows, runs nothing of Debian's, and goes on (exit 0)`, async (t) => {
      if (skipped(t)) return;
      const result = await script('scripts/setup.mjs', [], event);
      assert.equal(result.code, 0, result.stderr);
      assert.equal(result.stdout.trim(), says);
      assert.deepEqual(await ran(), [], 'no Debian tool ran');
    });
  }

  it('a suite that needs Debian, asked for by name, says why it cannot run and fails', async (t) => {
    if (skipped(t)) return;
    const result = await script('scripts/test.mjs', ['wine'], 'test:wine');
    assert.equal(result.code, 1, result.stderr);
    assert.match(
      result.stdout,
      /== wine: not run on win32, needs Debian: it proves every change against Wine's registry and reg\.exe\./,
    );
    assert.match(result.stdout, /\nTests: 0 passed, 1 failed\r?\n$/);
    assert.deepEqual(await ran(), [], 'no Debian tool ran');
  });
});
