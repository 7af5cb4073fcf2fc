import type { PortRange } from '../../../shared/port-range';
import type { DynamicRangeAccess, Family } from '../change/dynamic-range-kind';
import type { ExclusionAccess } from '../change/reserved-ports-kind';
import { parseDynamicPort, parseExcludedRanges, type Exclusion } from './netsh-parsers';
import { TunerError } from '../errors';
import type { ToolAccess } from '../host/windows-tools';
import { outputOnOneLine, type ProcessRunner } from '../host/process-runner';

const FAMILY_NAMES: Record<Family, string> = { ipv4: 'IPv4', ipv6: 'IPv6' };

/** The TCP dynamic port range and its exclusions, through `netsh int ipv4|ipv6 ...` with argument arrays. */
export class NetshPorts implements DynamicRangeAccess, ExclusionAccess {
  constructor(
    private readonly access: ToolAccess,
    private readonly run: ProcessRunner,
  ) {}

  async readDynamicRange(family: Family): Promise<PortRange> {
    const what = `read the ${FAMILY_NAMES[family]} dynamic port range`;
    const range = parseDynamicPort(await this.netsh(['int', family, 'show', 'dynamicport', 'tcp'], what));
    if (!range) throw new TunerError('registry-failed', `Could not ${what}: netsh's answer did not hold a start and a number of ports.`);
    return range;
  }

  async setDynamicRange(family: Family, { start, count }: PortRange): Promise<void> {
    await this.netsh(['int', family, 'set', 'dynamicport', 'tcp', `start=${start}`, `num=${count}`], `set the ${FAMILY_NAMES[family]} dynamic port range`);
  }

  async readExclusions(family: Family): Promise<Exclusion[]> {
    return parseExcludedRanges(await this.netsh(['int', family, 'show', 'excludedportrange', 'protocol=tcp'], `read the ${FAMILY_NAMES[family]} port exclusions`));
  }

  async reservePort(family: Family, port: number): Promise<void> {
    const args = ['int', family, 'add', 'excludedportrange', 'protocol=tcp', `startport=${port}`, 'numberofports=1', 'store=persistent'];
    await this.netsh(args, `reserve port ${port} for ${FAMILY_NAMES[family]}`);
  }

  /** Deletes only a one-port exclusion; the kind calls it only for one this tool added. */
  async releasePort(family: Family, port: number): Promise<void> {
    const args = ['int', family, 'delete', 'excludedportrange', 'protocol=tcp', `startport=${port}`, 'numberofports=1', 'store=persistent'];
    await this.netsh(args, `release port ${port} for ${FAMILY_NAMES[family]}`);
  }

  private async netsh(args: string[], what: string): Promise<string> {
    if (!this.access.ok) throw new TunerError('not-supported', `Could not ${what}: netsh is ${this.access.reason}.`);
    const { file, leadingArgs, env } = this.access.command;
    const result = await this.run(file, [...leadingArgs, ...args], env).catch((error: NodeJS.ErrnoException) => {
      throw new TunerError('tool-missing', `Could not ${what}: ${file} could not be started (${error.code ?? error.message}).`);
    });
    if (result.code !== 0) {
      const said = outputOnOneLine(result);
      throw new TunerError('registry-failed', `Could not ${what}: netsh exited with ${result.code}${said ? ` (${said})` : ''}.`);
    }
    return result.stdout;
  }
}
