/**
 * Speed and size goals, measured on a fresh Wine prefix (not asserted in tests: shared machines
 * are noisy). Prints each figure next to its goal.
 *   - CLI status / apply / undo: wall time (median) next to a shell script doing the minimal
 *     `wine reg` calls for the same work, and registry processes spawned per command.
 *   - Diagnosis: parsing a 70,000-row netstat, and `diagnose` next to `netstat` alone.
 *   - Renderer: JavaScript size (gzip), and time from navigation to the current values and to
 *     the diagnosis's first figures in Chromium.
 *   - The live pool (scripts/bench-live.ts): one sample next to netstat alone, an update's
 *     render with 30 minutes of history, the ring's size. `npm run bench -- live` runs it alone.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm, writeFile, chmod } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions, startPreview } from '../test/helpers/preview';
import { writeRegFile } from '../test/helpers/reg-checks';
import { diagnosisBench, STAND_IN_ENV } from './bench-diagnosis';
import { dropMachineCertificates, nodeStartFloor } from './bench-floor';
import { renderBench, sampleBench } from './bench-live';
import { createWinePrefix, KEY, type WineRegistry } from '../test/helpers/wine-registry';

const run = promisify(execFile);
const RUNS = 7;
const CLI = path.resolve('dist/cli/tcp-port-tuner.cjs');

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

async function timed(work: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

/** The minimal `wine reg` calls a careful admin would script for the same work. */
function scripts(dir: string): Record<string, string> {
  const restore = path.join(dir, 'restore.reg');
  return {
    status: `wine reg query '${KEY}'`,
    apply: [
      `wine reg export '${KEY}' '${dir}/backup.reg' /y`,
      `wine reg add '${KEY}' /v MaxUserPort /t REG_DWORD /d 65534 /f`,
      `wine reg add '${KEY}' /v TcpTimedWaitDelay /t REG_DWORD /d 30 /f`,
      `wine reg query '${KEY}'`,
    ].join(' && '),
    undo: [
      `wine reg export '${KEY}' '${dir}/before-undo.reg' /y`,
      `wine reg import '${restore}'`,
      `wine reg query '${KEY}'`,
    ].join(' && '),
  };
}

async function registryBench(wine: WineRegistry, dir: string): Promise<string[]> {
  await writeRegFile(path.join(dir, 'restore.reg'), [`[${KEY}]`, '"MaxUserPort"=-', '"TcpTimedWaitDelay"=-']);
  const counter = path.join(dir, 'count-reg.sh');
  const log = path.join(dir, 'calls.log');
  await writeFile(counter, `#!/bin/sh\necho "$1" >> '${log}'\nexec wine reg.exe "$@"\n`);
  await chmod(counter, 0o755);

  const env = { ...wine.env, TCP_PORT_TUNER_DATA_DIR: path.join(dir, 'data') };
  const cli = (...args: string[]) => run(process.execPath, [CLI, ...args], { env });
  const shell = (script: string) => run('bash', ['-c', script], { env: wine.env });
  const commands = {
    status: ['status'],
    // netsh cannot read the exclusions under Wine: the script reserves no ports either.
    apply: ['apply', '--max-user-port', '65534', '--tcp-timed-wait-delay', '30', '--accept-unprotected'],
    undo: ['undo'],
  } as const;

  const processes: Record<string, number> = {};
  for (const [name, args] of Object.entries(commands)) {
    await rm(log, { force: true });
    await run(process.execPath, [CLI, ...args], { env: { ...env, TCP_PORT_TUNER_REG_COMMAND: counter } });
    processes[name] = (await readFile(log, 'utf8')).trim().split('\n').length;
  }

  const times: Record<string, { cli: number[]; script: number[] }> = {};
  for (const name of Object.keys(commands) as (keyof typeof commands)[]) times[name] = { cli: [], script: [] };
  const script = scripts(dir);
  for (let i = 0; i < RUNS; i++) {
    // Each command right beside its script, so that the shared machine's load shifts both alike.
    // The script's apply writes the values the CLI's did: the CLI's undo finds nothing changed since.
    for (const name of ['status', 'apply', 'undo'] as const) {
      times[name].cli.push(await timed(() => cli(...commands[name])));
      times[name].script.push(await timed(() => shell(script[name])));
    }
    await wine.reset();
  }

  const goals: Record<string, { processes: number; ratio?: number }> = {
    status: { processes: 1, ratio: 1.5 },
    apply: { processes: 5, ratio: 1.3 },
    undo: { processes: 5, ratio: 1.5 },
  };
  return Object.entries(times).map(([name, { cli: c, script: s }]) => {
    const ratio = median(c) / median(s);
    const goal = goals[name];
    const ratioGoal = goal.ratio ? ` (goal ≤ ${goal.ratio}×: ${ratio <= goal.ratio ? 'met' : 'MISSED'})` : '';
    const processGoal = `goal <= ${goal.processes}: ${processes[name] <= goal.processes ? 'met' : 'MISSED'}`;
    return `| ${name} | ${seconds(median(c))} | ${seconds(median(s))} | ${ratio.toFixed(2)}×${ratioGoal} | ${processes[name]} (${processGoal}) |`;
  });
}

async function rendererBench(wine: WineRegistry, dir: string): Promise<string[]> {
  const js = await readdir('dist/renderer').then((files) => files.filter((file) => file.endsWith('.js')));
  let gzip = 0;
  for (const file of js) gzip += gzipSync(await readFile(path.join('dist/renderer', file))).length;

  const preview = await startPreview({
    ...wine.env,
    ...STAND_IN_ENV,
    TCP_PORT_TUNER_DATA_DIR: path.join(dir, 'preview-data'),
  });
  const browser = await chromium.launch(chromiumLaunchOptions);
  const shown: number[] = [];
  const diagnosed: number[] = [];
  try {
    for (let i = 0; i < RUNS; i++) {
      const page = await browser.newPage();
      const start = performance.now();
      await page.goto(preview.url);
      // The Check step shows what is in force for each absent value once status arrives...
      await page.getByText('Not set: the dynamic port range decides', { exact: true }).waitFor();
      shown.push(performance.now() - start);
      // ...and the port pool's first figure once the diagnosis arrives.
      await page.getByText(/^Dynamic port range, IPv4: \d/).waitFor();
      diagnosed.push(performance.now() - start);
      await page.close();
    }
  } finally {
    await browser.close();
    await preview.stop();
  }
  const kb = gzip / 1024;
  const t = median(shown);
  const d = median(diagnosed);
  return [
    `| renderer JavaScript (gzip) | ${kb.toFixed(1)} KB | goal <= 200 KB: ${kb <= 200 ? 'met' : 'MISSED'} |`,
    `| navigation to current values shown | ${seconds(t)} | goal <= 1.0 s: ${t <= 1000 ? 'met' : 'MISSED'} |`,
    `| navigation to the diagnosis's first figures | ${seconds(d)} | goal ≤ 1.2 s: ${d <= 1200 ? 'met' : 'MISSED'} |`,
  ];
}

const REGISTRY_HEAD =
  '| command | CLI | minimal wine reg script | CLI / script | registry processes |\n|---|---|---|---|---|\n';
const RENDERER_HEAD = '| renderer | figure | goal |\n|---|---|---|\n';

async function main(): Promise<void> {
  const certificates = dropMachineCertificates();
  const dir = await mkdtemp(path.join(tmpdir(), 'tuner-bench-'));
  const wine = await createWinePrefix();
  try {
    const env = { ...wine.env, TCP_PORT_TUNER_DATA_DIR: path.join(dir, 'data') };
    // One part alone (`registry`, `renderer`), as `live` below: a loaded machine runs one at a time.
    if (process.argv.includes('registry'))
      return void console.log(REGISTRY_HEAD + (await registryBench(wine, dir)).join('\n'));
    if (process.argv.includes('renderer'))
      return void console.log(RENDERER_HEAD + (await rendererBench(wine, dir)).join('\n'));
    const browser = await chromium.launch(chromiumLaunchOptions);
    const live = [
      ...(await sampleBench(env, dir, { runs: RUNS, median, timed })),
      ...(await renderBench(browser, env, dir, median).finally(() => browser.close())),
    ];
    if (process.argv.includes('live'))
      return void console.log(`| live pool | figure | goal |\n|---|---|---|\n${live.join('\n')}`);
    const registry = await registryBench(wine, dir);
    const diagnosis = await diagnosisBench(wine, env, { runs: RUNS, cli: CLI, median, timed });
    const renderer = await rendererBench(wine, dir);
    const floor = await nodeStartFloor(certificates, { runs: RUNS, median, timed });
    console.log(`Median of ${RUNS} runs on a fresh Wine prefix (${new Date().toISOString().slice(0, 10)})\n`);
    console.log(`| start-up | figure | goal |\n|---|---|---|\n${floor.join('\n')}\n`);
    console.log(REGISTRY_HEAD + registry.join('\n'));
    console.log('\n| diagnosis | figure | goal |\n|---|---|---|');
    console.log(diagnosis.join('\n'));
    console.log(`\n${RENDERER_HEAD}${renderer.join('\n')}`);
    console.log('\n| live pool | figure | goal |\n|---|---|---|');
    console.log(live.join('\n'));
  } finally {
    await wine.dispose();
    await rm(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
