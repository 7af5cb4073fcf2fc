import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { ChangeRequest } from '../services/change/change-kind';
import type { BackendChoice } from '../services/create-services';
import { TunerError } from '../services/errors';
import { EXPORT_FORMATS, type ExportFormat } from '../services/export/export-change';
import { pathOption } from './path-option';
import { WATCH_OPTIONS, WATCH_USAGE, watchFrom, type WatchOptions } from './watch-options';
import { PROBE_OPTIONS, PROBE_USAGE, probeFrom, type ProbeOptions } from './probe-options';
import {
  ACCEPT_OPTION,
  CHANGE_ASKED,
  CHANGE_OPTIONS,
  CHANGE_USAGE,
  changeFrom,
  isEmptyChange,
  PORTABLE_OPTIONS,
} from './change-options';

type Command = 'status' | 'diagnose' | 'watch' | 'backup' | 'apply' | 'undo' | 'history' | 'export' | 'probe';
const COMMANDS: readonly Command[] = [
  'status',
  'diagnose',
  'watch',
  'backup',
  'apply',
  'undo',
  'history',
  'export',
  'probe',
];

export interface CliArgs {
  command: Command | 'help';
  json: boolean;
  backend: BackendChoice;
  dir?: string;
  /** What `apply` changes, validated; a setting left out is left as it is. */
  change: ChangeRequest;
  force: boolean;
  /** export: the engine's format, whether to export the removal instead, and where to write (stdout when absent). */
  format?: ExportFormat;
  undo: boolean;
  out?: string;
  /** watch: how often, how many, where its Prometheus text goes, when to alert. */
  watch?: WatchOptions;
  probe?: ProbeOptions;
}

const OPTIONS = {
  json: { type: 'boolean' },
  backend: { type: 'string' },
  dir: { type: 'string' },
  format: { type: 'string' },
  out: { type: 'string' },
  undo: { type: 'boolean' },
  force: { type: 'boolean' },
  [ACCEPT_OPTION]: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  ...Object.fromEntries(WATCH_OPTIONS.map((option) => [option, { type: 'string' }])),
  ...Object.fromEntries(CHANGE_OPTIONS.map((option) => [option, { type: 'string' }])),
  ...Object.fromEntries(PROBE_OPTIONS.map((option) => [option, { type: 'string' }])),
} as const satisfies NonNullable<ParseArgsConfig['options']>;
const TAKES_VALUE = new Set(
  Object.entries(OPTIONS).flatMap(([name, option]) => (option.type === 'string' ? [`--${name}`] : [])),
);

/** Which options each command takes; any other is a mistake worth saying so. */
const ALLOWED: Record<Command, readonly string[]> = {
  status: [],
  diagnose: [],
  watch: WATCH_OPTIONS,
  history: [],
  backup: ['dir'],
  apply: [...CHANGE_OPTIONS, ACCEPT_OPTION],
  undo: ['force'],
  export: ['format', 'undo', 'out', 'force', ...PORTABLE_OPTIONS],
  probe: PROBE_OPTIONS,
};

export const USAGE = `Usage: tcp-port-tuner <command> [options]

Commands:
  status                 Show the settings, Windows version and change history
  diagnose               Read what is in force: TIME_WAIT per remote endpoint, the dynamic port
                         range and its exclusions, Tcpip events 4227/4231, capacity
${WATCH_USAGE}
${PROBE_USAGE}
  backup [--dir DIR]     Export the Tcpip Parameters key to a verified .reg file
  apply [settings]       Back up, then set the settings given (at least one)
  undo [--force]         Put every setting back as it was before this tool's first change
  history                List the changes this tool made
  export --format reg|powershell|ansible|gpo [--undo] [settings] [--out FILE] [--force]
                         Write the same change for other servers (stdout without --out)

Settings (apply):
${CHANGE_USAGE}

Options:
  --json                 Print one JSON object on stdout
  --backend reg|regedit  Registry backend (default: reg.exe; regedit falls back to reg.exe)

Exit codes: 0 done, 2 invalid input, 3 not permitted, 4 a registry or netsh step failed
(prior state restored), 5 undo refused (settings changed since), 6 restoring the prior state
failed too (see the message for the backup to import), 7 the backup, the change journal or
another file could not be written (the message names it; nothing changed), 1 anything else. probe: 0 MySQL answered as a working
server does, 8 MySQL refused the connection, 9 no MySQL answered (worst attempt).`;

function invalid(message: string): TunerError {
  return new TunerError('invalid-input', message);
}

/**
 * `--max-user-port -1` is a value, not an option: joined as `--max-user-port=-1` it reaches the
 * validator, which says what is wrong with it.
 */
function joinValues(argv: readonly string[]): string[] {
  const joined: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const next = argv[i + 1];
    if (TAKES_VALUE.has(argv[i]) && next !== undefined) {
      joined.push(`${argv[i]}=${next}`);
      i++;
    } else {
      joined.push(argv[i]);
    }
  }
  return joined;
}

export function parseCli(argv: readonly string[]): CliArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: joinValues(argv),
      allowPositionals: true,
      strict: true,
      tokens: true,
      options: OPTIONS,
    });
  } catch (error) {
    throw invalid(`${(error as Error).message.split('\n')[0]} See --help.`);
  }
  const { values, positionals, tokens } = parsed;
  const json = values.json ?? false;
  if (values.help || positionals.length === 0)
    return { command: 'help', json, backend: 'auto', change: {}, force: false, undo: false };

  const seen = new Set<string>();
  for (const token of tokens) {
    if (token.kind !== 'option') continue;
    if (seen.has(token.name)) throw invalid(`--${token.name} is given more than once. Nothing was changed.`);
    seen.add(token.name);
  }
  const [command, ...extra] = positionals;
  if (!COMMANDS.includes(command as Command))
    throw invalid(`Unknown command "${command}". Commands: ${COMMANDS.join(', ')}.`);
  if (extra.length > (command === 'probe' ? 1 : 0)) throw invalid(`Unexpected argument "${extra.at(-1)}". See --help.`);
  const given = [...seen].filter((name) => name !== 'json' && name !== 'backend');
  const stray = given.find((name) => !ALLOWED[command as Command].includes(name));
  if (stray) throw invalid(`"${command}" does not take --${stray}. See --help.`);

  if (values.backend !== undefined && values.backend !== 'reg' && values.backend !== 'regedit') {
    throw invalid(`--backend must be reg or regedit, not "${values.backend}".`);
  }
  const change = changeFrom(values);
  if (command === 'export' && !EXPORT_FORMATS.includes(values.format as ExportFormat)) {
    throw invalid(
      `export needs --format ${EXPORT_FORMATS.join('|')}${values.format === undefined ? '' : `, not "${values.format}"`}. No file was written.`,
    );
  }
  if (command === 'apply' && isEmptyChange(change)) {
    throw invalid(`apply needs at least one of ${CHANGE_ASKED}. Nothing was changed.`);
  }
  return {
    command: command as Command,
    json,
    backend: values.backend ?? 'auto',
    dir: pathOption('dir', 'folder', values.dir),
    change,
    force: values.force ?? false,
    format: values.format as ExportFormat | undefined,
    undo: values.undo ?? false,
    out: pathOption('out', 'file', values.out),
    ...(command === 'watch' ? { watch: watchFrom(values) } : {}),
    ...(command === 'probe' ? { probe: probeFrom(values, extra[0]) } : {}),
  };
}
