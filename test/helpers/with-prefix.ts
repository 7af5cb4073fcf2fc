/**
 * The Wine prefix of one test file: made before its first test, removed (wineserver and all)
 * after its last.
 *
 *   const prefix = withPrefix('netsh-reads', () => resetValues(prefix));
 *   it('...', async () => { await runCli(['status'], productEnv(prefix, freshPath(prefix.root, 'data'))); });
 */
import { suiteFixture } from './suite-fixture';
import { createPrefix, destroyPrefix, type WinePrefix } from './wine-prefix';

/**
 * Registers the suite's hooks and hands back the prefix to come: its fields may be read inside
 * the suite's hooks and tests, once `before` has made it. `setUp` runs once, on the new prefix.
 */
export function withPrefix(
  label: string,
  setUp: (prefix: WinePrefix) => Promise<unknown> = async () => undefined,
): WinePrefix {
  const held = suiteFixture(`the ${label} prefix`, () => createPrefix(label), destroyPrefix, setUp);
  return {
    get root() {
      return held().root;
    },
    get env() {
      return held().env;
    },
    get scratch() {
      return held().scratch;
    },
    reg: (args) => held().reg(args),
  };
}
