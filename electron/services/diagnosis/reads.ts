import type { Diagnosis } from '../../../shared/diagnosis';
import type { PerSetting } from '../../../shared/settings';
import type { ValueState } from '../../../shared/registry-value';
import type { PortRange } from '../../../shared/port-range';
import { messageOf } from '../errors';
import type { Exclusion } from '../netsh/netsh-parsers';
import type { EventSummary } from './events';
import type { SocketSummary } from './socket-tally';

/** A part of the diagnosis: its value, or why it was not read (never a default in its place). */
export type Read<T> = { ok: true; value: T } | { ok: false; reason: string };
export const read = <T>(work: Promise<T>): Promise<Read<T>> =>
  work.then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, reason: messageOf(error) }),
  );

/** Everything but the sockets: it changes slowly, so a live sample reuses it for a minute. */
export interface Context {
  names: Read<Map<number, string>>;
  dynamic: { ipv4: Read<PortRange>; ipv6: Read<PortRange> };
  excluded: { ipv4: Read<Exclusion[]>; ipv6: Read<Exclusion[]> };
  events: Read<EventSummary>;
  values: Read<PerSetting<ValueState>>;
}
/** The sockets, and netstat's own text for the alert's snapshot (kept only until the next sample). */
export interface SocketsRead {
  sockets: Read<SocketSummary>;
  raw: string;
}

/** The sockets tallied while netstat wrote them (a live sample), and netstat's text, joined only if asked. */
export interface TalliedRead {
  sockets: Read<SocketSummary>;
  raw: () => string;
}

/** What the sampler needs of the diagnosis: its two reads and how they become a diagnosis. */
export interface DiagnosisReader {
  tallySockets(): Promise<TalliedRead>;
  readContext(): Promise<Context>;
  compose(sockets: TalliedRead['sockets'], context: Context): Diagnosis;
}
