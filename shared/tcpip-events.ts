/** Apart from the diagnosis schema, so the renderer reads these without zod (eslint.config.mjs). */

/**
 * What each of Tcpip's exhaustion events means, told apart: 4227 is one local endpoint reused
 * too soon for the same remote endpoint (what a client sees as error 10048), 4231 is the whole
 * TCP port space used up (error 10055).
 */
export const EVENT_MEANING = {
  4227: 'a local port reused too soon for the same server, close to error 10048',
  4231: 'no ephemeral port left in the TCP port space, close to error 10055',
} as const;

/** The two told apart in one sentence, for wherever the events are counted. */
export const EVENTS_EXPLAINED = `4227 means ${EVENT_MEANING[4227]}; 4231 means ${EVENT_MEANING[4231]}.`;
