/**
 * A kind of change that exists only in tests, in this one file: two dials held in memory. It
 * proves "adding a kind" (docs/adding-a-kind.md): the engine, the journal, settling, undo and
 * the change table take it with no edit to product code, only a place in the kind list each is
 * given. Its state names itself to the types here, as a product kind does in change-kind.ts.
 */
import * as z from 'zod/mini';
import type { ChangeKind, StatePart } from '../../electron/services/change/change-kind';
import { TunerError } from '../../electron/services/errors';
import { row, sameJson, type KindRows } from '../../shared/change-rows';

const DIALS = ['north', 'south'] as const;
type Dial = (typeof DIALS)[number];
export type DialState = Record<Dial, number>;

declare module '../../electron/services/change/change-kind' {
  interface KindStateMap {
    dials: DialState;
  }
}

const dialSchema = z.strictObject({ north: z.int(), south: z.int() });

/**
 * The kind over `held`, the dials as the "machine" holds them. `wanted` is what the next apply
 * asks of it: the contract has no field for a kind it does not know, so the test sets it here.
 * `afterWrite` hears of each dial written, as a netsh stand-in's hook does (a test kills there).
 */
export function dialsKind(held: DialState) {
  const hooks: { wanted?: DialState; afterWrite?: (dial: Dial) => void } = {};
  const setEach = async (
    goal: DialState,
    from: DialState,
    done?: (step: { part: string; from: string; to: string }) => Promise<void>,
  ) => {
    for (const dial of DIALS) {
      if (from[dial] === goal[dial]) continue;
      await done?.({ part: `the ${dial} dial`, from: String(from[dial]), to: String(goal[dial]) });
      held[dial] = goal[dial];
      hooks.afterWrite?.(dial);
    }
    const off = DIALS.filter((dial) => held[dial] !== goal[dial]);
    if (off.length > 0) throw new TunerError('netsh-failed', `The dials did not read back as set: ${off.join(', ')}.`);
  };
  const kind: ChangeKind<'dials', DialState> = {
    id: 'dials',
    schema: dialSchema,
    inBackup: false,
    unrecorded: 'ours',
    effect: 'at-once',
    putBackSentence: 'The dials were put back as they were.',
    wantedFrom: () => hooks.wanted,
    capture: async () => ({ ...held }),
    targetOf: (_prior, wanted) => ({ ...wanted }),
    write: (_wanted, target, prior, done) => setEach(target, prior, done),
    restore: (state, current, done) => setEach(state, current, done),
    parts: (state): StatePart[] =>
      DIALS.map((dial) => ({
        name: `the ${dial} dial`,
        slot: dial,
        key: String(state[dial]),
        text: String(state[dial]),
      })),
    slotName: (slot) => `the ${slot} dial`,
    repairs: (state, parts) =>
      parts.flatMap(({ slot }) => {
        const dial = DIALS.find((one) => one === slot);
        return dial ? [`set-dial ${dial} ${state[dial]}`] : [];
      }),
  };
  return { kind, hooks };
}

/** The dials' rows in the change table: what `rows` adds after the product's kinds. */
export const dialRows: KindRows = (before, after) => {
  const [was, now] = [dialsOf(before), dialsOf(after)];
  if (!was && !now) return [];
  return DIALS.map((dial) =>
    row(
      `dials.${dial}`,
      {
        label: `Dial ${dial}`,
        effect: 'at-once',
        read: (value: number | undefined) => (value === undefined ? 'not read' : String(value)),
      },
      was?.[dial],
      now?.[dial],
      sameJson,
    ),
  );
};

/** The dials in a reported state: the contract's type does not know them, the object does. */
function dialsOf(state: object): DialState | undefined {
  const found = dialSchema.safeParse(new Map(Object.entries(state)).get('dials'));
  return found.success ? found.data : undefined;
}
