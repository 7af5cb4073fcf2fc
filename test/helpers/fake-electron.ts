/**
 * A recording stand-in for the `electron` module, so the real dist/electron/main.cjs can be
 * loaded and driven without Electron's binary: it records what the main process asks for
 * (windows, handlers, permission and request filters, dialogs) and lets a test fire events.
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

export interface Recorded {
  sandboxEnabled: boolean;
  schemes: { scheme: string; privileges: Record<string, boolean> }[];
  protocolHandler?: (request: Request) => Promise<Response>;
  handlers: Map<string, (event: unknown, request: unknown) => Promise<unknown>>;
  windows: FakeWindow[];
  permissionRequest?: (contents: FakeContents, permission: string, callback: (granted: boolean) => void) => void;
  permissionCheck?: (contents: FakeContents | null, permission: string, origin: string) => boolean;
  deviceCheck?: () => boolean;
  beforeRequest?: { urls: string[]; listener: (details: { url: string }, callback: (response: { cancel: boolean }) => void) => void };
  errorBoxes: { title: string; message: string }[];
  messageBoxes: { message: string; detail?: string }[];
  quits: number;
  exitCode?: number;
}

export class FakeWindow extends EventEmitter {
  webContents = new FakeContents();
  loaded?: string;
  constructor(
    readonly options: { webPreferences: Record<string, unknown> } & Record<string, unknown>,
    private readonly loadFails: boolean,
  ) {
    super();
  }
  removeMenu(): void {}
  isDestroyed(): boolean {
    return false;
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
  const recorded: Recorded = { sandboxEnabled: false, schemes: [], handlers: new Map(), windows: [], errorBoxes: [], messageBoxes: [], quits: 0 };
  let markReady!: () => void;
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  const app = Object.assign(new EventEmitter(), {
    isPackaged: false,
    enableSandbox: () => void (recorded.sandboxEnabled = true),
    requestSingleInstanceLock: () => options.singleInstance ?? true,
    releaseSingleInstanceLock: () => undefined,
    quit: () => void (recorded.quits += 1),
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
      showMessageBox: async (_window: unknown, box: { message: string; detail?: string }) => {
        recorded.messageBoxes.push(box);
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
