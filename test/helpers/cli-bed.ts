/**
 * The set-up every CLI suite on Wine shares: one prefix per file, the values reset and a fresh
 * data folder per test, the CLI run on them, and the checks of a refusal.
 */
import assert from 'node:assert/strict';
import { beforeEach } from 'node:test';
import { cliMessages, productEnv, runCli } from './cli-run';
import type { Run } from './processes';
import { freshPath } from './temp-folder';
import type { WinePrefix } from './wine-prefix';
import { withPrefix } from './with-prefix';
import { exportedValue, regExport, resetValues } from './reg-checks';
import { writeRegStandIn, type StandInFault } from './reg-stand-in';

export interface CliBed {
  readonly prefix: WinePrefix;
  readonly dataDir: string;
  cli(args: readonly string[], extra?: NodeJS.ProcessEnv): Promise<Run>;
  /** The CLI with a reg.exe stand-in that fails as `fault` says. */
  withStandIn(args: readonly string[], fault: StandInFault): Promise<Run>;
  /** Runs a command that must fail with `code`, say `said` on one line, and leave the whole key untouched. */
  assertRefused(run: () => Promise<Run>, code: number, said: RegExp): Promise<void>;
}

/** Registers the suite's hooks; `ran` sees every CLI result (the exit-code suite counts them). */
export function cliBed(label: string, ran: (result: Run) => void = () => undefined): CliBed {
  const prefix = withPrefix(label);
  let dataDir: string;
  beforeEach(async () => {
    await resetValues(prefix);
    dataDir = freshPath(prefix.root, 'data');
  });
  const cli = async (args: readonly string[], extra: NodeJS.ProcessEnv = {}) => {
    const result = await runCli(args, productEnv(prefix, dataDir, extra));
    ran(result);
    return result;
  };
  return {
    prefix,
    get dataDir() {
      return dataDir;
    },
    cli,
    withStandIn: async (args, fault) =>
      cli(args, { TCP_PORT_TUNER_REG_COMMAND: await writeRegStandIn(prefix.root, fault) }),
    async assertRefused(run, code, said) {
      const before = await regExport(prefix);
      const result = await run();
      assert.equal(result.code, code, `exit code; stderr:\n${result.stderr}`);
      assert.match(onlyMessage(result), said);
      assert.equal(await regExport(prefix), before, 'the key is unchanged');
    },
  };
}

/** Exactly one line of the CLI's own on stderr, plain words and no stack trace. */
export function onlyMessage(result: Run): string {
  const lines = cliMessages(result.stderr);
  assert.equal(lines.length, 1, `one tcp-port-tuner: line on stderr, got:\n${result.stderr}`);
  assert.doesNotMatch(result.stderr, /^\s+at /m, 'no stack trace');
  return lines[0];
}

/** The two settings' lines of a full export: what must come back bit for bit. */
export async function exportedSettings(prefix: WinePrefix): Promise<[string | undefined, string | undefined]> {
  const exported = await regExport(prefix);
  return [exportedValue(exported, 'MaxUserPort'), exportedValue(exported, 'TcpTimedWaitDelay')];
}
