/** The live sample's shape, for the contract: apart from shared/pool-sample.ts so the renderer bundles no validation library. */
import * as z from 'zod/mini';
import { THRESHOLD_LIMITS, type PoolSample } from './pool-sample';

const count = z.number();
const perFamily = <T extends z.ZodMiniType>(schema: T) => z.object({ ipv4: schema, ipv6: schema });
const counts = { timeWait: count, established: count, other: count };

export const poolSampleSchema = z.object({
  at: count,
  tcp: z.nullable(
    z.object({
      sockets: count,
      bound: z.nullable(count),
      held: perFamily(z.object(counts)),
      remotes: z.array(z.object({ address: z.string(), port: count, ...counts })),
      processes: z.nullable(z.array(z.object({ pid: count, name: z.nullable(z.string()), ...counts }))),
      serverTimeWait: z.nullable(z.array(z.object({ port: count, process: z.nullable(z.string()), timeWait: count }))),
    }),
  ),
  pool: perFamily(z.nullable(count)),
  events: z.nullable(z.object({ count, latest: z.nullable(z.string()) })),
  alert: z.nullable(z.object({ threshold: count, snapshot: z.nullable(z.string()), note: z.string() })),
  unavailable: z.record(z.string(), z.string()),
}) satisfies z.ZodMiniType<PoolSample>;

/** A sample asked for with the alert's threshold, a whole percent of the pool. */
export const sampleRequestSchema = z.strictObject({
  threshold: z.int().check(z.gte(THRESHOLD_LIMITS.min), z.lte(THRESHOLD_LIMITS.max)),
});

/** Whether the data folder (backups, journal, snapshots) can be written; if not, why in words and the fix. */
export const dataFolderSchema = z.object({
  folder: z.string(),
  problem: z.nullable(z.string()),
  fix: z.nullable(z.string()),
});
