import type { Family } from '../../shared/families';
import type { PortRange } from '../../shared/port-range';
import type { DynamicRangeAccess } from '../../electron/services/change/dynamic-range-kind';
import type { ExclusionAccess } from '../../electron/services/change/reserved-ports-kind';
import { TunerError } from '../../electron/services/errors';
import type { Exclusion } from '../../electron/services/netsh/netsh-parsers';

export type NetshCall = `${'readRange' | 'setRange' | 'readExclusions' | 'reserve' | 'release'} ${Family}`;

interface Pool {
  range: PortRange;
  exclusions: Exclusion[];
}

/**
 * netsh's dynamic port range and exclusions in memory, with netsh's own refusals (an overlapping
 * add, a delete of what is not there), so multi-kind rollback, undo and settling are tested in
 * milliseconds. The Wine suites with the stand-in in test/stand-ins/netsh remain the proof.
 */
export class MemoryNetsh implements DynamicRangeAccess, ExclusionAccess {
  readonly pools: Record<Family, Pool> = {
    ipv4: { range: { start: 49152, count: 16384 }, exclusions: [] },
    ipv6: { range: { start: 49152, count: 16384 }, exclusions: [] },
  };
  readonly calls: NetshCall[] = [];
  /** Calls that fail (once each), as netsh exiting 1 would. */
  readonly failing = new Set<NetshCall>();
  /** Reads that answer "nothing" once each: an empty table, as a netsh that printed nothing would be parsed. */
  readonly empty = new Set<NetshCall>();
  /** Runs after a call has taken effect: where a test changes things "from outside" or stops the process. */
  afterCall: ((call: NetshCall) => void) | undefined;

  exclude(family: Family, start: number, end = start, administered = true): void {
    this.pools[family].exclusions.push({ start, end, administered });
    this.pools[family].exclusions.sort((a, b) => a.start - b.start);
  }

  async readDynamicRange(family: Family): Promise<PortRange> {
    return this.step(`readRange ${family}`, () => ({ ...this.pools[family].range }));
  }

  async setDynamicRange(family: Family, range: PortRange): Promise<void> {
    return this.step(`setRange ${family}`, () => {
      if (range.start < 1025 || range.count < 255 || range.start + range.count - 1 > 65535)
        throw new TunerError('netsh-failed', 'The parameter is incorrect.');
      this.pools[family].range = { ...range };
    });
  }

  async readExclusions(family: Family): Promise<Exclusion[]> {
    const call: NetshCall = `readExclusions ${family}`;
    if (this.empty.delete(call)) return this.step(call, () => []);
    return this.step(call, () => this.pools[family].exclusions.map((range) => ({ ...range })));
  }

  async reservePort(family: Family, port: number): Promise<void> {
    return this.step(`reserve ${family}`, () => {
      if (this.pools[family].exclusions.some((range) => range.start <= port && port <= range.end)) {
        throw new TunerError(
          'netsh-failed',
          'The process cannot access the file because it is being used by another process.',
        );
      }
      this.exclude(family, port);
    });
  }

  async releasePort(family: Family, port: number): Promise<void> {
    return this.step(`release ${family}`, () => {
      const list = this.pools[family].exclusions;
      const at = list.findIndex((range) => range.start === port && range.end === port && range.administered);
      if (at < 0) throw new TunerError('netsh-failed', 'Element not found.');
      list.splice(at, 1);
    });
  }

  private step<T>(call: NetshCall, act: () => T): T {
    this.calls.push(call);
    if (this.failing.delete(call)) throw new TunerError('netsh-failed', `Injected failure of ${call}.`);
    const result = act();
    this.afterCall?.(call);
    return result;
  }
}
