/**
 * The stand-in for Electron's `app`. quit() behaves as Electron's does: it asks every window to
 * close, and one whose 'close' is prevented cancels the quit.
 */
import { EventEmitter } from 'node:events';
import type { FakeElectronOptions, Recorded } from './recorded';

/** The app, recording into `recorded`, and `markReady`, which settles its whenReady(). */
export function fakeApp(recorded: Recorded, options: FakeElectronOptions) {
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
  return { app, markReady };
}
