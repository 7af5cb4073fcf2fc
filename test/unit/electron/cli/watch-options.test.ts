/** watch's options: every value checked before a sample is taken, with a message that says what is wrong. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseCli } from '../../../../electron/cli/args';
import { TunerError } from '../../../../electron/services/errors';

const invalid = (argv: string[], message: RegExp) =>
  assert.throws(
    () => parseCli(argv),
    (error: unknown) => error instanceof TunerError && error.kind === 'invalid-input' && message.test(error.message),
  );

describe('watch options', () => {
  it('defaults to every 5 s, until stopped, alerting at 80%, no textfile', () => {
    assert.deepEqual(parseCli(['watch']).watch, {
      interval: 5,
      count: null,
      textfile: null,
      threshold: 80,
      probe: null,
    });
  });

  it('takes --interval, --count, --json, --textfile and --threshold', () => {
    const args = parseCli([
      'watch',
      '--interval',
      '2',
      '--count',
      '3',
      '--json',
      '--textfile',
      'C:\\textfile_inputs\\tcp_port_tuner.prom',
      '--threshold',
      '60',
    ]);
    assert.equal(args.json, true);
    assert.deepEqual(args.watch, {
      interval: 2,
      count: 3,
      textfile: 'C:\\textfile_inputs\\tcp_port_tuner.prom',
      threshold: 60,
      probe: null,
    });
  });

  it('--probe takes HOST[:PORT], 3306 when the port is left out', () => {
    assert.deepEqual(parseCli(['watch', '--probe', 'db01']).watch?.probe, { host: 'db01', port: 3306 });
    assert.deepEqual(parseCli(['watch', '--probe', '[::1]:3307']).watch?.probe, { host: '::1', port: 3307 });
    invalid(
      ['watch', '--probe', 'db01:0'],
      /^The port in "db01:0" must be a whole number from 1 to 65535; 0 is out of range\. Nothing was sent\.$/,
    );
  });

  it('refuses values out of range, fractions and stray options', () => {
    invalid(['watch', '--interval', '0'], /^--interval must be a whole number from 1 to 3600; 0 is out of range\.$/);
    invalid(['watch', '--count', '1.5'], /^--count must be a whole number from 1 to 1000000; "1\.5" has a fraction\.$/);
    invalid(
      ['watch', '--threshold', '101'],
      /^--threshold must be a whole number from 1 to 100; 101 is out of range\.$/,
    );
    invalid(['watch', '--textfile', ' '], /^--textfile needs a file name; " " names no file\. Nothing was done\.$/);
    invalid(['watch', '--textfile', ''], /^--textfile needs a file name; an empty name names no file\./);
    invalid(['watch', '--force'], /^"watch" does not take --force\./);
    invalid(['diagnose', '--interval', '5'], /^"diagnose" does not take --interval\./);
  });
});
