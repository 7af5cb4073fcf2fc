import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseCli } from '../../../../electron/cli/args';
import { assertInvalid } from '../../../helpers/assert-invalid';

describe('parseCli refuses what it cannot take exactly, in one line', () => {
  it('refuses an unknown command, listing the real ones', () => {
    assertInvalid(
      ['tune'],
      /^Unknown command "tune"\. Commands: status, diagnose, watch, backup, apply, undo, history, export, probe\.$/,
    );
  });

  it('refuses a path that names nothing, rather than falling back to a default place', () => {
    assertInvalid(
      ['backup', '--dir', ''],
      /^--dir needs a folder name; an empty name names no folder\. Nothing was done\.$/,
    );
    assertInvalid(['backup', '--dir='], /^--dir needs a folder name; an empty name names no folder\./);
    assertInvalid(
      ['export', '--format', 'reg', '--max-user-port', '65534', '--out', ''],
      /^--out needs a file name; an empty name names no file\./,
    );
    assertInvalid(
      ['export', '--format', 'reg', '--max-user-port', '65534', '--out', '  '],
      /^--out needs a file name; "  " names no file\./,
    );
    // Taken as given: a name with a space around it is a name, not trimmed to another one.
    assert.equal(parseCli(['backup', '--dir', ' D:\\backups']).dir, ' D:\\backups');
  });

  it('takes numbers exactly as typed: a space around one is refused, not trimmed', () => {
    assertInvalid(
      ['apply', '--max-user-port', ' 5000'],
      /^MaxUserPort must be a whole number from 5000 to 65534; " 5000" has a space before or after it\. Nothing was changed\.$/,
    );
    assertInvalid(
      ['apply', '--reserve-ports', '3306, 33060'],
      /^A port to reserve must be a whole number from 1 to 65535; " 33060" has a space before or after it\./,
    );
    assertInvalid(
      ['apply', '--dynamic-start', '33063 ', '--dynamic-count', '32473'],
      /" ?33063 " has a space before or after it/,
    );
    assertInvalid(
      ['watch', '--interval', '5 '],
      /^--interval must be a whole number from 1 to 3600; "5 " has a space before or after it\.$/,
    );
  });

  it('refuses an extra argument', () => {
    assertInvalid(['status', 'now'], /^Unexpected argument "now"\./);
  });

  it('refuses an unknown option, naming it', () => {
    assertInvalid(['status', '--verbose'], /'--verbose'.* See --help\.$/);
  });

  it('refuses an option the command does not take', () => {
    assertInvalid(['status', '--force'], /^"status" does not take --force\./);
    assertInvalid(['undo', '--dir', 'x'], /^"undo" does not take --dir\./);
    assertInvalid(['backup', '--max-user-port', '65534'], /^"backup" does not take --max-user-port\./);
  });

  it('refuses an option given without its value', () => {
    assertInvalid(['apply', '--tcp-timed-wait-delay', '30', '--max-user-port'], /--max-user-port/);
  });

  it('refuses a backend other than reg or regedit', () => {
    assertInvalid(['status', '--backend', 'wmi'], /^--backend must be reg or regedit, not "wmi"\.$/);
  });
});
