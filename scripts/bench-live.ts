/**
 * The live pool's goals, side by side in one run:
 *   - one sample costs at most 1.2x netstat alone (`-anoq`, as the sample asks), at 500 and at
 *     70,000 sockets (the netstat stand-in prints a capture of that size; the range and events
 *     are the sampler's minute-old reading, as between two samples on the page), and the CPU a
 *     sample adds beyond netstat, read while netstat writes and, beside it, read whole;
 *   - an update renders in under 16 ms with 70,000 sockets and 30 minutes of history (600
 *     samples, 3 s apart), in Chromium;
 *   - memory stays bounded: the page's ring of 600 samples, never the rows, in kilobytes.
 */
import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Browser } from '@playwright/test';
import { createServices } from '../electron/services/create-services';
import type { PoolSampler } from '../electron/services/diagnosis/sampling';
import { processRunner } from '../electron/services/host/process-runner';
import { startPreview } from '../test/helpers/preview';
import { bigNetstat, STAND_IN_ENV } from './bench-diagnosis';
import type { BenchTools as Tools } from './bench-tools';

const run = promisify(execFile);
const NETSTAT = path.resolve('test/stand-ins/netstat');
const SIZES = [500, 70_000];
type Sampler = Pick<PoolSampler, 'sample'>;

async function captureOf(dir: string, rows: number): Promise<NodeJS.ProcessEnv> {
  const capture = path.join(dir, `netstat-${rows}.txt`);
  await writeFile(capture, bigNetstat(rows));
  return { TCP_PORT_TUNER_NETSTAT_COMMAND: NETSTAT, TCP_PORT_TUNER_STANDIN_NETSTAT: capture };
}

/** One sample's wall time and this process's own CPU in it: what a sample adds beyond netstat, its child. */
async function sampled(sampler: Sampler, timed: Tools['timed']): Promise<{ wall: number; cpu: number }> {
  const before = process.cpuUsage();
  const wall = await timed(() => sampler.sample(80));
  const used = process.cpuUsage(before);
  return { wall, cpu: (used.user + used.system) / 1000 };
}

export async function sampleBench(
  env: NodeJS.ProcessEnv,
  dir: string,
  { runs, median, timed }: Tools,
): Promise<string[]> {
  const lines: string[] = [];
  for (const rows of SIZES) {
    const withCapture = { ...env, ...STAND_IN_ENV, ...(await captureOf(dir, rows)) };
    const streamed = await createServices({ env: withCapture });
    // The same sample with netstat's output read whole, then parsed (a runner given makes the sample read through it).
    const whole = await createServices({ env: withCapture, run: processRunner((bytes) => bytes.toString('latin1')) });
    await Promise.all([streamed.diagnosis.diagnose(), whole.diagnosis.diagnose()]);
    const alone: number[] = [];
    const live: { wall: number; cpu: number }[] = [];
    const read: { wall: number; cpu: number }[] = [];
    for (let i = 0; i < runs; i++) {
      alone.push(await timed(() => run(NETSTAT, ['-anoq'], { env: withCapture, maxBuffer: 64 * 1024 * 1024 })));
      live.push(await sampled(streamed.sampler, timed));
      read.push(await sampled(whole.sampler, timed));
    }
    const of = (results: typeof live, key: 'wall' | 'cpu') => median(results.map((result) => result[key]));
    const ratio = of(live, 'wall') / median(alone);
    const count = rows.toLocaleString('en-US');
    lines.push(
      `| one live sample at ${count} sockets / netstat alone | ${of(live, 'wall').toFixed(0)} ms / ${median(alone).toFixed(0)} ms = ${ratio.toFixed(2)}× | ≤ 1.2×: ${ratio <= 1.2 ? 'met' : 'MISSED'} |`,
      `| CPU time a sample adds beyond netstat at ${count} sockets (output read whole, then parsed: ${of(read, 'cpu').toFixed(0)} ms CPU, ${of(read, 'wall').toFixed(0)} ms wall) | ${of(live, 'cpu').toFixed(0)} ms | reported |`,
    );
  }
  return lines;
}

/** In the page: replays one real 70,000-socket sample 600 times, 3 s apart, then times ten more updates. */
async function replay(page: import('@playwright/test').Page): Promise<{ render: number[]; ringKb: number }> {
  // tsx keeps function names with a helper the page does not have.
  await page.evaluate('globalThis.__name = (fn) => fn');
  return page.evaluate(async () => {
    const tuner = window.tuner as unknown as Record<
      string,
      (request: unknown) => Promise<{ ok: boolean; value: { at: number } }>
    >;
    const real = await tuner.sample({ threshold: 80 });
    const diagnosis = await tuner.diagnose({});
    let at = real.value.at - 600 * 3000;
    tuner.sample = async () => ({ ok: true, value: { ...real.value, at: (at += 3000) } });
    tuner.diagnose = async () => diagnosis;
    const button = [...document.querySelectorAll('button')].find((found) => found.textContent === 'Read again')!;
    const stamp = () => document.body.innerText.match(/last read (\S+)/i)?.[1];
    // One update: from the click until React has committed and the chart has drawn (the next task after the DOM changed).
    const update = () =>
      new Promise<number>((resolve) => {
        const before = stamp();
        const start = performance.now();
        const observer = new MutationObserver(() => {
          if (stamp() === before) return;
          observer.disconnect();
          const channel = new MessageChannel();
          channel.port1.onmessage = () => resolve(performance.now() - start);
          channel.port2.postMessage(null);
        });
        observer.observe(document.body, { subtree: true, childList: true, characterData: true });
        button.click();
      });
    for (let i = 0; i < 600; i++) await update();
    const render: number[] = [];
    for (let i = 0; i < 10; i++) render.push(await update());
    return { render, ringKb: (JSON.stringify(real.value).length * 600) / 1024 };
  });
}

export async function renderBench(
  browser: Browser,
  env: NodeJS.ProcessEnv,
  dir: string,
  median: Tools['median'],
): Promise<string[]> {
  const preview = await startPreview({ ...env, ...STAND_IN_ENV, ...(await captureOf(dir, 70_000)) });
  try {
    const page = await browser.newPage();
    await page.goto(preview.url);
    await page.getByText(/^Last read /).waitFor({ timeout: 60_000 });
    await page.getByRole('button', { name: 'Pause' }).click();
    const { render, ringKb } = await replay(page);
    await page.close();
    const ms = median(render);
    return [
      `| an update with 70,000 sockets and 30 min of history (600 samples), Chromium | ${ms.toFixed(1)} ms (median of 10) | goal < 16 ms: ${ms < 16 ? 'met' : 'MISSED'} |`,
      `| the page's ring of 600 samples (no rows kept) | ${ringKb.toFixed(0)} KB | bounded: 600 samples whatever the socket count |`,
    ];
  } finally {
    await preview.stop();
  }
}
