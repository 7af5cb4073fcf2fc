import assert from 'node:assert/strict';
import { hostname, userInfo } from 'node:os';
import { version } from '../../package.json';
import { existsSync } from 'node:fs';
import { describe, it } from 'node:test';
import { statusSchema } from '../../shared/contract';
import { regExport, regQuery, setValue } from '../helpers/reg-checks';
import { cliBed, onlyMessage } from '../helpers/cli-bed';

const APPLY = ['apply', '--max-user-port', '65534', '--accept-unprotected', '--tcp-timed-wait-delay', '30'];

describe('tcp-port-tuner CLI on a Wine registry', () => {
  const bed = cliBed('cli');
  const { cli, withStandIn, assertRefused } = bed;

  it('walks an untouched machine through status, backup, apply and undo', async () => {
    const status = await cli(['status']);
    assert.equal(status.code, 0, status.stderr);
    // Wine imitates Windows 7 and later: the dynamic port range, not a number of MaxUserPort's, decides.
    assert.match(status.stdout, /^ {2}MaxUserPort +Not set: the dynamic port range decides +\[valid 5000-65534\]$/m);
    assert.match(status.stdout, /^ {2}TcpTimedWaitDelay +Not set: Windows uses 120 seconds +\[valid 30-300\]$/m);
    assert.match(status.stdout, /^Undo available: +no$/m);
    const initial = await regQuery(bed.prefix);
    assert.equal(initial.MaxUserPort, undefined);
    assert.equal(initial.TcpTimedWaitDelay, undefined);
    const untouched = await regExport(bed.prefix);

    const backup = await cli(['backup']);
    assert.equal(backup.code, 0, backup.stderr);
    const file = /^Backup verified: (.+\.reg)$/m.exec(backup.stdout)?.[1];
    assert.ok(file && existsSync(file), `the backup file exists: ${backup.stdout}`);
    assert.equal(await regExport(bed.prefix), untouched, 'a backup changes nothing');

    const apply = await cli(APPLY);
    assert.equal(apply.code, 0, apply.stderr);
    assert.match(
      apply.stdout,
      /^Applied and read back:\n {2}MaxUserPort +65534 +after a restart\n {2}TcpTimedWaitDelay +30 seconds +after a restart$/m,
    );
    assert.match(apply.stdout, /Restart Windows/);
    const applied = await regQuery(bed.prefix);
    assert.deepEqual(applied.MaxUserPort, { type: 'REG_DWORD', data: '0xfffe' });
    assert.deepEqual(applied.TcpTimedWaitDelay, { type: 'REG_DWORD', data: '0x1e' });

    const after = await cli(['status']);
    assert.match(after.stdout, /^ {2}MaxUserPort +65534 +\[valid/m);
    assert.match(after.stdout, /^Restart pending: +yes$/m);
    assert.match(after.stdout, /^Undo available: +yes \(last change .+, apply\)$/m);

    const undo = await cli(['undo']);
    assert.equal(undo.code, 0, undo.stderr);
    assert.match(undo.stdout, /^Everything this tool changed is back as it was before its first change\.\n/);
    assert.match(
      undo.stdout,
      /^ {2}MaxUserPort +65534 +→ +not set +after a restart\n {2}TcpTimedWaitDelay +30 seconds +→ +not set +after a restart$/m,
    );
    assert.equal(await regExport(bed.prefix), untouched);
  });

  it('status --json gives every value as {present, type, data} in the shape the app uses', async () => {
    await setValue(bed.prefix, 'MaxUserPort', 'REG_SZ', '65534');
    const result = await cli(['status', '--json']);
    assert.equal(result.code, 0, result.stderr);
    const status = JSON.parse(result.stdout);
    assert.deepEqual(status.values, {
      MaxUserPort: { present: true, type: 'REG_SZ', data: '65534' },
      TcpTimedWaitDelay: { present: false },
    });
    assert.equal(status.backend, 'reg');
    assert.equal(status.windows.host, 'wine');
    assert.equal(status.undo !== null, false);
    assert.equal(status.dataDir, bed.dataDir);
    assert.deepEqual(statusSchema.parse(status), status, 'nothing beyond the contract, nothing missing');
  });

  describe('exit code 2: invalid input changes nothing', () => {
    const cases: { title: string; args: string[]; said: RegExp }[] = [
      {
        title: 'no setting at all',
        args: ['apply'],
        said: /apply needs at least one of --max-user-port N, --tcp-timed-wait-delay N/,
      },
      {
        title: 'an option given twice',
        args: ['apply', '--max-user-port', '65534', '--max-user-port', '5000'],
        said: /--max-user-port is given more than once/,
      },
      {
        title: 'a negative number',
        args: ['apply', '--max-user-port', '-1'],
        said: /MaxUserPort must be a whole number from 5000 to 65534; "-1" has a sign/,
      },
      {
        title: 'letters',
        args: ['apply', '--max-user-port', 'abc', '--tcp-timed-wait-delay', '30'],
        said: /MaxUserPort .*"abc" is not a number/,
      },
      {
        title: 'a fraction',
        args: ['apply', '--max-user-port', '12.5', '--tcp-timed-wait-delay', '30'],
        said: /"12\.5" has a fraction/,
      },
      {
        title: 'an exponent',
        args: ['apply', '--max-user-port', '1e4', '--tcp-timed-wait-delay', '30'],
        said: /"1e4" uses an exponent/,
      },
      {
        title: 'a sign',
        args: ['apply', '--max-user-port', '+5000', '--tcp-timed-wait-delay', '30'],
        said: /"\+5000" has a sign/,
      },
      {
        title: 'a port above the range',
        args: ['apply', '--max-user-port', '70000', '--tcp-timed-wait-delay', '30'],
        said: /MaxUserPort must be a whole number from 5000 to 65534; 70000 is out of range/,
      },
      {
        title: 'a delay below the range',
        args: ['apply', '--max-user-port', '65534', '--accept-unprotected', '--tcp-timed-wait-delay', '29'],
        said: /TcpTimedWaitDelay must be a whole number from 30 to 300; 29 is out of range/,
      },
      { title: 'an unknown command', args: ['tune'], said: /Unknown command "tune"/ },
      { title: 'an unknown option', args: ['status', '--verbose'], said: /--verbose/ },
    ];
    for (const { title, args, said } of cases) {
      it(`${title}: ${args.join(' ')}`, async () => {
        await setValue(bed.prefix, 'MaxUserPort', 'REG_DWORD', 40000);
        await assertRefused(() => cli(args), 2, said);
        assert.equal(existsSync(bed.dataDir), false, 'no journal and no backup were written');
      });
    }

    it('with --json the failure is also one JSON object on stdout', async () => {
      const result = await cli([...APPLY.slice(0, 2), 'abc', ...APPLY.slice(3), '--json']);
      assert.equal(result.code, 2);
      const { error } = JSON.parse(result.stdout);
      assert.equal(error.kind, 'invalid-input');
      assert.match(error.message, /"abc" is not a number/);
    });
  });

  it('settles a change cut off by a crash at the next change command, not at status, and says so', async () => {
    const before = await regExport(bed.prefix);
    const crashed = await withStandIn(APPLY, { kind: 'crash', verb: 'add', nth: 2 });
    assert.equal(crashed.signal, 'SIGKILL');
    const cut = await regExport(bed.prefix);

    const status = await cli(['status']);
    assert.equal(status.code, 0, status.stderr);
    assert.match(status.stdout, /^Unfinished: +the apply started at .* did not finish\.$/m);
    assert.equal(await regExport(bed.prefix), cut, 'status wrote nothing');
    const next = await cli(['undo']);
    assert.equal(next.code, 0, next.stderr);
    assert.match(onlyMessage(next), /^tcp-port-tuner: Rolled back the apply interrupted at /);
    assert.equal(await regExport(bed.prefix), before);
  });

  it('history lists the apply and the undo', async () => {
    assert.equal((await cli(APPLY)).code, 0);
    assert.equal((await cli(['undo'])).code, 0);

    const text = await cli(['history']);
    assert.equal(text.code, 0, text.stderr);
    const lines = text.stdout.trim().split('\n');
    // Each entry, then the rows it changed (the same rows the wizard shows), before → after.
    assert.equal(lines.length, 6);
    // Who made each change, on which machine, with which version: the audit trail a DBA hands on.
    const who = `by ${hostname()}\\\\${userInfo().username} on ${hostname()}, version ${version}`;
    assert.match(lines[0], new RegExp(`^\\S+ {2}apply  ${who}$`));
    assert.match(lines[1], /^ {2}MaxUserPort +not set +→ +65534 +after a restart$/);
    assert.match(lines[2], /^ {2}TcpTimedWaitDelay +not set +→ +30 seconds +after a restart$/);
    assert.match(lines[3], new RegExp(`^\\S+ {2}undo  ${who}$`));
    assert.match(lines[4], /^ {2}MaxUserPort +65534 +→ +not set +after a restart$/);

    const json = JSON.parse((await cli(['history', '--json'])).stdout);
    assert.deepEqual(
      json.history.map((entry: Record<string, unknown>) => [
        entry.action,
        entry.user,
        entry.machine,
        entry.version,
        Object.keys(entry).slice(0, 4),
      ]),
      ['apply', 'undo'].map((action) => [
        action,
        `${hostname()}\\${userInfo().username}`,
        hostname(),
        version,
        ['at', 'action', 'before', 'after'],
      ]),
    );
  });
});
