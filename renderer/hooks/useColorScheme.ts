import { useSyncExternalStore } from 'react';

const query = window.matchMedia('(prefers-color-scheme: dark)');

function subscribe(onChange: () => void): () => void {
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}

/** Follows the Windows light/dark setting while the app is open, not just at start. */
export function usePrefersDark(): boolean {
  return useSyncExternalStore(subscribe, () => query.matches);
}
