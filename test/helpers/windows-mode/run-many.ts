// Run by Windows' Node.js inside the bed: one program run many times at once through the
// product's process runner (as `diagnose` runs its tools), printing how the runs ended, as
// JSON counts by "exit CODE: the REG_DWORD data read". Bundled by runner-pipes.test.ts.
import { runProcess } from '../../../electron/services/host/process-runner';
import { messageOf } from '../../../electron/services/errors';

async function main(): Promise<void> {
  const [runs, atOnce, file, ...args] = process.argv.slice(2);
  const ended: Record<string, number> = {};
  let left = Number(runs);
  const worker = async (): Promise<void> => {
    while (left > 0) {
      left -= 1;
      const how = await runProcess(file, args).then(
        (result) => `exit ${result.code}: ${/REG_DWORD\s+(\S+)/.exec(result.stdout)?.[1] ?? 'no value'}`,
        (error: unknown) => `refused: ${messageOf(error)}`,
      );
      ended[how] = (ended[how] ?? 0) + 1;
    }
  };
  await Promise.all(Array.from({ length: Number(atOnce) }, worker));
  process.stdout.write(JSON.stringify(ended));
}

void main();
