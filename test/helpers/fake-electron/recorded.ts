/** What the stand-in for Electron records of the main process's requests, and how it is set up. */
import type { FakeContents, FakeWindow } from './window';

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
  permissionRequest?: (
    contents: FakeContents,
    permission: string,
    callback: (granted: boolean) => void,
    details: PermissionDetails,
  ) => void;
  permissionCheck?: (
    contents: FakeContents | null,
    permission: string,
    requestingOrigin: string,
    details: PermissionDetails,
  ) => boolean;
  deviceCheck?: () => boolean;
  beforeRequest?: {
    urls: string[];
    listener: (details: { url: string }, callback: (response: { cancel: boolean }) => void) => void;
  };
  errorBoxes: { title: string; message: string }[];
  messageBoxes: MessageBox[];
  /** Calls of app.quit(), those a window's close guard cancelled, and whether one went through. */
  quits: number;
  quitsCancelled: number;
  quitDone: boolean;
  lockReleased: number;
  exitCode?: number;
}

export interface FakeElectronOptions {
  /** What requestSingleInstanceLock answers: false when another copy runs. */
  singleInstance?: boolean;
  loadFails?: boolean;
}

export function emptyRecorded(): Recorded {
  return {
    sandboxEnabled: false,
    schemes: [],
    handlers: new Map(),
    windows: [],
    errorBoxes: [],
    messageBoxes: [],
    quits: 0,
    quitsCancelled: 0,
    quitDone: false,
    lockReleased: 0,
  };
}
