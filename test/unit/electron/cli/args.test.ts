import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseCli, USAGE } from '../../../../electron/cli/args';
import { assertInvalid } from '../../../helpers/assert-invalid';

const DEFAULTS = {
  json: false,
  backend: 'auto',
  force: false,
  dir: undefined,
  change: {},
  format: undefined,
  undo: false,
  out: undefined,
};

describe('parseCli', () => {
  it('shows the help for no arguments, --help and -h', () => {
    for (const argv of [[], ['--help'], ['-h'], ['apply', '--help']]) {
      assert.equal(parseCli(argv).command, 'help', argv.join(' '));
    }
  });

  it('reads each command with its defaults', () => {
    for (const command of ['status', 'backup', 'undo', 'history'] as const) {
      assert.deepEqual(parseCli([command]), { command, ...DEFAULTS });
    }
  });

  it('validates the apply numbers as it reads them, and keeps only the settings given', () => {
    assert.deepEqual(parseCli(['apply', '--max-user-port', '65534', '--tcp-timed-wait-delay=30']), {
      ...DEFAULTS,
      command: 'apply',
      change: { MaxUserPort: 65534, TcpTimedWaitDelay: 30 },
    });
    assert.deepEqual(parseCli(['apply', '--tcp-timed-wait-delay', '60']).change, { TcpTimedWaitDelay: 60 });
    assertInvalid(
      ['apply', '--max-user-port', '65534', '--tcp-timed-wait-delay=abc'],
      /^TcpTimedWaitDelay must be a whole number from 30 to 300; "abc" is not a number\. Nothing was changed\.$/,
    );
  });

  it('says what is wrong with a negative number instead of calling it an ambiguous option', () => {
    assertInvalid(
      ['apply', '--max-user-port', '-1'],
      /^MaxUserPort must be a whole number from 5000 to 65534; "-1" has a sign\. Nothing was changed\.$/,
    );
    assertInvalid(['apply', '--tcp-timed-wait-delay', '-30'], /^TcpTimedWaitDelay .*"-30" has a sign\./);
  });

  it('refuses an option given twice instead of keeping the last one', () => {
    assertInvalid(
      ['apply', '--max-user-port', '65534', '--max-user-port', '5000'],
      /^--max-user-port is given more than once\. Nothing was changed\.$/,
    );
    assertInvalid(['status', '--json', '--json'], /^--json is given more than once\./);
  });

  it('reads --json, --backend, --dir and --force where they belong', () => {
    assert.deepEqual(parseCli(['status', '--json', '--backend', 'reg']), {
      ...DEFAULTS,
      command: 'status',
      json: true,
      backend: 'reg',
    });
    assert.deepEqual(parseCli(['backup', '--dir', 'D:\\backups', '--backend=regedit']), {
      ...DEFAULTS,
      command: 'backup',
      dir: 'D:\\backups',
      backend: 'regedit',
    });
    assert.deepEqual(parseCli(['undo', '--force']), { ...DEFAULTS, command: 'undo', force: true });
  });

  it('names the apply options when none is given', () => {
    assertInvalid(
      ['apply'],
      /^apply needs at least one of --max-user-port N, --tcp-timed-wait-delay N, --dynamic-start N with --dynamic-count N, or --reserve-ports P\. Nothing was changed\.$/,
    );
  });

  it('reads the dynamic port range as one change of start and count, checked against Windows limits', () => {
    assert.deepEqual(parseCli(['apply', '--dynamic-start', '10000', '--dynamic-count', '55535']).change, {
      dynamicRange: { start: 10000, count: 55535 },
    });
    assertInvalid(
      ['apply', '--dynamic-start', '10000'],
      /^--dynamic-start and --dynamic-count go together: give both\. Nothing was changed\.$/,
    );
    assertInvalid(
      ['apply', '--dynamic-start', '1024', '--dynamic-count', '255'],
      /^The dynamic range start must be a whole number from 1025 to 65535; 1024 is out of range\./,
    );
    assertInvalid(
      ['apply', '--dynamic-start', '49152', '--dynamic-count', '254'],
      /^The dynamic range size must be a whole number from 255 to 64511; 254 is out of range\./,
    );
    assertInvalid(
      ['apply', '--dynamic-start', '60000', '--dynamic-count', '10000'],
      /^The dynamic range 60000 \+ 10000 ports would end at 69999, past 65535; start at 55536 or lower\./,
    );
    assertInvalid(
      ['apply', '--dynamic-start', '0x1000', '--dynamic-count', '1e4'],
      /"0x1000" is not a number\. .*"1e4" uses an exponent\./,
    );
  });

  it('reads the ports to reserve as one sorted list, refusing a port named twice', () => {
    assert.deepEqual(parseCli(['apply', '--reserve-ports', '33060,3306']).change, { reservePorts: [3306, 33060] });
    assertInvalid(['apply', '--reserve-ports', '3306,3306'], /^Port 3306 is named twice\. Nothing was changed\.$/);
  });

  it('reads export with its format, --undo and --out, and refuses a missing or unknown format', () => {
    assert.deepEqual(
      parseCli(['export', '--format', 'gpo', '--max-user-port', '65534', '--out', 'tuner.xml', '--force']),
      {
        ...DEFAULTS,
        command: 'export',
        format: 'gpo',
        change: { MaxUserPort: 65534 },
        out: 'tuner.xml',
        force: true,
      },
    );
    assert.equal(parseCli(['export', '--format=reg', '--undo']).undo, true);
    assertInvalid(['export'], /^export needs --format reg\|powershell\|ansible\|gpo\. No file was written\.$/);
    assertInvalid(
      ['export', '--format', 'msi'],
      /^export needs --format reg\|powershell\|ansible\|gpo, not "msi"\. No file was written\.$/,
    );
    assertInvalid(['apply', '--max-user-port', '65534', '--out', 'x'], /^"apply" does not take --out\./);
    // Reserved ports follow what listens on each host: they are not exported.
    assertInvalid(
      ['export', '--format', 'reg', '--reserve-ports', '3306'],
      /^"export" does not take --reserve-ports\./,
    );
  });

  it('takes --accept-unprotected on apply alone, and never as a change by itself', () => {
    assert.deepEqual(parseCli(['apply', '--max-user-port', '65534', '--accept-unprotected']).change, {
      MaxUserPort: 65534,
      acceptUnprotected: true,
    });
    assert.deepEqual(parseCli(['apply', '--max-user-port', '65534']).change, { MaxUserPort: 65534 });
    assertInvalid(['apply', '--accept-unprotected'], /^apply needs at least one of --max-user-port N, /);
    assertInvalid(
      ['export', '--format', 'reg', '--max-user-port', '65534', '--accept-unprotected'],
      /^"export" does not take --accept-unprotected\./,
    );
    assertInvalid(['apply', '--max-user-port', '65534', '--accept-unprotected=yes'], /accept-unprotected/);
  });

  it('documents every command and exit code in the usage text', () => {
    for (const text of [
      'status',
      'diagnose',
      'backup [--dir DIR]',
      'apply [settings]',
      'undo [--force]',
      'history',
      'export --format reg|powershell|ansible|gpo',
    ]) {
      assert.ok(USAGE.includes(text), text);
    }
    // The ranges come from the catalogue, so the help can never disagree with the validator.
    assert.match(USAGE, /--max-user-port N\s+MaxUserPort, 5000-65534 \(restart needed\)\n/);
    assert.match(USAGE, /--tcp-timed-wait-delay N\s+TcpTimedWaitDelay, 30-300 seconds \(restart needed\)\n/);
    assert.match(USAGE, /--dynamic-start N --dynamic-count N\s+the TCP dynamic port range/);
    assert.match(
      USAGE,
      /0 done, 2 invalid input, 3 not permitted, 4 a registry or netsh step failed\s+\(prior state restored\), 5 undo refused \(settings changed since\), 6 restoring the prior state\s+failed too .*, 7 the backup, the change journal or\s+another file could not be written \(the message names it; nothing changed\), 1 anything else/,
    );
  });
});
