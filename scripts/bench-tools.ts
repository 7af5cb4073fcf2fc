/** What bench.ts hands each part: how many runs, and its one way to time a run and take the median. */
export type BenchTools = {
  runs: number;
  median(values: number[]): number;
  timed(work: () => Promise<unknown>): Promise<number>;
};
