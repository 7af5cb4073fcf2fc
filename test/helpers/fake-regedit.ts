/**
 * Stand-ins for what RegeditBackend calls: the `regedit` package and reg.exe, each recording
 * the calls that reach it.
 */
import type { RegeditModule } from '../../electron/services/registry/regedit-backend';

export type Listed = Awaited<ReturnType<RegeditModule['promisified']['list']>>;

/** Stands in for the `regedit` package at the edge of what the backend calls. */
export function fakeRegedit(options: { listed?: Listed; failure?: Error } = {}) {
  const calls: unknown[][] = [];
  const module: RegeditModule = {
    promisified: {
      async list(keys) {
        calls.push(['list', keys]);
        if (options.failure) throw options.failure;
        return options.listed ?? {};
      },
      async putValue(map) {
        calls.push(['putValue', map]);
        if (options.failure) throw options.failure;
      },
    },
    deleteValue(keys, callback) {
      calls.push(['deleteValue', keys]);
      setImmediate(() => callback(options.failure));
    },
  };
  return { module, calls };
}

/** reg.exe's side of the backend: only export and import should ever reach it. */
export function fakeRegExe() {
  const calls: string[] = [];
  return {
    calls,
    regExe: {
      exportKey: async (file: string) => void calls.push(`export ${file}`),
      importFile: async (file: string) => void calls.push(`import ${file}`),
      readTree: async () => {
        calls.push('query /s');
        return new Map();
      },
    },
  };
}
