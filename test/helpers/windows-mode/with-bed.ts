/**
 * The Windows-mode bed of one test file: opened before its first test, closed after its last,
 * and each test skipped, with the reason, where Wine cannot run Windows' Node.js here.
 *
 *   const bed = withBed('status', async () => installWhoami(bed.prefix, 'high'));
 *   it('...', async (t) => { if (bed.skipped(t)) return; ... });
 */
import type { TestContext } from 'node:test';
import { suiteFixture } from '../suite-fixture';
import { openBed, type Bed } from './bed';

export interface SuiteBed extends Omit<Bed, 'close'> {
  /** Skips the test with the bed's reason and says so; false when the bed runs. */
  skipped(t: TestContext): boolean;
}

/** Registers the suite's hooks; `setUp` runs once on an open bed, never on a skipped one. */
export function withBed(
  label: string,
  setUp: () => Promise<unknown> = async () => undefined,
  options: { locale?: string } = {},
): SuiteBed {
  const held = suiteFixture(
    `the ${label} bed`,
    () => openBed(label, options),
    (bed) => bed.close(),
    (bed) => (bed.skip ? Promise.resolve() : setUp()),
  );
  return {
    get skip() {
      return held().skip;
    },
    get prefix() {
      return held().prefix;
    },
    get regTool() {
      return held().regTool;
    },
    cli: (args, runOptions) => held().cli(args, runOptions),
    skipped(t) {
      const { skip } = held();
      if (skip) t.skip(skip);
      return skip !== null;
    },
  };
}
