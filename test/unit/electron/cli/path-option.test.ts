import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { pathOption } from '../../../../electron/cli/path-option';
import { TunerError } from '../../../../electron/services/errors';

describe('pathOption', () => {
  it('takes a name exactly as given, spaces inside it and all', () => {
    assert.equal(pathOption('out', 'file', 'C:\\Backups\\My Server.reg'), 'C:\\Backups\\My Server.reg');
    assert.equal(pathOption('out', 'file', ' leading'), ' leading');
  });

  it('leaves an option not given to its default', () => {
    assert.equal(pathOption('backup-dir', 'folder', undefined), undefined);
  });

  it('refuses an empty name or spaces alone, which would fall back to a place the user did not choose', () => {
    assert.throws(
      () => pathOption('out', 'file', ''),
      (error: TunerError) =>
        error.kind === 'invalid-input' &&
        error.message === '--out needs a file name; an empty name names no file. Nothing was done.',
    );
    assert.throws(
      () => pathOption('backup-dir', 'folder', '   '),
      (error: TunerError) =>
        error.kind === 'invalid-input' &&
        error.message === '--backup-dir needs a folder name; "   " names no folder. Nothing was done.',
    );
  });
});
