/**
 * How often does Wine's `reg export` fail under parallel load, and what does Wine say then?
 * `npx tsx scripts/probe-reg-export.ts [count] [parallel]`: exports the Tcpip key COUNT times,
 * PARALLEL at once, on a fresh prefix, with Wine's own error channel on, and prints every failure.
 */
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { resolveTarget } from '../electron/services/host/target';
import { runProcess } from '../electron/services/host/process-runner';
import { RegExeBackend } from '../electron/services/registry/reg-exe-backend';
import { createPrefix, destroyPrefix } from '../test/helpers/wine-prefix';

async function main(): Promise<void> {
  const count = Number(process.argv[2] ?? 200);
  const parallel = Number(process.argv[3] ?? 8);
  const prefix = await createPrefix('probe-export');
  const backend = new RegExeBackend(
    resolveTarget({ ...prefix.env, WINEDEBUG: 'err+all,fixme-all' }, 'linux').regCommand,
    runProcess,
  );
  const failures: string[] = [];
  let next = 0;
  const started = Date.now();
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (next < count) {
        const file = path.join(prefix.root, `export-${next++}.reg`);
        await backend.exportKey(file).catch((error: Error) => failures.push(error.message));
        await rm(file, { force: true });
      }
    }),
  );
  console.log(
    `${count} exports, ${parallel} at once, ${((Date.now() - started) / 1000).toFixed(1)} s: ${failures.length} failed`,
  );
  for (const failure of failures) console.log(`  ${failure}`);
  await destroyPrefix(prefix);
}

void main();
