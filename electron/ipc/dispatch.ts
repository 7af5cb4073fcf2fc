import type { Channel } from '../../shared/channels';
import { channels, type Response, type Result, type ValidRequest } from '../../shared/contract';
import { toFailure } from '../services/errors';
import { exportFor, exportText, writeExportFile } from '../services/export/export-service';
import type { DiagnosisService } from '../services/diagnosis/diagnosis-service';
import type { PoolSampler } from '../services/diagnosis/sampling';
import type { RestartService } from '../services/host/restart';
import type { ChangeService } from '../services/change-service';
import { DEFAULT_TIMEOUT_MS, type ProbeService } from '../services/probe/probe';

/** What the main side offers the wizard; each transport (Electron IPC, the preview) supplies one. */
export interface MainServices {
  tuner: Pick<ChangeService, 'status' | 'useBackupFolder' | 'backup' | 'apply' | 'undo'>;
  restart: Pick<RestartService, 'restart' | 'cancel'>;
  diagnosis: Pick<DiagnosisService, 'diagnose' | 'checkDataFolder'>;
  sampler: Pick<PoolSampler, 'sample'>;
  /** A folder the user picked in a dialog the main side owns; null when cancelled. */
  chooseFolder(): Promise<string | null>;
  /** A file to save to, picked in the main side's own save dialog (which confirms replacing one); null when cancelled. */
  chooseSaveFile(suggestedName: string): Promise<string | null>;
  relaunchAsAdmin(): Promise<void>;
  probe: ProbeService;
}

type Handlers = { [C in Channel]: (request: ValidRequest<C>) => Promise<Response<C>> };

export type Dispatch = (channel: string, request: unknown) => Promise<Result<unknown>>;

/**
 * Validates every request against the shared contract before any service sees it (the
 * renderer is never trusted) and turns every failure into a plain result, never a stack trace.
 */
export function createDispatcher(services: MainServices): Dispatch {
  const { tuner, restart } = services;
  const handlers: Handlers = {
    getStatus: () => tuner.status(),
    diagnose: () => services.diagnosis.diagnose(),
    sample: (request) => services.sampler.sample(request.threshold),
    checkDataFolder: () => services.diagnosis.checkDataFolder(),
    // Only a folder picked in the main side's own dialog is ever written to.
    chooseBackupFolder: async () => {
      const folder = await services.chooseFolder();
      if (folder) tuner.useBackupFolder(folder);
      return { folder };
    },
    createBackup: () => tuner.backup(),
    apply: (request) => tuner.apply(request),
    undo: (request) => tuner.undo(request),
    previewExport: async (request) => {
      const { content, suggestedName } = exportFor(request);
      return { text: exportText(request.format, content), suggestedName };
    },
    saveExport: async (request) => {
      const { content, suggestedName } = exportFor(request);
      const file = await services.chooseSaveFile(suggestedName);
      if (file) await writeExportFile(file, content, { force: true });
      return { file };
    },
    restartWindows: (request) => restart.restart(request.when),
    cancelRestart: () => restart.cancel(),
    probe: ({ host, port, user, password }) =>
      services.probe({
        host,
        port,
        timeoutMs: DEFAULT_TIMEOUT_MS,
        ...(user ? { account: { user, password: password ?? '' } } : {}),
      }),
    relaunchAsAdmin: async () => {
      await services.relaunchAsAdmin();
      return {};
    },
  };

  return async (channel, request) => {
    if (!Object.hasOwn(channels, channel)) {
      return { ok: false, error: { kind: 'invalid-input', message: `Unknown request "${channel.slice(0, 40)}".` } };
    }
    const name = channel as Channel;
    // Structured clone carries Maps, Sets and class instances too; every request is a plain object.
    const body = request ?? {};
    if (Object.getPrototypeOf(body) !== Object.prototype) {
      return {
        ok: false,
        error: { kind: 'invalid-input', message: 'The request is not a plain object. Nothing was changed.' },
      };
    }
    const parsed = channels[name].request.safeParse(body);
    if (!parsed.success) {
      const message = parsed.error.issues.map((issue) => issue.message).join(' ');
      return { ok: false, error: { kind: 'invalid-input', message: `${message} Nothing was changed.` } };
    }
    try {
      const handler = handlers[name] as (request: unknown) => Promise<unknown>;
      return { ok: true, value: await handler(parsed.data) };
    } catch (error) {
      return { ok: false, error: toFailure(error) };
    }
  };
}
