/**
 * A read that answers with data read after it was asked. One already running may predate what
 * the caller waits to see (a live sample taken before a burst of connections), so one more waits
 * behind it and serves everyone who asks meanwhile: never more than one running and one waiting.
 */
export function freshRead(read: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | null = null;
  let waiting: Promise<void> | null = null;
  const start = () =>
    (running = read().finally(() => {
      running = null;
    }));
  return () => {
    if (waiting) return waiting;
    if (!running) return start();
    waiting = running.then(() => {
      waiting = null;
      return start();
    });
    return waiting;
  };
}
