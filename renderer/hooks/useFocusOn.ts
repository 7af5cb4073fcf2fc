import { useEffect, useRef, type RefObject } from 'react';

/**
 * Focuses the element each time `cue` turns to a new value that is not null: after a result,
 * focus goes to the next action, never to the page body when the control used is gone.
 */
export function useFocusOn<T extends HTMLElement>(cue: unknown, target?: RefObject<T | null>): RefObject<T | null> {
  const own = useRef<T>(null);
  const ref = target ?? own;
  useEffect(() => {
    if (cue !== null && cue !== undefined && cue !== false) ref.current?.focus();
  }, [cue, ref]);
  return ref;
}
