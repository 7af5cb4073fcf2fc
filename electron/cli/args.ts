import { parseArgs } from 'node:util';
import type { BackendChoice } from '../services/create-tuner';
import { TunerError } from '../services/errors';

export type Command = 'status' | 'backup' | 'apply' | 'undo' | 'history';
const COMMANDS: readonly Command[] = ['status', 'backup', 'apply', 'undo', 'history'];

export interface CliArgs {
  command: Command | 'help';
  json: boolean;
  backend: BackendChoice;
  dir?: string;
  maxUserPort?: string;
  tcpTimedWaitDelay?: string;
  force: boolean;
}

/** Which options each command takes; any other is a mistake worth saying so. */
const ALLOWED: Record<Command, readonly string[]> = {
  status: [],
  history: [],
  backup: ['dir'],
  apply: ['max-user-port', 'tcp-timed-wait-delay'],
  undo: ['force'],
};

export const USAGE = `Usage: tcp-port-tuner <command> [options]

Commands:
  status                 Show MaxUserPort, TcpTimedWaitDelay, Windows version and change history
  backup [--dir DIR]     Export the Tcpip Parameters key to a verified .reg file
  apply --max-user-port N --tcp-timed-wait-delay N
                         Back up, then set both values (5000-65534 and 30-300)
  undo [--force]         Put back the values from before this tool's first change
  history                List the changes this tool made

Options:
  --json                 Print one JSON object on stdout
  --backend reg|regedit  Force a registry backend (default: regedit, falling back to reg.exe)

Exit codes: 0 done, 2 invalid input, 3 not permitted, 4 registry operation failed
(prior state restored), 5 undo refused (values changed since), 6 restoring the prior state
failed too (see the message for the backup to import), 1 anything else.`;

export function parseCli(argv: readonly string[]): CliArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        json: { type: 'boolean', default: false },
        backend: { type: 'string' },
        dir: { type: 'string' },
        'max-user-port': { type: 'string' },
        'tcp-timed-wait-delay': { type: 'string' },
        force: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    throw new TunerError('invalid-input', `${(error as Error).message.split('\n')[0]} See --help.`);
  }
  const { values, positionals } = parsed;
  const json = values.json ?? false;
  if (values.help || positionals.length === 0) return { command: 'help', json, backend: 'auto', force: false };

  const [command, ...extra] = positionals;
  if (!COMMANDS.includes(command as Command)) {
    throw new TunerError('invalid-input', `Unknown command "${command}". Commands: ${COMMANDS.join(', ')}.`);
  }
  if (extra.length > 0) throw new TunerError('invalid-input', `Unexpected argument "${extra[0]}". See --help.`);
  const given = ['dir', 'max-user-port', 'tcp-timed-wait-delay', 'force'].filter(
    (name) => values[name as keyof typeof values] !== undefined && values[name as keyof typeof values] !== false,
  );
  const stray = given.find((name) => !ALLOWED[command as Command].includes(name));
  if (stray) throw new TunerError('invalid-input', `"${command}" does not take --${stray}. See --help.`);

  if (values.backend !== undefined && values.backend !== 'reg' && values.backend !== 'regedit') {
    throw new TunerError('invalid-input', `--backend must be reg or regedit, not "${values.backend}".`);
  }
  if (command === 'apply') {
    const missing = ['max-user-port', 'tcp-timed-wait-delay'].filter((name) => !given.includes(name));
    if (missing.length > 0) {
      throw new TunerError('invalid-input', `apply needs ${missing.map((name) => `--${name} N`).join(' and ')}. Nothing was changed.`);
    }
  }
  return {
    command: command as Command,
    json,
    backend: values.backend ?? 'auto',
    dir: values.dir,
    maxUserPort: values['max-user-port'],
    tcpTimedWaitDelay: values['tcp-timed-wait-delay'],
    force: values.force ?? false,
  };
}
