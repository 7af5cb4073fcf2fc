/**
 * The stand-ins for Electron's BrowserWindow and its webContents: they record what was loaded and
 * asked for, and are event emitters so a test can fire what Electron would.
 */
import { EventEmitter } from 'node:events';

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
    return this.loadFails
      ? Promise.reject(new Error('ERR_FAILED (-2) loading app://tuner/index.html'))
      : Promise.resolve();
  }
}
