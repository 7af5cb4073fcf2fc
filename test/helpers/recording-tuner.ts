/**
 * A `window.tuner` that answers every channel with the channel's name and records the order of
 * the calls. It is installed as this module loads, so a module that asks as it loads
 * (renderer/first-asks.ts) finds it when imported after this one.
 */
export const asked: string[] = [];

const tuner = new Proxy(
  {},
  {
    get: (_target, channel: string) => () => {
      asked.push(channel);
      return Promise.resolve({ ok: true, value: channel });
    },
  },
);
Object.assign(globalThis, { window: { tuner } });
