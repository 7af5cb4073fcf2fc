import type { TunerApi } from '../shared/api';

declare global {
  interface Window {
    /** Exposed by the preload (Electron) or the preview bridge (browser preview). */
    tuner: TunerApi;
  }
}
