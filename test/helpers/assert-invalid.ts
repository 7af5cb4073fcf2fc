/** A CLI argument list parseCli must refuse as invalid input, in one line fit for a terminal. */
import assert from 'node:assert/strict';
import { parseCli } from '../../electron/cli/args';
import { TunerError } from '../../electron/services/errors';

export function assertInvalid(argv: string[], said: RegExp): void {
  assert.throws(
    () => parseCli(argv),
    (error: TunerError) => {
      assert.ok(error instanceof TunerError);
      assert.equal(error.kind, 'invalid-input');
      assert.match(error.message, said);
      assert.doesNotMatch(error.message, /\n/, 'one line, fit for the terminal');
      return true;
    },
  );
}
