import path from 'node:path';
import type { Target } from './target';

export type WindowsTool = 'netstat' | 'netsh' | 'wevtutil' | 'tasklist';

interface ToolCommand {
  file: string;
  leadingArgs: readonly string[];
  env: NodeJS.ProcessEnv;
}

/** How to run one of Windows' own tools here, or why it cannot be run. */
export type ToolAccess =
  { ok: true; tool: WindowsTool; command: ToolCommand } | { ok: false; tool: WindowsTool; reason: string };

/** Stand-ins for the tools Wine lacks, for tests: honoured off Windows only, like TCP_PORT_TUNER_REG_COMMAND. */
const STAND_INS: Record<WindowsTool, string> = {
  netstat: 'TCP_PORT_TUNER_NETSTAT_COMMAND',
  netsh: 'TCP_PORT_TUNER_NETSH_COMMAND',
  wevtutil: 'TCP_PORT_TUNER_WEVTUTIL_COMMAND',
  tasklist: 'TCP_PORT_TUNER_TASKLIST_COMMAND',
};

/**
 * On Windows, the tool from System32 by its full path (never PATH or the working folder: this
 * process is elevated). Under Wine, its netstat.exe (which lists the host's real sockets), or a
 * stand-in; Wine has no netsh port-range commands, no event log, and its netstat names no process.
 */
export function windowsTool(target: Target, tool: WindowsTool): ToolAccess {
  if (target.host === 'windows') {
    return {
      ok: true,
      tool,
      command: {
        file: path.win32.join(target.system32 ?? '', `${tool}.exe`),
        leadingArgs: [],
        env: target.regCommand.env,
      },
    };
  }
  const env = target.regCommand.env;
  const standIn = env[STAND_INS[tool]];
  if (standIn) return { ok: true, tool, command: { file: standIn, leadingArgs: [], env } };
  if (tool === 'netstat') return { ok: true, tool, command: { file: 'wine', leadingArgs: ['netstat.exe'], env } };
  return { ok: false, tool, reason: 'not available under Wine' };
}
