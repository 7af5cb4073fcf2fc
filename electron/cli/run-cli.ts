import type { ErrorKind } from '../../shared/failure';
import type { Services } from '../services/create-services';
import { toFailure } from '../services/errors';
import { parseCli, USAGE, type CliArgs } from './args';
import { formatApply, formatBackup, formatHistory, formatStatus, formatUndo } from './text-output';

const EXIT_CODES: Record<ErrorKind, number> = {
  'invalid-input': 2,
  'not-permitted': 3,
  'registry-failed': 4,
  'netsh-failed': 4,
  'restore-failed': 6,
  'backup-failed': 7,
  'write-failed': 7,
  'journal-failed': 7,
  'undo-refused': 5,
  busy: 1,
  'tool-missing': 1,
  'journal-unreadable': 1,
  'not-supported': 1,
  unexpected: 1,
};

async function execute(
  args: CliArgs,
  { tuner: service, diagnosis }: Services,
): Promise<{ json: unknown; text: string }> {
  switch (args.command) {
    case 'diagnose': {
      const { formatDiagnosis, ownPorts } = await import('./diagnosis-output');
      const [found, own] = await Promise.all([diagnosis.diagnose(), ownPorts(service)]);
      return { json: found, text: formatDiagnosis(found, own) };
    }
    case 'status': {
      const status = await service.status();
      return { json: status, text: formatStatus(status) };
    }
    case 'backup': {
      if (args.dir) service.useBackupFolder(args.dir);
      const backup = await service.backup();
      return { json: backup, text: formatBackup(backup) };
    }
    case 'apply': {
      const result = await service.apply(args.change);
      return { json: result, text: formatApply(result) };
    }
    case 'undo': {
      const result = await service.undo({ force: args.force });
      return { json: result, text: formatUndo(result) };
    }
    default: {
      const history = await service.history();
      return { json: { history }, text: formatHistory(history) };
    }
  }
}

/**
 * Only a change command settles a change a crash left half-done, and says how that ended; every
 * other command reads and never writes (status reports the unfinished change instead).
 */
async function settleBeforeChange(args: CliArgs, { tuner }: Services): Promise<void> {
  if (args.command !== 'apply' && args.command !== 'undo') return;
  const settled = await tuner.settleInterrupted();
  if (settled?.note) process.stderr.write(`tcp-port-tuner: ${settled.note}\n`);
}

/**
 * Runs one command line; the exit code is returned, never set, so the packaged app can use it
 * too. `vbsFolder`: where the packaged app keeps the regedit package's scripts, outside app.asar.
 */
export async function runCli(argv: readonly string[], { vbsFolder }: { vbsFolder?: string } = {}): Promise<number> {
  let json = argv.includes('--json');
  try {
    const args = parseCli(argv);
    json = args.json;
    if (args.command === 'help') {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    }
    // Each command loads only what it needs: a CLI run is mostly start-up.
    if (args.command === 'export' && args.format) {
      const { runExport } = await import('./export-command');
      const output = await runExport({ ...args, format: args.format });
      if (json) process.stdout.write(`${JSON.stringify(output.json)}\n`);
      else process.stdout.write(typeof output.text === 'string' ? `${output.text}\n` : output.text);
      return 0;
    }
    // Before the services: the probe changes nothing, needs no rights and settles no pending change.
    if (args.command === 'probe' && args.probe)
      return await (
        await import('./probe-command')
      ).runProbe(args.probe, json, (line) => process.stdout.write(`${line}\n`));
    const { createServices } = await import('../services/create-services');
    const services = await createServices({ backend: args.backend, vbsFolder });
    await settleBeforeChange(args, services);
    if (args.command === 'watch' && args.watch) {
      const stop = new AbortController();
      process.once('SIGINT', () => stop.abort());
      const { runWatch } = await import('./watch');
      await runWatch(
        { ...args.watch, json },
        services.sampler,
        (line) => process.stdout.write(`${line}\n`),
        stop.signal,
      );
      return 0;
    }
    const output = await execute(args, services);
    process.stdout.write(`${json ? JSON.stringify(output.json) : output.text}\n`);
    return 0;
  } catch (error) {
    const failure = toFailure(error);
    if (json) process.stdout.write(`${JSON.stringify({ error: failure })}\n`);
    process.stderr.write(`tcp-port-tuner: ${failure.message.replace(/\s+/g, ' ')}\n`);
    // One command a line: cmd.exe does not take two joined with " ; ".
    for (const line of failure.repairs ?? []) process.stderr.write(`  ${line}\n`);
    return EXIT_CODES[failure.kind];
  }
}
