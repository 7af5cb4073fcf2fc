/**
 * Nothing is written that no backup vouches for. Edits of the journal within its schema, a
 * planted pending entry and planted lock names, through the CLI on a Wine registry with the
 * netsh stand-in: undo refuses with exit 5 naming the journal, status settles nothing it cannot
 * vouch for, and the key and netsh's state (read with the test's own tools) stay as they were.
 */
import assert from 'node:assert/strict';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeEach, describe, it } from 'node:test';
import { netshEnv, netshState, one, seedNetsh } from '../helpers/netsh-stand-in';
import { cliMessages, runCli } from '../helpers/cli-run';
import { freshPath } from '../helpers/temp-folder';
import { withPrefix } from '../helpers/with-prefix';
import { regExport, resetValues } from '../helpers/reg-checks';

const APPLY = [
  'apply',
  '--max-user-port',
  '65534',
  '--accept-unprotected',
  '--dynamic-start',
  '33061',
  '--dynamic-count',
  '32475',
  '--reserve-ports',
  '3306,8080',
];
/** The admin's own 5357 and 8080. */
const FOUND = [one(5357), one(8080)];
type Journal = {
  baseline: { states: Record<string, Record<string, unknown>>; backupFile: string };
  lastWritten: Record<string, unknown>;
  pending: unknown;
};

describe('the journal checked against its backups, on Wine with the netsh stand-in', () => {
  let dataDir: string;
  let state: string;
  let env: NodeJS.ProcessEnv;
  let journalFile: string;
  const prefix = withPrefix('journal-tamper');
  beforeEach(async () => {
    await resetValues(prefix);
    dataDir = freshPath(prefix.root, 'data');
    journalFile = path.join(dataDir, 'journal.json');
    state = await seedNetsh(prefix.root, FOUND);
    env = netshEnv(prefix, dataDir, state);
    const applied = await runCli(APPLY, env);
    assert.equal(applied.code, 0, applied.stderr);
  });

  async function edit(change: (journal: Journal) => void): Promise<void> {
    const journal = JSON.parse(await readFile(journalFile, 'utf8')) as Journal;
    change(journal);
    await writeFile(journalFile, JSON.stringify(journal));
  }
  const machine = async () => ({ key: await regExport(prefix), netsh: await netshState(state) });

  const edits: [string, (journal: Journal) => void, RegExp][] = [
    [
      "delete the admin's 8080",
      (journal) => Object.assign(journal.baseline.states.reservedPorts, { 8080: { ipv4: 'open', ipv6: 'open' } }),
      /port 8080 differs/,
    ],
    [
      "delete the admin's 5357",
      (journal) => Object.assign(journal.baseline.states.reservedPorts, { 5357: { ipv4: 'open', ipv6: 'open' } }),
      /port 5357 is not recorded there/,
    ],
    [
      'add 445 on both families',
      (journal) =>
        Object.assign(journal.baseline.states.reservedPorts, { 445: { ipv4: 'reserved', ipv6: 'reserved' } }),
      /port 445 is not recorded there/,
    ],
    [
      'set a 255-port range, 1025-1279',
      (journal) =>
        Object.assign(journal.baseline.states, {
          dynamicRange: { ipv4: { start: 1025, count: 255 }, ipv6: { start: 1025, count: 255 } },
        }),
      /dynamic port range differs/,
    ],
  ];
  for (const [what, change, said] of edits) {
    it(`a journal edited to make undo ${what} is refused with exit 5, naming the journal`, async () => {
      await edit(change);
      const before = await machine();
      const undo = await runCli(['undo', '--force'], env);
      assert.equal(undo.code, 5, undo.stderr);
      const [line] = cliMessages(undo.stderr);
      assert.ok(line.includes(`what the journal ${journalFile} would write does not match the backup`), line);
      assert.match(line, said);
      assert.deepEqual(await machine(), before, 'nothing was written');
    });
  }

  it('a planted pending entry: status settles nothing, undo\'s settle writes nothing: no REG_SZ "evil", and the admin\'s 8080 stays', async () => {
    await edit((journal) => {
      const written = journal.lastWritten as { registry: Record<string, unknown> };
      const registry = { ...written.registry, MaxUserPort: { present: true, payload: '"evil"' } };
      journal.pending = {
        operation: 'apply',
        startedAt: 'T',
        prior: { ...written, registry, reservedPorts: { 8080: { ipv4: 'open', ipv6: 'open' } } },
        target: {
          ...written,
          registry: { ...written.registry, TcpTimedWaitDelay: { present: true, payload: 'dword:0000001e' } },
          reservedPorts: { 8080: { ipv4: 'reserved', ipv6: 'reserved' } },
        },
        backupFile: journal.baseline.backupFile,
      };
    });
    const before = await machine();
    const status = await runCli(['status'], env);
    assert.equal(status.code, 0, 'status still shows what is there');
    assert.deepEqual(cliMessages(status.stderr), [], 'status only reads: it does not even try to settle');
    assert.deepEqual(await machine(), before);
    const undo = await runCli(['undo'], env);
    assert.equal(undo.code, 5, undo.stderr);
    assert.match(
      cliMessages(undo.stderr)[0],
      /^tcp-port-tuner: Settling the apply interrupted at T stopped: what the journal .*journal\.json would write does not match the backup .*\(MaxUserPort differ\)/,
    );
    assert.deepEqual(await machine(), before);
  });

  it('a journal range that ends past 65535 is a damaged journal, named as such, and nothing is written', async () => {
    await edit((journal) =>
      Object.assign(journal.baseline.states, {
        dynamicRange: { ipv4: { start: 65000, count: 1000 }, ipv6: { start: 65000, count: 1000 } },
      }),
    );
    const before = await machine();
    const undo = await runCli(['undo'], env);
    assert.equal(undo.code, 1);
    assert.ok(
      cliMessages(undo.stderr)[0].includes(
        `The change journal ${journalFile} cannot be read (not in the expected format)`,
      ),
      undo.stderr,
    );
    assert.deepEqual(await machine(), before);
  });

  it('planted lock names are reported with the file to delete and lock nobody out; a chosen data folder is said to be unguarded', async () => {
    await mkdir(path.join(dataDir, 'change.lock.5'));
    await writeFile(path.join(dataDir, 'change.lock.9007199254740992'), '');
    const status = JSON.parse((await runCli(['status', '--json'], env)).stdout);
    assert.deepEqual(
      [...status.warnings].sort(),
      [
        `${path.join(dataDir, 'change.lock.5')} is not a change lock this tool made and is ignored; delete it.`,
        `${path.join(dataDir, 'change.lock.9007199254740992')} is not a change lock this tool made and is ignored; delete it.`,
        `The data folder ${dataDir} was chosen with TCP_PORT_TUNER_DATA_DIR, so this tool leaves its permissions as they are: make sure only administrators can write there, since its journal steers what this tool writes.`,
      ].sort(),
    );
    for (const args of [['undo'], APPLY, ['undo']]) {
      const result = await runCli(args, env);
      assert.equal(result.code, 0, `${args.join(' ')}: ${result.stderr}`);
    }
    const held = await netshState(state);
    assert.deepEqual([held.ipv4.exclusions, held.ipv6.exclusions], [FOUND, FOUND]);
  });
});
