/**
 * A recording stand-in for the `electron` module, so the real dist/electron/main.cjs can be
 * loaded and driven without Electron's binary: it records what the main process asks for
 * (windows, handlers, permission and request filters, dialogs) and lets a test fire events with
 * the arguments Electron 45 passes. The app and BrowserWindow stand-ins are in fake-electron/.
 */
import Module from 'node:module';
import { fakeApp } from './fake-electron/app';
import { emptyRecorded, type FakeElectronOptions, type MessageBox, type Recorded } from './fake-electron/recorded';
import { FakeWindow } from './fake-electron/window';

export function fakeElectron(options: FakeElectronOptions = {}) {
  const recorded = emptyRecorded();
  const { app, markReady } = fakeApp(recorded, options);
  const electron = {
    app,
    BrowserWindow: class extends FakeWindow {
      constructor(windowOptions: FakeWindow['options']) {
        super(windowOptions, options.loadFails ?? false);
        recorded.windows.push(this);
      }
    },
    ipcMain: {
      handle: (channel: string, handler: Recorded['handlers'] extends Map<string, infer H> ? H : never) =>
        void recorded.handlers.set(channel, handler),
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: Recorded['schemes']) => void recorded.schemes.push(...schemes),
      handle: (_scheme: string, handler: NonNullable<Recorded['protocolHandler']>) =>
        void (recorded.protocolHandler = handler),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (handler: NonNullable<Recorded['permissionRequest']>) =>
          void (recorded.permissionRequest = handler),
        setPermissionCheckHandler: (handler: NonNullable<Recorded['permissionCheck']>) =>
          void (recorded.permissionCheck = handler),
        setDevicePermissionHandler: (handler: NonNullable<Recorded['deviceCheck']>) =>
          void (recorded.deviceCheck = handler),
        webRequest: {
          onBeforeRequest: (filter: { urls: string[] }, listener: NonNullable<Recorded['beforeRequest']>['listener']) =>
            void (recorded.beforeRequest = { urls: filter.urls, listener }),
        },
      },
    },
    dialog: {
      showErrorBox: (title: string, message: string) => void recorded.errorBoxes.push({ title, message }),
      // Electron's signature: (window, options) or (options).
      showMessageBox: async (first: unknown, second?: Omit<MessageBox, 'parented'>) => {
        const box = second ?? (first as Omit<MessageBox, 'parented'>);
        recorded.messageBoxes.push({ ...box, parented: second !== undefined });
        return { response: 0 };
      },
    },
  };
  return { electron, recorded, app, markReady };
}

/** Loads `file` afresh with `require('electron')` answered by `electron`; returns what it exported. */
export function loadWithElectron(file: string, electron: unknown): unknown {
  const loader = Module as unknown as { _load(request: string, parent: unknown, isMain: boolean): unknown };
  const original = loader._load;
  loader._load = function (request, parent, isMain) {
    return request === 'electron' ? electron : original.call(this, request, parent, isMain);
  };
  try {
    const load = Module.createRequire(file);
    delete load.cache[file];
    return load(file);
  } finally {
    loader._load = original;
  }
}

/** Lets the main process's promises and timers of a few milliseconds run. */
export const settle = (ms = 20) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits for what the main process does after a file write (a log line, then a dialog); 10 s at most. */
export async function until(done: () => boolean): Promise<void> {
  for (let waited = 0; !done() && waited < 10_000; waited += 20) await settle();
}

/** Loads the built main process on a fresh stand-in, makes the app ready, and lets it start. */
export async function startMain(file: string, options: FakeElectronOptions = {}) {
  const fake = fakeElectron(options);
  loadWithElectron(file, fake.electron);
  fake.markReady();
  await settle();
  return fake;
}
