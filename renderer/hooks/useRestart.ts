import { useTuner } from '../wizard/TunerContext';
import { useAction } from './useAction';

/** Matches the delay the main side gives shutdown.exe (electron/services/host/restart.ts). */
export const RESTART_DELAY_SECONDS = 60;

/** The restart request and its cancellation, with what is running in words for the page's footer. */
export function useRestart() {
  const { api } = useTuner();
  const restart = useAction((when: 'now' | 'later') => api.restartWindows({ when }));
  const cancel = useAction(() => api.cancelRestart({}));
  const busy = restart.busy ? 'Asking Windows to restart…' : cancel.busy ? 'Cancelling the restart…' : null;
  return { restart, cancel, busy };
}
