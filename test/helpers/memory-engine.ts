import path from 'node:path';
import { createBackup } from '../../electron/services/backup/backup';
import { ChangeEngine } from '../../electron/services/change/change-engine';
import type { AnyKind } from '../../electron/services/change/change-kind';
import { dynamicRangeKind } from '../../electron/services/change/dynamic-range-kind';
import { Journal } from '../../electron/services/change/journal';
import { registryKind } from '../../electron/services/change/registry-kind';
import { reservedPortsKind } from '../../electron/services/change/reserved-ports-kind';
import { ChangeService } from '../../electron/services/change-service';
import { MemoryNetsh } from './memory-netsh';
import { MemoryRegistry } from './memory-registry';
import { freshPath } from './temp-folder';

export const AUDIT = { user: 'CORP\\dba', machine: 'DB-CLIENT-01', version: '9.9.9' };

/**
 * The engine and the service over an in-memory registry and netsh, with all three kinds as the
 * composition root has them (or the registry's alone; `extraKinds` after them), a data folder of their own, and a clock
 * that moves one second per call.
 */
export function memoryEngine(
  root: string,
  options: { bootTime?: number; registryOnly?: boolean; extraKinds?: readonly AnyKind[] } = {},
) {
  const dataDir = freshPath(root, 'data');
  const registry = new MemoryRegistry();
  const netsh = new MemoryNetsh();
  let clock = Date.parse('2026-01-01T00:00:00Z');
  const now = () => new Date((clock += 1000));
  const scratchFile = (purpose: string) => path.join(dataDir, 'scratch', `${purpose}-${clock}-${Math.random()}.reg`);
  let bootTime = options.bootTime ?? 0;
  const makeBackup = (folder: string) => createBackup(registry, folder, now(), dataDir);
  const kinds: AnyKind[] = options.registryOnly
    ? [registryKind(registry, scratchFile)]
    : [registryKind(registry, scratchFile), dynamicRangeKind(netsh), reservedPortsKind(netsh)];
  kinds.push(...(options.extraKinds ?? []));
  const journal = new Journal(dataDir, path.join(dataDir, 'backups'), kinds);
  const engine = new ChangeEngine({
    kinds,
    backend: registry,
    journal,
    makeBackup,
    audit: async () => AUDIT,
    bootTime: () => bootTime,
    now,
    scratchFile,
  });
  const tuner = new ChangeService({
    backend: registry,
    journal,
    engine,
    makeBackup,
    rights: async () => ({ canWrite: true, notRead: null }),
    secureDataDir: async () => undefined,
    windows: async () => ({
      host: 'windows',
      version: '10.0.20348',
      name: 'Windows Server 2022',
      usesDynamicPortRange: true,
    }),
    dataDir,
    defaultBackupDir: path.join(dataDir, 'backups'),
    bootTime: () => bootTime,
    now,
  });
  /** Windows restarts: changes that wait for one are in force from now on. */
  const restart = () => {
    bootTime = clock + 500;
  };
  return { registry, netsh, journal, engine, tuner, dataDir, restart, makeBackup };
}
