const TCP_STATES = [
  'LISTENING',
  'SYN_SENT',
  'SYN_RECEIVED',
  'ESTABLISHED',
  'FIN_WAIT_1',
  'FIN_WAIT_2',
  'CLOSE_WAIT',
  'CLOSING',
  'LAST_ACK',
  'TIME_WAIT',
  'DELETE_TCB',
  'CLOSED',
  'BOUND',
] as const;
export type TcpState = (typeof TCP_STATES)[number];

/**
 * States not spelt as Windows' English netstat spells them. German Windows translates them
 * (Spanish, French, Russian, Chinese, Japanese and Korean print the English words), and Wine
 * has three spellings of its own. Addresses, ports and the PID are never translated, so a row
 * is read by its shape.
 */
const OTHER_SPELLINGS: Record<string, TcpState> = {
  ABHÖREN: 'LISTENING',
  HERGESTELLT: 'ESTABLISHED',
  WARTEND: 'TIME_WAIT',
  SCHLIESSEN_WARTEN: 'CLOSE_WAIT',
  FIN_WARTEN_1: 'FIN_WAIT_1',
  FIN_WARTEN_2: 'FIN_WAIT_2',
  SYN_GESENDET: 'SYN_SENT',
  SYN_EMPFANGEN: 'SYN_RECEIVED',
  GESCHLOSSEN: 'CLOSED',
  LETZTE_BESTÄTIGUNG: 'LAST_ACK',
  SYN_RCVD: 'SYN_RECEIVED',
  FIN_WAIT1: 'FIN_WAIT_1',
  FIN_WAIT2: 'FIN_WAIT_2',
};
const SPELLINGS = new Map<string, TcpState>([
  ...TCP_STATES.map((state): [string, TcpState] => [state, state]),
  ...Object.entries(OTHER_SPELLINGS),
]);

/** The state a word netstat printed names, in any case; undefined for a word not known. */
export const stateOf = (spelt: string): TcpState | undefined =>
  SPELLINGS.get(spelt) ?? SPELLINGS.get(spelt.toUpperCase());
