import { sampleOf, type PoolSample } from '../../../shared/pool-sample';
import { figuresOf } from '../../../shared/pool-trend';
import type { Context, DiagnosisReader } from './reads';
import type { SnapshotStore } from './snapshots';

/** The range, exclusions, names and events are read again at most once a minute; the sockets every sample. */
const CONTEXT_MS = 60_000;

/**
 * Samples the pool: netstat every time (one process, tallied while it writes), the
 * rest from the last minute's reading. Past the threshold it saves the evidence: the diagnosis
 * and netstat's own rows, at most one snapshot a minute.
 */
export class PoolSampler {
  private context: { at: number; value: Context } | null = null;

  constructor(
    private readonly service: DiagnosisReader,
    private readonly snapshots: SnapshotStore | null,
    private readonly now: () => number = Date.now,
  ) {}

  /** A full diagnosis just read the slow parts: the next samples reuse them. */
  remember(context: Context): void {
    this.context = { at: this.now(), value: context };
  }

  async sample(threshold: number): Promise<PoolSample> {
    const at = this.now();
    const cached = this.context && at - this.context.at < CONTEXT_MS ? this.context.value : null;
    const [sockets, context] = await Promise.all([this.service.tallySockets(), cached ?? this.service.readContext()]);
    if (!cached) this.context = { at, value: context };
    const diagnosis = this.service.compose(sockets.sockets, context);
    const sample = sampleOf(diagnosis, at);
    const over = (['ipv4', 'ipv6'] as const).some(
      (family) => (figuresOf([sample], family)?.share ?? 0) * 100 >= threshold,
    );
    if (!over) return sample;
    if (!this.snapshots)
      return { ...sample, alert: { threshold, snapshot: null, note: 'no data folder to save a snapshot in' } };
    const saved = await this.snapshots.save(new Date(at), () => ({
      threshold,
      sample,
      diagnosis,
      netstatRows: sockets.raw().split(/\r?\n/),
    }));
    return { ...sample, alert: { threshold, ...saved } };
  }
}
