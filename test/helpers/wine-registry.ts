/**
 * The e2e specs' and the benchmark's handle on a Wine prefix: the Wine suites' helper (one
 * place for prefixes and independent checks) in the shape a browser test reads best.
 */
import { createPrefix, destroyPrefix, type WinePrefix } from './wine-prefix';
import { regExport, regQuery, resetValues, setValue } from './reg-checks';

export { KEY } from './wine-prefix';

export class WineRegistry {
  constructor(private readonly prefix: WinePrefix) {}

  get env(): NodeJS.ProcessEnv {
    return this.prefix.env;
  }

  /** `TYPE DATA` as `wine reg query` prints the value, or null when it is absent. */
  async value(name: string): Promise<string | null> {
    const found = (await regQuery(this.prefix))[name];
    return found ? `${found.type} ${found.data}` : null;
  }

  /** The whole key as `wine reg export` writes it: compared whole, it proves a walk left the key as it found it. */
  exported(): Promise<string> {
    return regExport(this.prefix);
  }

  set(name: string, type: string, data: string): Promise<void> {
    return setValue(this.prefix, name, type, data);
  }

  reset(): Promise<void> {
    return resetValues(this.prefix);
  }

  dispose(): Promise<void> {
    return destroyPrefix(this.prefix);
  }
}

export async function createWinePrefix(label = 'e2e'): Promise<WineRegistry> {
  return new WineRegistry(await createPrefix(label));
}
