/**
 * The channel names alone, free of the schemas, so the preload and the renderer can list them
 * without bundling the validation library. shared/contract.ts pairs each with its schemas.
 */
export const CHANNEL_NAMES = [
  'getStatus',
  'diagnose',
  'sample',
  'checkDataFolder',
  'chooseBackupFolder',
  'createBackup',
  'apply',
  'undo',
  'previewExport',
  'saveExport',
  'restartWindows',
  'cancelRestart',
  'relaunchAsAdmin',
  'probe',
] as const;

export type Channel = (typeof CHANNEL_NAMES)[number];

/** The prefix every IPC channel name carries, so the app's handlers are easy to tell apart. */
export const IPC_PREFIX = 'tuner:';
