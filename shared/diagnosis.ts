/** What `diagnose` reads off the machine: the shape the CLI's --json prints and the wizard shows. */
import * as z from 'zod/mini';

const count = z.number();
const range = z.object({ start: count, count });
const exclusion = z.object({ start: count, end: count, administered: z.boolean() });
const perFamily = <T extends z.ZodMiniType>(schema: T) => z.object({ ipv4: schema, ipv6: schema });
const counts = { timeWait: count, established: count, other: count };

export const diagnosisSchema = z.object({
  tcp: z.nullable(
    z.object({
      states: z.record(z.string(), count),
      /** Per remote address and port, busiest first. */
      remotes: z.array(z.object({ address: z.string(), port: count, ...counts })),
      /** Per owning process where netstat names the PID (never under Wine), by outgoing ports held, busiest first (TIME_WAIT has no owner: PID 0). */
      processes: z.nullable(z.array(z.object({ pid: count, name: z.nullable(z.string()), ...counts }))),
      /**
       * TIME_WAIT on this host's own outgoing ports (it closed first: the fix belongs here) and on
       * its listening ports (a server closing first: no outgoing ports used).
       */
      timeWait: z.object({ outgoing: count, onListeningPorts: count }),
      /**
       * The ports this host's outgoing connections hold, by state and address family: every
       * socket but listening ones and those on a listening port (a server's side).
       */
      held: perFamily(z.object(counts)),
      /** TIME_WAIT a server here closed first, per listening port, busiest first; null where listening sockets are not listed (Wine). */
      serverTimeWait: z.nullable(z.array(z.object({ port: count, process: z.nullable(z.string()), timeWait: count }))),
    }),
  ),
  ports: z.object({
    dynamic: perFamily(z.nullable(range)),
    excluded: perFamily(z.nullable(z.array(exclusion))),
    /** Ports something listens on (IPv4 or IPv6), with the owner where known; null where netstat does not list them (Wine). */
    listening: z.nullable(z.array(z.object({ port: count, process: z.nullable(z.string()) }))),
    /** Listening ports inside the IPv4 range now, or inside 1024..MaxUserPort, the range MaxUserPort was seen to make. */
    listeningInRange: z.array(
      z.object({ port: count, process: z.nullable(z.string()), range: z.enum(['now', 'with-max-user-port']) }),
    ),
    /** The IPv4 range less its exclusions. */
    freePorts: z.nullable(count),
  }),
  events: z.nullable(z.object({ count, latest: z.nullable(z.string()), byId: z.object({ 4227: count, 4231: count }) })),
  capacity: z.object({
    timeWaitSeconds: count,
    timeWaitSource: z.string(),
    /** New connections per second to one remote address and port, now. */
    now: z.nullable(count),
    /** The same with MaxUserPort 65534 (range seen after a restart: 1024-65534) and TcpTimedWaitDelay 30. */
    withRecommended: count,
  }),
  /** A dynamic range that leaves out every listening port and exclusion found, or null when none fits. */
  recommendedRange: z.nullable(range),
  /** Why each part that is null could not be read. */
  unavailable: z.record(z.string(), z.string()),
});

export type Diagnosis = z.infer<typeof diagnosisSchema>;
