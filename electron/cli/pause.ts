/** Waits `ms`, or ends early (false) when stopped: Ctrl+C ends a wait at once. */
export function pause(ms: number, stop: AbortSignal): Promise<boolean> {
  if (stop.aborted) return Promise.resolve(false);
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      stop.removeEventListener('abort', abort);
      resolve(true);
    }, ms);
    const abort = () => {
      clearTimeout(timer);
      resolve(false);
    };
    stop.addEventListener('abort', abort, { once: true });
  });
}
