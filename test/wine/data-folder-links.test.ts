/**
 * Nothing outside the data folder, ever: links, pipes and devices planted where the CLI reads or
 * writes are refused with exit 7 on one line, checked outside the product: the outside folder's
 * files (names, bytes, mtimes), `stat` of a device node, `wine reg query` for a planted key, and
 * the test's own `reg export`.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { watch } from 'node:fs';
import { mkdir, readdir, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, it } from 'node:test';
import { cliBed, onlyMessage } from '../helpers/cli-bed';
import { exportedValue, regExport, writeRegFile } from '../helpers/reg-checks';
import { cliMessages } from '../helpers/cli-run';
import { KEY } from '../helpers/wine-prefix';

const APPLY = ['apply', '--max-user-port', '65534', '--accept-unprotected', '--tcp-timed-wait-delay', '30'];
const PROBE_KEY = 'HKEY_LOCAL_MACHINE\\SOFTWARE\\AbuseProbe';

/** A folder another user controls, with one file in it: what it holds, byte for byte, and when each was written. */
async function outsideFolder(root: string): Promise<{ folder: string; file: string; seen: () => Promise<string[]> }> {
  const folder = path.join(root, `outside-${Date.now()}`);
  await mkdir(folder);
  const file = path.join(folder, 'victim.txt');
  await writeFile(file, 'an outside file the tool must never touch\n');
  const seen = async () =>
    Promise.all(
      (await readdir(folder))
        .sort()
        .map(
          async (name) =>
            `${name} ${(await stat(path.join(folder, name))).mtimeMs} ${await readFile(path.join(folder, name), 'utf8')}`,
        ),
    );
  return { folder, file, seen };
}

const escaped = (text: string) => text.replace(/[\\/.()[\]{}-]/g, '\\$&');

describe('links, pipes and devices in and around the data folder, through the CLI on Wine', () => {
  const bed = cliBed('data-folder-links');
  const { cli, assertRefused } = bed;

  it('undo with data/scratch a link to a folder another user controls: exit 7, nothing written there, nothing imported', async () => {
    assert.equal((await cli(APPLY)).code, 0);
    const outside = await outsideFolder(bed.prefix.root);
    // The probe's watcher: whatever lands in its folder becomes a .reg that adds its key.
    const evil = path.join(bed.prefix.root, 'evil.reg');
    await writeRegFile(evil, ['Windows Registry Editor Version 5.00', '', `[${PROBE_KEY}]`, '"Owned"=dword:00000001']);
    const watcher = watch(outside.folder, (_event, name) => {
      if (name?.endsWith('.reg')) spawnSync('cp', [evil, path.join(outside.folder, name)]);
    });
    const scratch = path.join(bed.dataDir, 'scratch');
    await rm(scratch, { recursive: true, force: true });
    await symlink(outside.folder, scratch);
    const before = await outside.seen();
    try {
      await assertRefused(
        () => cli(['undo']),
        7,
        new RegExp(`^tcp-port-tuner: ${escaped(scratch)} is a link or junction, not a plain folder;`),
      );
    } finally {
      watcher.close();
    }
    assert.deepEqual(await outside.seen(), before, 'the outside folder is as it was');
    assert.notEqual((await bed.prefix.reg(['query', PROBE_KEY])).code, 0, `${PROBE_KEY} does not exist`);
  });

  it('journal.json a link to an outside file: status and apply exit 7, the file untouched', async () => {
    const outside = await outsideFolder(bed.prefix.root);
    await mkdir(bed.dataDir, { recursive: true });
    const journal = path.join(bed.dataDir, 'journal.json');
    await symlink(outside.file, journal);
    const before = await outside.seen();
    const refused = new RegExp(
      `^tcp-port-tuner: The change journal ${escaped(journal)} is a link or junction, not a plain file;`,
    );
    const status = await cli(['status']);
    assert.equal(status.code, 7, status.stderr);
    // Settling at start says it, and so does status itself (run-cli.ts's readCarriesOn): the same line.
    for (const line of cliMessages(status.stderr)) assert.match(line, refused);
    await assertRefused(() => cli(APPLY), 7, refused);
    assert.deepEqual(await outside.seen(), before);
  });

  for (const [what, plant, said] of [
    ['a named pipe in backups/', async (file: string) => void spawnSync('mkfifo', [file]), 'it is a named pipe'],
    ['a link in backups/ to /dev/zero', (file: string) => symlink('/dev/zero', file), 'it is a link or junction'],
    ['/dev/zero itself', async () => undefined, 'it is not a file directly in'],
  ] as const) {
    it(`a pending entry naming ${what} as its backup: status ends at once; undo, which settles, reads nothing there and says why`, async () => {
      assert.equal((await cli(APPLY)).code, 0);
      const journalFile = path.join(bed.dataDir, 'journal.json');
      const journal = JSON.parse(await readFile(journalFile, 'utf8'));
      const backupFile = what === '/dev/zero itself' ? '/dev/zero' : path.join(bed.dataDir, 'backups', 'planted.reg');
      await plant(backupFile);
      // A target the key does not hold: settling would put the prior values back, once a backup vouched for them.
      const target = {
        registry: { ...journal.lastWritten.registry, MaxUserPort: { present: true, payload: 'dword:00001388' } },
      };
      journal.pending = { operation: 'apply', startedAt: 'T', prior: journal.baseline.states, target, backupFile };
      await writeFile(journalFile, JSON.stringify(journal));
      const before = await regExport(bed.prefix);
      const status = await cli(['status']);
      assert.equal(status.code, 0, 'status still shows what is there, and settles nothing');
      const undo = await cli(['undo']);
      assert.equal(undo.code, 5, undo.stderr);
      const [line] = cliMessages(undo.stderr);
      assert.ok(line.includes(`does not match the backup ${backupFile} (${said}`), line);
      assert.equal(await regExport(bed.prefix), before, 'nothing was settled');
    });
  }

  it('a backup export cut off after the two values, losing the Interfaces subkey, is not kept: exit 7', async () => {
    const iface = `${KEY}\\Interfaces\\{0C5E6D2A-1111-4A3B-9C1D-ABCDEF012345}`;
    for (const args of [
      ['/v', 'DhcpIPAddress', '/t', 'REG_SZ', '/d', '10.0.0.5'],
      ['/v', 'Lease', '/t', 'REG_DWORD', '/d', '3600'],
      ['/v', 'DhcpServer', '/t', 'REG_BINARY', '/d', '0a000001'],
      ['/v', 'NameServers', '/t', 'REG_MULTI_SZ', '/d', 'a\\0b'],
    ]) {
      assert.equal((await bed.prefix.reg(['add', iface, ...args, '/f'])).code, 0);
    }
    try {
      const whole = await cli(['backup']);
      assert.equal(whole.code, 0, `a whole export of the key with its subkeys is a backup: ${whole.stderr}`);
      const exported = await regExport(bed.prefix);
      // UTF-16LE after a 2-byte mark: the byte where the first subkey's section begins.
      const cut = 2 + 2 * exported.indexOf(`[${KEY}\\Interfaces]`);
      const standIn = path.join(bed.prefix.root, `reg-cut-${cut}`);
      await writeFile(
        standIn,
        [
          '#!/bin/sh',
          'wine reg.exe "$@"',
          'code=$?',
          `if [ "$1" = export ]; then truncate -s ${cut} "$3"; fi`,
          'exit "$code"',
          '',
        ].join('\n'),
        { mode: 0o755 },
      );
      const backups = path.join(bed.dataDir, 'backups');
      const kept = await readdir(backups);
      await assertRefused(
        () => cli(APPLY, { TCP_PORT_TUNER_REG_COMMAND: standIn }),
        7,
        /The backup .* does not match the key as it is now \(the subkey .*interfaces is missing; .*It was not kept\. Nothing was changed\.$/,
      );
      assert.deepEqual(await readdir(backups), kept, 'no cut-off backup was kept');
      assert.equal(exportedValue(await regExport(bed.prefix), 'MaxUserPort'), undefined);
    } finally {
      await bed.prefix.reg(['delete', `${KEY}\\Interfaces`, '/f']);
    }
  });

  it('watch --textfile onto a device (a clone of /dev/full) is refused before the first sample, and the device stays a device', async () => {
    const folder = path.join(bed.prefix.root, `devices-${Date.now()}`);
    await mkdir(folder);
    const full = path.join(folder, 'full');
    assert.equal(spawnSync('mknod', [full, 'c', '1', '7']).status, 0, 'mknod (the suites run as root)');
    const result = await cli(['watch', '--count', '1', '--textfile', full]);
    assert.equal(result.code, 7, result.stderr);
    assert.match(onlyMessage(result), new RegExp(`^tcp-port-tuner: ${escaped(full)} is a device, not a plain file;`));
    assert.equal(result.stdout, '', 'no sample was taken');
    assert.equal(spawnSync('stat', ['-c', '%F', full], { encoding: 'utf8' }).stdout.trim(), 'character special file');
  });

  it('watch --textfile into a folder that does not exist: exit 7 with a plain line before the first sample', async () => {
    const file = path.join(bed.prefix.root, `missing-${Date.now()}`, 'tuner.prom');
    const result = await cli(['watch', '--count', '1', '--textfile', file]);
    assert.equal(result.code, 7, result.stderr);
    assert.equal(
      onlyMessage(result),
      `tcp-port-tuner: Cannot write the textfile ${file}: the folder ${path.dirname(file)} does not exist. Nothing was written.`,
    );
    assert.equal(result.stdout, '', 'no sample was taken');
  });
});
