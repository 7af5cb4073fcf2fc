// A non-elevated token, as Windows gives an administrator's console without "Run as
// administrator": whoami /groups says Medium Mandatory Level and Administrators for deny only.
// Wine's registry would accept every write, so only the product's own check can refuse: every
// change must exit 3 and leave the key, netsh and the data folder exactly as they were.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, it } from 'node:test';
import { dataFolder } from '../helpers/windows-mode/bed';
import { withBed } from '../helpers/windows-mode/with-bed';
import { installNetsh, installRecorder, installWhoami, recordedCalls } from '../helpers/windows-mode/stand-ins';
import { regExport, setValue } from '../helpers/reg-checks';

const CHANGES = [
  ['apply', '--max-user-port', '65534', '--accept-unprotected', '--tcp-timed-wait-delay', '30'],
  ['apply', '--dynamic-start', '33061', '--dynamic-count', '32475'],
  ['apply', '--reserve-ports', '3306,33060'],
  ['undo', '--force'],
  ['apply', '--max-user-port', '65534', '--accept-unprotected', '--backend', 'regedit'],
];

describe('a non-elevated token as a win32 process', () => {
  let state: string;
  let icaclsLog: string;
  const bed = withBed('not-elevated', async () => {
    const scratch = await bed.prefix.folder('stand-ins');
    state = path.join(scratch, 'netsh-state.json');
    icaclsLog = path.join(scratch, 'icacls.log');
    await installWhoami(bed.prefix, 'medium');
    await installNetsh(bed.prefix, state);
    await installRecorder(bed.prefix, 'icacls', icaclsLog);
    await setValue(bed.regTool, 'MaxUserPort', 'REG_DWORD', 5000);
  });

  /** The key, netsh's state and the journal, each read by the test's own means. */
  const machine = async () => ({
    key: await regExport(bed.regTool),
    netsh: await readFile(state, 'utf8'),
    journal: existsSync(path.join(dataFolder(bed.prefix), 'journal.json')),
  });

  it('status still reads the values, and says this token cannot change HKLM', async (t) => {
    if (bed.skipped(t)) return;
    const result = await bed.cli(['status', '--json']);
    assert.equal(result.code, 0, result.stderr);
    const status = JSON.parse(result.stdout);
    assert.deepEqual(status.values.MaxUserPort, { present: true, type: 'REG_DWORD', data: 5000 });
    assert.equal(status.canWrite, false);
    assert.equal(status.rightsNotRead, null, 'a Medium level is read: no rights, not "not read"');
  });

  for (const args of CHANGES) {
    it(`${args.join(' ')}: exit 3, one plain line, nothing changed`, async (t) => {
      if (bed.skipped(t)) return;
      const before = await machine();
      const result = await bed.cli(args);
      assert.equal(result.code, 3, `exit 3 (not permitted); stderr:\n${result.stderr}`);
      assert.equal(result.messages.length, 1, `one line of its own on stderr:\n${result.stderr}`);
      assert.match(result.messages[0], /administrator/i);
      assert.doesNotMatch(result.stderr, /^\s+at /m, 'no stack trace');
      assert.deepEqual(
        await machine(),
        { ...before, journal: false },
        'the key, netsh and the data folder are untouched',
      );
      assert.deepEqual(await recordedCalls(icaclsLog), [], 'the data folder was not touched either');
    });
  }

  it('a whoami that cannot read the token: rights "not read" with its words, never "no rights"; changes exit 3, nothing changed', async (t) => {
    if (bed.skipped(t)) return;
    await installWhoami(bed.prefix, 'broken');
    const status = await bed.cli(['status']);
    assert.equal(status.code, 0, status.stderr);
    assert.match(
      status.stdout,
      /^Can change HKLM: +not read: C:\\windows\\system32\\whoami\.exe ended with exit 1 and said "ERROR: Unable to get group membership information", naming no integrity level$/im,
    );
    const before = await machine();
    const result = await bed.cli(CHANGES[0]);
    assert.equal(result.code, 3, `exit 3; stderr:\n${result.stderr}`);
    assert.match(
      result.messages[0] ?? '',
      /Could not tell whether this runs as administrator: .*whoami\.exe .*Unable to get group membership.*Nothing was changed\.$/,
    );
    assert.deepEqual(await machine(), { ...before, journal: false });
  });

  it('elevated but the data folder cannot be secured (icacls fails): exit 3, nothing changed', async (t) => {
    if (bed.skipped(t)) return;
    await installWhoami(bed.prefix, 'high');
    await installRecorder(bed.prefix, 'icacls', icaclsLog, 5);
    const before = await machine();
    const result = await bed.cli(CHANGES[0]);
    assert.equal(result.code, 3, `exit 3; stderr:\n${result.stderr}`);
    assert.match(result.messages[0] ?? '', /C:\\ProgramData\\TCP Port Tuner.*Nothing was changed/);
    assert.equal((await recordedCalls(icaclsLog)).length, 1, 'it stopped at the first failed icacls step');
    assert.deepEqual(await machine(), { ...before, journal: false });
  });
});
