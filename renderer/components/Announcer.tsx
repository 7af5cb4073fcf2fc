import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { useVisuallyHidden } from './visually-hidden';

/** A result (backup made, applied, undone) waits for a pause in speech; a failure interrupts. */
export type Urgency = 'polite' | 'assertive';

interface Said {
  text: string;
  urgency: Urgency;
  /** Counts what was said, so the same words said again are a new node, and heard again. */
  count: number;
}

const SayContext = createContext<(text: string, urgency: Urgency) => void>(() => undefined);

/**
 * The page's two live regions, there from the start so screen readers watch them before anything
 * is said. Each message replaces the last in both: the regions always hold what happened last.
 * Fluent's MessageBars say nothing of their own (there is no AriaLiveAnnouncer): a warning that
 * is part of a page is read with the page, not announced over it.
 */
export function Announcer({ children }: { children: ReactNode }) {
  const styles = useVisuallyHidden();
  const [said, setSaid] = useState<Said>({ text: '', urgency: 'polite', count: 0 });
  const say = useCallback(
    (text: string, urgency: Urgency) => setSaid((last) => ({ text, urgency, count: last.count + 1 })),
    [],
  );
  const region = (urgency: Urgency) => (said.urgency === urgency ? <span key={said.count}>{said.text}</span> : null);
  return (
    <SayContext.Provider value={say}>
      {/* First in the page: out of the flow where it starts, so it never lengthens the page. */}
      <div role="status" aria-live="polite" aria-atomic="true" className={styles.hidden}>
        {region('polite')}
      </div>
      <div role="alert" aria-live="assertive" aria-atomic="true" className={styles.hidden}>
        {region('assertive')}
      </div>
      {children}
    </SayContext.Provider>
  );
}

/** Says `message` each time it appears or changes (null says nothing): for the component that shows the result. */
export function useAnnounce(message: string | null, urgency: Urgency = 'polite'): void {
  const say = useContext(SayContext);
  useEffect(() => {
    if (message) say(message, urgency);
  }, [message, urgency, say]);
}
