import { answerBegan } from '../host/tool-answer';

/** Tcpip's port-exhaustion events, told apart in shared/tcpip-events.ts EVENT_MEANING: 4227 (a local endpoint reused too soon, near 10048), 4231 (the TCP port space used up, near 10055). */
type ExhaustionEventId = 4227 | 4231;

/** The query `wevtutil qe System /q:...` is given: Tcpip's two events of the last seven days (604,800,000 ms). */
export const EVENT_QUERY =
  "*[System[Provider[@Name='Tcpip'] and (EventID=4227 or EventID=4231) and TimeCreated[timediff(@SystemTime) <= 604800000]]]";

export interface EventSummary {
  count: number;
  /** ISO time of the newest, null when there is none. */
  latest: string | null;
  byId: Record<ExhaustionEventId, number>;
}

/**
 * wevtutil's XML form (`/f:xml`): its element and attribute names are the same in every display
 * language. Nothing at all is no event; anything but events (an error, a help text) throws.
 */
export function parseEvents(xml: string): EventSummary {
  if (xml.trim() !== '' && !xml.trimStart().startsWith('<Event'))
    throw new Error(`wevtutil's answer held no events in XML (${answerBegan(xml)})`);
  const byId = { 4227: 0, 4231: 0 };
  let latest: string | null = null;
  for (const event of xml.split(/<\/Event>/).filter((part) => part.includes('<Event'))) {
    const id = Number(/<EventID[^>]*>(\d+)<\/EventID>/.exec(event)?.[1]);
    if (id !== 4227 && id !== 4231) continue;
    byId[id] += 1;
    const time = /<TimeCreated\s+SystemTime=['"]([^'"]+)['"]/.exec(event)?.[1];
    const iso = time && !Number.isNaN(Date.parse(time)) ? new Date(time).toISOString() : null;
    if (iso && (latest === null || iso > latest)) latest = iso;
  }
  return { count: byId[4227] + byId[4231], latest, byId };
}
