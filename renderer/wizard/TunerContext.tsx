import { createContext, useCallback, useContext, useMemo, type ReactNode } from 'react';
import type { TunerApi } from '../../shared/api';
import type { Response, Status } from '../../shared/contract';
import type { Failure } from '../../shared/failure';
import type { Diagnosis } from '../../shared/diagnosis';
import { usePoolSampling, type LivePool } from './usePoolSampling';
import type { FirstAnswers } from './first-answer';
import { useReading, type Reading } from './useReading';

interface Tuner {
  status: Status | null;
  loading: boolean;
  failure: Failure | null;
  refresh: () => Promise<void>;
  /** What is in force, read separately: netstat takes longer than the registry. */
  diagnosis: Reading<Diagnosis>;
  /** The live port pool: sampled every few seconds while the Check page is open, here once for every page. */
  pool: LivePool;
  /** Whether the data folder can be written, read once at start. */
  dataFolder: Reading<Response<'checkDataFolder'>>;
  /** The full diagnosis and a live sample again, at once. */
  readAgain: () => Promise<void>;
  /** window.tuner, with the status and the diagnosis read again after every call that changes something. */
  api: TunerApi;
}

const TunerContext = createContext<Tuner | null>(null);

/** `first`: the status and the diagnosis asked as the page's script starts (first-asks.ts). */
export function TunerProvider({ children, first }: { children: ReactNode; first?: FirstAnswers }) {
  const status = useReading(() => window.tuner.getStatus({}), true, first?.status);
  // Shown once the status is in, as the page reads both together; asked beside it at start (first-asks.ts).
  const diagnosis = useReading(
    () => window.tuner.diagnose({}),
    status.value !== null || status.failure !== null,
    first?.diagnosis,
  );
  const dataFolder = useReading(
    () => window.tuner.checkDataFolder({}),
    status.value !== null || status.failure !== null,
  );
  // Live samples start once the full diagnosis is in: it leaves the slow parts for them to reuse.
  const pool = usePoolSampling(diagnosis.value !== null || diagnosis.failure !== null);
  const refreshStatus = status.refresh;
  const refreshDiagnosis = diagnosis.refresh;
  const sampleNow = pool.sampleNow;
  const readAgain = useCallback(async () => {
    await Promise.all([refreshDiagnosis(), sampleNow()]);
  }, [refreshDiagnosis, sampleNow]);
  const api = useMemo((): TunerApi => {
    const refreshingAfter =
      <Q, R>(call: (request: Q) => Promise<R>) =>
      async (request: Q): Promise<R> => {
        const result = await call(request);
        void refreshStatus();
        void refreshDiagnosis();
        return result;
      };
    const tuner = window.tuner;
    // The calls after which the machine, the backup folder or the history may have moved on.
    return {
      ...tuner,
      chooseBackupFolder: refreshingAfter(tuner.chooseBackupFolder),
      createBackup: refreshingAfter(tuner.createBackup),
      apply: refreshingAfter(tuner.apply),
      undo: refreshingAfter(tuner.undo),
    };
  }, [refreshStatus, refreshDiagnosis]);
  const value = useMemo(
    () => ({
      status: status.value,
      loading: status.loading,
      failure: status.failure,
      refresh: refreshStatus,
      diagnosis,
      pool,
      dataFolder,
      readAgain,
      api,
    }),
    [status.value, status.loading, status.failure, refreshStatus, diagnosis, pool, dataFolder, readAgain, api],
  );
  return <TunerContext.Provider value={value}>{children}</TunerContext.Provider>;
}

export function useTuner(): Tuner {
  const tuner = useContext(TunerContext);
  if (!tuner) throw new Error('useTuner is used outside TunerProvider.');
  return tuner;
}
