import { TunerError } from '../services/errors';

/**
 * A file or folder named on the command line, taken exactly as given. An empty one, or spaces
 * alone (Windows names no file so), is refused before anything runs: it would otherwise fall
 * back to a default place the user did not choose.
 */
export function pathOption(option: string, what: 'file' | 'folder', value: string | undefined): string | undefined {
  if (value === undefined || value.trim() !== '') return value;
  const given = value === '' ? 'an empty name' : `"${value}"`;
  throw new TunerError(
    'invalid-input',
    `--${option} needs a ${what} name; ${given} names no ${what}. Nothing was done.`,
  );
}
