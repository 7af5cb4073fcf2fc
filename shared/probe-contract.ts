/**
 * The wizard's `probe` channel: its request, checked on the main side by the same rules as the
 * CLI's, and its answer. The password travels only in this request, for the one login.
 */
import * as z from 'zod/mini';
import { PROBE_CLASSES, PROBE_PHASES } from './probe';
import { checkHost, checkPort, checkUser, type Checked } from './probe-target';

/** A field checked by one of probe-target's rules, whose message becomes the contract's. */
const checked = <T>(check: (input: unknown) => Checked<T>) =>
  z.pipe(
    z.unknown(),
    z.transform((input, ctx) => {
      const result = check(input);
      if (result.ok) return result.value;
      ctx.issues.push({ code: 'custom', message: result.message, input });
      return z.NEVER;
    }),
  );

/** Long enough for any password a DBA types; anything longer is a mistake, not a password. */
const PASSWORD_MAX = 512;

export const probeRequestSchema = z
  .strictObject({
    host: checked(checkHost),
    port: checked((input) => checkPort(input)),
    /** An account to log in with; without one the probe uses a made-up login MySQL refuses harmlessly. */
    user: z.optional(checked(checkUser)),
    password: z.optional(
      z.string().check(z.maxLength(PASSWORD_MAX, `A password has at most ${PASSWORD_MAX} characters.`)),
    ),
  })
  .check(
    z.refine(
      (request) => request.password === undefined || request.user !== undefined,
      'A password needs a user name.',
    ),
  );

export const probeResultSchema = z.object({
  target: z.string(),
  at: z.string(),
  class: z.enum(PROBE_CLASSES),
  code: z.nullable(z.string()),
  errno: z.nullable(z.number()),
  message: z.string(),
  milliseconds: z.number(),
  phase: z.enum(PROBE_PHASES),
  server: z.nullable(z.string()),
  lever: z.string(),
});
