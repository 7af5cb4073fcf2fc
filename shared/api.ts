import { CHANNEL_NAMES, type Channel } from './channels';
import type { Request, Response, Result } from './contract';

/** What the renderer sees as `window.tuner`: one method per channel of the contract. */
export type TunerApi = { [C in Channel]: (request: Request<C>) => Promise<Result<Response<C>>> };

export type Transport = (channel: Channel, request: unknown) => Promise<unknown>;

/**
 * Builds the API over any transport: `ipcRenderer.invoke` in the preload, `fetch` in the browser
 * preview. Every transport carries the same `Result` envelopes the main side produces, and a
 * transport that fails outright becomes one too, so callers only ever handle results.
 */
export function createApi(transport: Transport): TunerApi {
  const api = {} as Record<Channel, (request: unknown) => Promise<unknown>>;
  for (const channel of CHANNEL_NAMES) {
    api[channel] = (request) =>
      transport(channel, request).catch((error: unknown): Result<never> => ({
        ok: false,
        error: {
          kind: 'unexpected',
          message: `The request did not complete: ${error instanceof Error ? error.message : String(error)}`,
        },
      }));
  }
  return api as TunerApi;
}
