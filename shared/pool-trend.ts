/**
 * How full the port pool is, how fast it fills and what that means: the share held, the fill
 * rate, the time to full and one verdict, from a ring of samples. Pure, so the live page and
 * `watch` word the same evidence the same way.
 */
import { EVENT_MEANING } from './tcpip-events';
import { FAMILIES, FAMILY_LABEL, type Family } from './families';
import type { PoolSample } from './pool-sample';
import { countText, dateText, portWithProcess } from './port-text';

/** The fill rate is the slope over the last minute: long enough to smooth one burst, short enough to see a new one. */
const RATE_WINDOW_MS = 60_000;

export interface Figures {
  family: Family;
  held: number;
  pool: number | null;
  /** 0 to 1; null where the pool was not read. */
  share: number | null;
  /** Ports per second, rising when positive; null with fewer than two samples. */
  rate: number | null;
  secondsToFull: number | null;
}

/** Keys a monitoring script matches on (`watch --json`, the textfile's labels): the verdict's words say the level and the trend apart. */
export type Level = 'unknown' | 'calm' | 'warned' | 'filling' | 'running-out';

export interface Verdict {
  level: Level;
  /** The one sentence a DBA reads first. */
  title: string;
  /** What else the evidence says: earlier exhaustion, server-side TIME_WAIT, what could not be told. */
  notes: string[];
  /** The fullest family's figures; null where connections were not read. */
  worst: Figures | null;
  /** Past the alert threshold. */
  over: boolean;
}

type Held = NonNullable<PoolSample['tcp']>['held'][Family];
export const heldOf = (held: Held): number => held.timeWait + held.established + held.other;

/** Least-squares slope of held ports over the samples of the last window, in ports per second. */
export function fillRate(points: readonly { at: number; held: number }[], windowMs = RATE_WINDOW_MS): number | null {
  const last = points.at(-1);
  if (!last) return null;
  const recent = points.filter((point) => point.at >= last.at - windowMs);
  if (recent.length < 2) return null;
  const meanT = recent.reduce((sum, point) => sum + point.at, 0) / recent.length;
  const meanH = recent.reduce((sum, point) => sum + point.held, 0) / recent.length;
  let num = 0;
  let den = 0;
  for (const point of recent) {
    num += (point.at - meanT) * (point.held - meanH);
    den += (point.at - meanT) ** 2;
  }
  return den === 0 ? null : (num / den) * 1000;
}

/** A day away is no end in sight: noise of a few sockets would otherwise forecast "full in 53 h". */
const HORIZON_S = 24 * 3600;

function timeToFull(held: number, pool: number | null, rate: number | null): number | null {
  if (pool === null || rate === null || rate <= 0) return null;
  const seconds = Math.max(0, (pool - held) / rate);
  return seconds > HORIZON_S ? null : seconds;
}

/** Share, rate and time to full of one family, from the samples that read connections. */
export function figuresOf(samples: readonly PoolSample[], family: Family): Figures | null {
  const read = samples.filter((sample) => sample.tcp !== null);
  const latest = read.at(-1);
  if (!latest?.tcp) return null;
  const held = heldOf(latest.tcp.held[family]);
  const pool = latest.pool[family];
  const rate = fillRate(read.map((sample) => ({ at: sample.at, held: heldOf(sample.tcp!.held[family]) })));
  return { family, held, pool, share: pool ? held / pool : null, rate, secondsToFull: timeToFull(held, pool, rate) };
}

export function shareText(share: number): string {
  return share > 0 && share < 0.01 ? 'under 1%' : `${Math.round(share * 100)}%`;
}

export function durationText(seconds: number): string {
  if (seconds < 90) return `about ${Math.max(1, Math.round(seconds))} s`;
  if (seconds < 90 * 60) return `about ${Math.round(seconds / 60)} min`;
  return `about ${Math.round(seconds / 3600)} h`;
}

export function rateText(rate: number | null): string {
  if (rate === null) return 'not known yet';
  if (Math.abs(rate) < 0.05) return 'steady';
  const size = Math.abs(rate) >= 10 ? rate.toFixed(0) : rate.toFixed(1);
  return rate > 0 ? `+${size} ports/s` : `${size} ports/s`;
}

/** A reason ends the sentence it is put in. */
const unstop = (reason: string) => reason.replace(/\.$/, '');

/**
 * Where the held count is going, apart from how high it is: "steady", "rising +12 ports/s, full
 * in about 7 min", "falling -5.0 ports/s".
 */
export function trendText(figures: Pick<Figures, 'rate' | 'secondsToFull'>): string {
  const { rate, secondsToFull } = figures;
  if (rate === null) return 'trend not known yet';
  if (Math.abs(rate) < 0.05) return 'steady';
  if (rate < 0) return `falling ${rateText(rate)}`;
  return `rising ${rateText(rate)}${secondsToFull === null ? '' : `, full in ${durationText(secondsToFull)}`}`;
}

/** How high the share is against the alert threshold: past it, past half of it, or below. */
function levelWord(share: number, threshold: number): 'Critical' | 'High' | 'Low' {
  return share >= threshold ? 'Critical' : share >= threshold / 2 ? 'High' : 'Low';
}

/** "the latest 2026-11-24 11:30:00" where the time is known. */
const latestText = (latest: string | null) => (latest ? `, the latest ${dateText(latest)}` : '');
/** Why a share can pass 100%: the range shrank (an undo, a smaller netsh range) under connections that already held ports. */
const PAST_FULL =
  'More ports are held than the pool has now: connections opened while the range was larger keep their ports until they close, and are counted against the smaller range in force now. New connections fail until enough of them close.';
const EVENTS_TEXT = `Tcpip events 4227 (${EVENT_MEANING[4227]}) or 4231 (${EVENT_MEANING[4231]})`;

function notesOf(latest: PoolSample, level: Level): string[] {
  const notes: string[] = [];
  const events = latest.events;
  if (events && events.count > 0 && level !== 'warned') {
    notes.push(
      `Windows logged ${countText(events.count)} ${EVENTS_TEXT} in the last 7 days${latestText(events.latest)}.`,
    );
  }
  const server = latest.tcp?.serverTimeWait;
  if (latest.tcp && server === null) {
    notes.push(
      `Listening sockets: not read: ${unstop(latest.unavailable.listening ?? 'unknown reason')}. So TIME_WAIT that a server here closed first cannot be told apart from outgoing ports: all of it is counted as held.`,
    );
  } else if (server && server.length > 0) {
    const total = server.reduce((sum, entry) => sum + entry.timeWait, 0);
    const ports = server
      .map((entry) => `${portWithProcess(entry.port, entry.process)}: ${countText(entry.timeWait)}`)
      .join(', ');
    notes.push(
      `${countText(total)} TIME_WAIT on listening ports (${ports}): a server here closed first. That holds no outgoing port here; tune the clients (pooling, persistent connections) on the hosts that connect.`,
    );
  }
  return notes;
}

/** The verdict scales with the evidence: the fullest family, its trend, and Windows' own exhaustion events. */
export function verdict(samples: readonly PoolSample[], thresholdPercent: number): Verdict {
  const latest = samples.at(-1);
  if (!latest?.tcp) {
    const reason = latest ? (latest.unavailable.tcp ?? 'unknown reason') : 'nothing read yet';
    return {
      level: 'unknown',
      title: `Cannot tell how full the port pool is. Connections: not read: ${unstop(reason)}.`,
      notes: [],
      worst: null,
      over: false,
    };
  }
  const figures = FAMILIES.map((family) => figuresOf(samples, family)).filter(
    (found): found is Figures => found !== null,
  );
  const pooled = figures.filter((found) => found.share !== null);
  const worst = pooled.length > 0 ? pooled.reduce((a, b) => (b.share! > a.share! ? b : a)) : figures[0];
  if (worst.share === null) {
    const reason = latest.unavailable['dynamic.ipv4'] ?? latest.unavailable['excluded.ipv4'] ?? 'unknown reason';
    const title = `${countText(worst.held)} ports held by outgoing connections, but no share of the pool: pool not read: ${unstop(reason)}.`;
    return { level: 'unknown', title, notes: notesOf(latest, 'unknown'), worst, over: false };
  }
  const threshold = thresholdPercent / 100;
  const soon = worst.secondsToFull;
  const over = worst.share >= threshold;
  // The level word comes from the share alone, the trend word from the rate alone: never "filling ... steady".
  const state = `${levelWord(worst.share, threshold)}: ${shareText(worst.share)} held (${countText(worst.held)} of ${countText(worst.pool!)}, ${FAMILY_LABEL[worst.family]}); ${trendText(worst)}.`;
  const events = latest.events?.count ?? 0;
  const level: Level =
    over || (soon !== null && soon <= 60)
      ? 'running-out'
      : worst.share >= threshold / 2 || (soon !== null && soon <= 600)
        ? 'filling'
        : events > 0
          ? 'warned'
          : 'calm';
  const title =
    level === 'warned'
      ? `${state} Windows ran out of ports here before: ${countText(events)} Tcpip events 4227 or 4231 in the last 7 days${latestText(latest.events!.latest)}.`
      : state;
  return { level, title, notes: [...(worst.share > 1 ? [PAST_FULL] : []), ...notesOf(latest, level)], worst, over };
}
