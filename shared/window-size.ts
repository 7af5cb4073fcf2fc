/**
 * The wizard window's first and smallest size. The e2e walk "what the DBA sees" photographs
 * every page at the smallest and checks nothing is cut off there, so the two cannot drift apart.
 */
export const WINDOW_SIZE = { width: 1000, height: 760, minWidth: 640, minHeight: 560 } as const;
