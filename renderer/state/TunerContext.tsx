import { createContext, useContext, useMemo, type ReactNode } from 'react';
import type { TunerApi } from '../../shared/api';
import type { Channel } from '../../shared/channels';
import { useStatus, type StatusState } from './useStatus';

/** The calls after which the machine, the backup folder or the history may have moved on. */
const CHANGING: readonly Channel[] = ['chooseBackupFolder', 'createBackup', 'apply', 'undo'];

interface Tuner extends StatusState {
  /** window.tuner, with the status read again after every call that changes something. */
  api: TunerApi;
}

const TunerContext = createContext<Tuner | null>(null);

export function TunerProvider({ children }: { children: ReactNode }) {
  const state = useStatus();
  const { refresh } = state;
  const api = useMemo(() => {
    const wrapped: Record<string, unknown> = { ...window.tuner };
    for (const channel of CHANGING) {
      const call = window.tuner[channel] as (request: never) => Promise<unknown>;
      wrapped[channel] = async (request: never) => {
        const result = await call(request);
        void refresh();
        return result;
      };
    }
    return wrapped as TunerApi;
  }, [refresh]);
  const value = useMemo(() => ({ ...state, api }), [state, api]);
  return <TunerContext.Provider value={value}>{children}</TunerContext.Provider>;
}

export function useTuner(): Tuner {
  const tuner = useContext(TunerContext);
  if (!tuner) throw new Error('useTuner is used outside TunerProvider.');
  return tuner;
}
