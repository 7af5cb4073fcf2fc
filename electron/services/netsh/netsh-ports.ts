import type { PortRange } from '../../../shared/port-range';
import { FAMILY_LABEL, type Family } from '../../../shared/families';
import type { DynamicRangeAccess } from '../change/dynamic-range-kind';
import type { ExclusionAccess } from '../change/reserved-ports-kind';
import { parseDynamicPort, parseExcludedRanges, type Exclusion } from './netsh-parsers';
import { errnoOf, TunerError } from '../errors';
import type { ToolAccess } from '../host/windows-tools';
import { andSaid, whyNotRun, type ProcessRunner } from '../host/process-runner';
import { answerBegan } from '../host/tool-answer';
import { writeNewPlain } from '../host/safe-file';
import { inScratchFolder } from '../host/scratch';
import { PORT_SCRIPT, splitPortScript, type PortReads } from './netsh-script';

/** The TCP dynamic port range and its exclusions, through `netsh int ipv4|ipv6 ...` with argument arrays. */
export class NetshPorts implements DynamicRangeAccess, ExclusionAccess {
  /**
   * `mayWrite` says, without reading netsh's words (they are in the display language), whether
   * a refused write was a refusal of rights: the token's integrity level on Windows.
   */
  constructor(
    private readonly access: ToolAccess,
    private readonly run: ProcessRunner,
    private readonly mayWrite: () => Promise<boolean> = async () => true,
  ) {}

  async readDynamicRange(family: Family): Promise<PortRange> {
    const what = `read the ${FAMILY_LABEL[family]} dynamic port range`;
    const output = await this.netsh(['int', family, 'show', 'dynamicport', 'tcp'], what);
    const range = parseDynamicPort(output);
    if (!range)
      throw new TunerError(
        'netsh-failed',
        `Could not ${what}: netsh's answer held no start and number of ports (${answerBegan(output)}).`,
      );
    return range;
  }

  /**
   * The diagnosis's four reads in one netsh process: a script of the four commands, written in a
   * scratch folder of its own (`scriptFile` names it), given to `netsh -f` and split back by shape.
   */
  async readAll(scriptFile: string): Promise<PortReads> {
    const output = await inScratchFolder(scriptFile, async (file) => {
      await writeNewPlain(file, `${PORT_SCRIPT.join('\r\n')}\r\n`);
      return this.netsh(['-f', file], 'read the dynamic port ranges and exclusions');
    });
    return splitPortScript(output);
  }

  async setDynamicRange(family: Family, { start, count }: PortRange): Promise<void> {
    const args = ['int', family, 'set', 'dynamicport', 'tcp', `start=${start}`, `num=${count}`];
    await this.netsh(args, `set the ${FAMILY_LABEL[family]} dynamic port range`, true);
  }

  /** Throws on an answer without the table's shape: an empty answer is never taken for "none excluded". */
  async readExclusions(family: Family): Promise<Exclusion[]> {
    const what = `read the ${FAMILY_LABEL[family]} port exclusions`;
    const output = await this.netsh(['int', family, 'show', 'excludedportrange', 'protocol=tcp'], what);
    const exclusions = parseExcludedRanges(output);
    if (!exclusions)
      throw new TunerError(
        'netsh-failed',
        `Could not ${what}: netsh's answer held no table of exclusions (${answerBegan(output)}).`,
      );
    return exclusions;
  }

  async reservePort(family: Family, port: number): Promise<void> {
    const args = [
      'int',
      family,
      'add',
      'excludedportrange',
      'protocol=tcp',
      `startport=${port}`,
      'numberofports=1',
      'store=persistent',
    ];
    await this.netsh(args, `reserve port ${port} for ${FAMILY_LABEL[family]}`, true);
  }

  /** Deletes only a one-port exclusion; the kind calls it only for one this tool added. */
  async releasePort(family: Family, port: number): Promise<void> {
    const args = [
      'int',
      family,
      'delete',
      'excludedportrange',
      'protocol=tcp',
      `startport=${port}`,
      'numberofports=1',
      'store=persistent',
    ];
    await this.netsh(args, `release port ${port} for ${FAMILY_LABEL[family]}`, true);
  }

  private async netsh(args: string[], what: string, writes = false): Promise<string> {
    if (!this.access.ok) throw new TunerError('not-supported', `Could not ${what}: netsh is ${this.access.reason}.`);
    const { file, leadingArgs, env } = this.access.command;
    const result = await this.run(file, [...leadingArgs, ...args], env).catch((error: unknown) => {
      // A netsh that hangs ran: the step failed (and is rolled back), it was not missing.
      throw new TunerError(
        errnoOf(error) === 'ETIMEDOUT' ? 'netsh-failed' : 'tool-missing',
        `Could not ${what}: ${whyNotRun(file, error)}.`,
      );
    });
    if (result.code === 0) return result.stdout;
    if (writes && !(await this.mayWrite())) {
      throw new TunerError(
        'not-permitted',
        `Could not ${what}: netsh needs administrator rights${andSaid(result)}. Run as administrator.`,
      );
    }
    throw new TunerError('netsh-failed', `Could not ${what}: netsh exited with ${result.code}${andSaid(result)}.`);
  }
}
