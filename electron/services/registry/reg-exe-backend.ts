import { PARAMETERS_KEY, type PerSetting, type SettingName } from '../../../shared/settings';
import type { ValueState } from '../../../shared/registry-value';
import { TunerError } from '../errors';
import { andSaid, outputOnOneLine, type ProcessResult, type ProcessRunner } from '../host/process-runner';
import type { RegistryBackend } from './backend';
import { treeOfRegQuery, type KeyTree } from './key-tree';
import { parseRegQuery } from './reg-query-parser';

/** How to start reg.exe: itself on Windows, `wine reg.exe` in a Wine prefix, or a stand-in. */
export interface RegCommand {
  file: string;
  leadingArgs: readonly string[];
  env: NodeJS.ProcessEnv;
  /** Said to the user when `file` cannot be started at all. */
  missingMessage: string;
  /**
   * What the launcher says when it failed to start reg.exe at all (Wine, under load, now and
   * then): reg.exe never ran, so asking again is safe.
   */
  notStarted?: RegExp;
}

/** Works on every Windows, with or without Windows Script Host. */
export class RegExeBackend implements RegistryBackend {
  readonly name = 'reg';

  /**
   * `mayWrite` says, without reading reg.exe's words, whether this process may write HKLM (the
   * token's integrity SID on Windows): reg.exe's "Access is denied" is in the display language.
   */
  constructor(
    private readonly command: RegCommand,
    private readonly run: ProcessRunner,
    private readonly mayWrite: () => Promise<boolean> = async () => true,
  ) {}

  async readValues(): Promise<PerSetting<ValueState>> {
    return parseRegQuery(await this.query([]));
  }

  async readTree(): Promise<KeyTree> {
    const tree = treeOfRegQuery(await this.query(['/s']));
    if (!tree.has(PARAMETERS_KEY.toLowerCase()))
      throw new TunerError(
        'registry-failed',
        'Could not read the registry key and its subkeys: reg query /s did not list the key itself.',
      );
    return tree;
  }

  /**
   * An answer that does not name the key is not read: taken as "no values", it would make a
   * backup, an undo or a rollback delete values that are there. Reading changes nothing, so
   * such an answer is asked once more.
   */
  private async query(extra: readonly string[]): Promise<string> {
    for (let attempt = 1; ; attempt++) {
      const output = await this.reg(['query', PARAMETERS_KEY, ...extra], 'read the registry key');
      if (output.toUpperCase().includes(PARAMETERS_KEY.toUpperCase())) return output;
      if (attempt === 2) {
        const first = output.trim().split(/\r?\n/)[0];
        throw new TunerError(
          'registry-failed',
          `Could not read the registry key: reg query's answer did not name it (${first ? `it began "${first}"` : 'the answer was empty'}).`,
        );
      }
    }
  }

  async setDword(name: SettingName, value: number): Promise<void> {
    await this.reg(['add', PARAMETERS_KEY, '/v', name, '/t', 'REG_DWORD', '/d', String(value), '/f'], `write ${name}`, {
      writes: true,
    });
  }

  async deleteValue(name: SettingName): Promise<void> {
    await this.reg(['delete', PARAMETERS_KEY, '/v', name, '/f'], `delete ${name}`, { writes: true });
  }

  async exportKey(file: string): Promise<void> {
    // Exporting changes nothing, so a failed export is asked once more whatever the reason.
    await this.reg(['export', PARAMETERS_KEY, file, '/y'], `export the key to ${file}`, { harmless: true });
  }

  async importFile(file: string): Promise<void> {
    await this.reg(['import', file], `import ${file}`, { writes: true });
  }

  private async reg(args: readonly string[], what: string, { harmless = false, writes = false } = {}): Promise<string> {
    const { file, leadingArgs, env, missingMessage } = this.command;
    let result;
    try {
      result = await this.run(file, [...leadingArgs, ...args], env);
      if (result.code !== 0 && (harmless || this.neverRan(result))) {
        result = await this.run(file, [...leadingArgs, ...args], env);
      }
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') throw new TunerError('tool-missing', missingMessage);
      throw new TunerError(
        'registry-failed',
        `Could not ${what}: reg.exe did not finish (${code ?? 'no reason given'}).`,
      );
    }
    if (result.code === 0) return result.stdout;
    const said = outputOnOneLine(result);
    if (/access is denied/i.test(said) || (writes && !(await this.mayWrite()))) {
      throw new TunerError('not-permitted', `Could not ${what}: access is denied. Run as administrator.`);
    }
    throw new TunerError('registry-failed', `Could not ${what}: reg.exe exited with ${result.code}${andSaid(result)}.`);
  }

  /**
   * The launcher failed to start reg.exe at all (Wine, under load): it says so, or ends non-zero
   * in silence, where reg.exe itself always names its error. Asking again is then safe.
   */
  private neverRan(result: ProcessResult): boolean {
    const said = outputOnOneLine(result);
    return this.command.notStarted !== undefined && (said === '' || this.command.notStarted.test(said));
  }
}
