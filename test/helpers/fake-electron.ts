/**
 * A recording stand-in for the `electron` module, so the real dist/electron/main.cjs can be
 * loaded and driven without Electron's binary: it records what the main process asks for
 * (windows, handlers, permission and request filters, dialogs) and lets a test fire events with
 * the arguments Electron 45 passes. app.quit() behaves as Electron's does: it asks every window
 * to close, and one whose 'close' is prevented cancels the quit.
 */
import { EventEmitter } from 'node:events';
import Module from 'node:module';

type Handler = (...args: never[]) => unknown;

export class FakeContents extends EventEmitter {
  windowOpenHandler: Handler | undefined;
  reloads = 0;
  url = '';
  setWindowOpenHandler(handler: Handler): void {
    this.windowOpenHandler = handler;
  }
  getURL(): string {
    return this.url;
  }
  reload(): void {
    this.reloads += 1;
  }
}

/** What Electron passes in `details` to both permission handlers (a check may lack requestingUrl). */
export interface PermissionDetails {
  requestingUrl?: string;
  isMainFrame: boolean;
  embeddingOrigin?: string;
}

/** A box as shown; `parented`: whether it was given a window (a hidden one would hide it too). */
export interface MessageBox {
  type?: string;
  title?: string;
  message: string;
  detail?: string;
  buttons?: string[];
  parented: boolean;
}

export interface Recorded {
  sandboxEnabled: boolean;
  schemes: { scheme: string; privileges: Record<string, boolean> }[];
  protocolHandler?: (request: Request) => Promise<Response>;
  handlers: Map<string, (event: unknown, request: unknown) => Promise<unknown>>;
  windows: FakeWindow[];
  permissionRequest?: (contents: FakeContents, permission: string, callback: (granted: boolean) => void, details: PermissionDetails) => void;
  permissionCheck?: (contents: FakeContents | null, permission: string, requestingOrigin: string, details: PermissionDetails) => boolean;
  deviceCheck?: () => boolean;
  beforeRequest?: { urls: string[]; listener: (details: { url: string }, callback: (response: { cancel: boolean }) => void) => void };
  errorBoxes: { title: string; message: string }[];
  messageBoxes: MessageBox[];
  /** Calls of app.quit(), those a window's close guard cancelled, and whether one went through. */
  quits: number;
  quitsCancelled: number;
  quitDone: boolean;
  lockReleased: number;
  exitCode?: number;
}

export class FakeWindow extends EventEmitter {
  webContents = new FakeContents();
  loaded?: string;
  destroyed = false;
  constructor(
    readonly options: { webPreferences: Record<string, unknown> } & Record<string, unknown>,
    private readonly loadFails: boolean,
  ) {
    super();
  }
  visible = true; // In Electron, false until 'ready-to-show'.
  removeMenu(): void {}
  isVisible(): boolean {
    return this.visible;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  isMinimized(): boolean {
    return false;
  }
  loadURL(url: string): Promise<void> {
    this.loaded = url;
    this.webContents.url = url;
    return this.loadFails ? Promise.reject(new Error('ERR_FAILED (-2) loading app://tuner/index.html')) : Promise.resolve();
  }
}

export interface FakeElectronOptions {
  /** What requestSingleInstanceLock answers: false when another copy runs. */
  singleInstance?: boolean;
  loadFails?: boolean;
}

export function fakeElectron(options: FakeElectronOptions = {}) {
  const recorded: Recorded = { sandboxEnabled: false, schemes: [], handlers: new Map(), windows: [], errorBoxes: [], messageBoxes: [], quits: 0, quitsCancelled: 0, quitDone: false, lockReleased: 0 };
  let markReady!: () => void;
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  let quitting = false;
  const quit = () => {
    recorded.quits += 1;
    if (quitting || recorded.quitDone) return;
    quitting = true;
    for (const window of recorded.windows.filter((open) => !open.destroyed)) {
      let prevented = false;
      window.emit('close', { preventDefault: () => (prevented = true) });
      if (prevented) {
        quitting = false;
        recorded.quitsCancelled += 1;
        return;
      }
    }
    for (const window of recorded.windows) window.destroyed = true;
    quitting = false;
    recorded.quitDone = true;
  };
  const app = Object.assign(new EventEmitter(), {
    isPackaged: false,
    enableSandbox: () => void (recorded.sandboxEnabled = true),
    requestSingleInstanceLock: () => options.singleInstance ?? true,
    releaseSingleInstanceLock: () => void (recorded.lockReleased += 1),
    quit,
    exit: (code: number) => void (recorded.exitCode = code),
    whenReady: () => ready,
    getAppPath: () => process.cwd(),
  });
  const electron = {
    app,
    BrowserWindow: class extends FakeWindow {
      constructor(windowOptions: FakeWindow['options']) {
        super(windowOptions, options.loadFails ?? false);
        recorded.windows.push(this);
      }
    },
    ipcMain: { handle: (channel: string, handler: Recorded['handlers'] extends Map<string, infer H> ? H : never) => void recorded.handlers.set(channel, handler) },
    protocol: {
      registerSchemesAsPrivileged: (schemes: Recorded['schemes']) => void recorded.schemes.push(...schemes),
      handle: (_scheme: string, handler: NonNullable<Recorded['protocolHandler']>) => void (recorded.protocolHandler = handler),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (handler: NonNullable<Recorded['permissionRequest']>) => void (recorded.permissionRequest = handler),
        setPermissionCheckHandler: (handler: NonNullable<Recorded['permissionCheck']>) => void (recorded.permissionCheck = handler),
        setDevicePermissionHandler: (handler: NonNullable<Recorded['deviceCheck']>) => void (recorded.deviceCheck = handler),
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
