import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import type * as CliMode from '../../../../electron/main/cli-mode';
import { fakeElectron, loadWithElectron } from '../../../helpers/fake-electron';

const { cliArguments } = loadWithElectron(
  path.resolve(__dirname, '../../../../electron/main/cli-mode.ts'),
  fakeElectron().electron,
) as typeof CliMode;

describe('cliArguments', () => {
  it('is the command line after --cli, as tcp-port-tuner.cmd passes it on', () => {
    assert.deepEqual(
      cliArguments([
        'C:\\Program Files\\TCP Port Tuner\\TCP Port Tuner.exe',
        '--cli',
        'apply',
        '--max-user-port',
        '65534',
      ]),
      ['apply', '--max-user-port', '65534'],
    );
    assert.deepEqual(cliArguments(['TCP Port Tuner.exe', '--cli']), [], 'no command: the CLI says what it takes');
  });

  it("leaves out what comes before --cli, such as Chromium's own switches", () => {
    assert.deepEqual(cliArguments(['electron.exe', '.', '--no-sandbox', '--cli', 'status', '--json']), [
      'status',
      '--json',
    ]);
  });

  it('is null when the app was started to show its window', () => {
    assert.equal(cliArguments(['TCP Port Tuner.exe']), null);
    assert.equal(cliArguments(['TCP Port Tuner.exe', '--clip']), null);
  });
});
