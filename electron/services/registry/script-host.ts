/** The part of regedit's `lib/cscript.js` that finds cscript.exe, with the hook it exports for its own tests. */
export interface ScriptHostLookup {
  _mock(fs: unknown, execFile: unknown, init: boolean): void;
  init(callback: (error?: Error | null) => void): void;
  path(): string;
}

type Answer = (error: Error | null, stdout?: string) => void;
const notFound = (what: string) => Object.assign(new Error(`${what} is not searched for`), { code: 'ENOENT' });

/**
 * regedit 5 finds cscript.exe by running `cscript.exe` by bare name (the working folder first,
 * then PATH), then `where cscript.exe`, and keeps what answered: as administrator, a cscript.exe
 * planted in the folder the admin typed the command in would run elevated. Its lookup is given
 * answers here and runs nothing: the bare name "not found", `where` the System32 cscript.exe.
 * True only when regedit then reports that very path; otherwise regedit must not be used.
 */
export async function pinScriptHost(lookup: ScriptHostLookup, cscript: string): Promise<boolean> {
  const execFile = (command: string, answer: Answer) =>
    command === 'where cscript.exe' ? answer(null, `${cscript}\r\n`) : answer(notFound(command));
  const fs = { stat: (file: string, answer: Answer) => answer(notFound(file)) };
  try {
    lookup._mock(fs, execFile, false);
    await new Promise<void>((resolve, reject) => lookup.init((error) => (error ? reject(error) : resolve())));
    return lookup.path() === cscript;
  } catch {
    return false;
  }
}

/** regedit's own lookup module: the same instance `regedit` itself requires. */
export async function regeditScriptHost(): Promise<ScriptHostLookup> {
  // A string typed as such: the package ships no types for its lib files.
  const loaded = (await import('regedit/lib/cscript.js' as string)) as ScriptHostLookup | { default: ScriptHostLookup };
  return 'default' in loaded ? loaded.default : loaded;
}
