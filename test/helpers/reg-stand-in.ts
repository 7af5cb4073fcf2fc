/** A reg.exe that fails, crashes or dawdles where a test says, passing every other call to Wine's. */
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { freshPath } from './temp-folder';

export type RegVerb = 'query' | 'add' | 'delete' | 'export' | 'import';

/**
 * Which call of its verb a crash stops at: the nth, or, to name a step by what comes before it
 * rather than by a count that changes whenever the product reads once more, the first call begun
 * once every call of `after` begun so far is done (the read-back: the first query after the writes).
 */
export type CrashPoint = { nth: number } | { after: RegVerb };

/** What a stand-in for reg.exe does differently from Wine's real one. */
export type StandInFault =
  /** add, delete and import fail as on Windows without elevation. */
  | { kind: 'deny-writes' }
  /** The nth call of this verb fails with a reg.exe error; every other call works. */
  | { kind: 'fail'; verb: RegVerb; nth: number }
  /** A call of this verb kills the product's process, as a crash would, once the calls before it are done. */
  | ({ kind: 'crash'; verb: RegVerb } & CrashPoint)
  /** Every call takes this many seconds longer, so that two changes surely overlap. */
  | { kind: 'slow'; seconds: number };

function faultScript(fault: StandInFault): string[] {
  switch (fault.kind) {
    case 'deny-writes':
      return ['case "$1" in add|delete|import) echo "ERROR: Access is denied." >&2; exit 1;; esac'];
    case 'fail':
      return [
        `if [ "$1" = ${fault.verb} ] && [ "$n" -eq ${fault.nth} ]; then echo "ERROR: The system was unable to write the value." >&2; exit 1; fi`,
      ];
    case 'slow':
      return [`sleep ${fault.seconds}`];
    case 'crash': {
      // The mkdir makes "the first call once ..." one call, even when several start at once.
      const chosen =
        'nth' in fault ? `[ "$n" -eq ${fault.nth} ]` : `all_done ${fault.after} && mkdir "$calls/crash" 2>/dev/null`;
      return [
        `if [ "$1" = ${fault.verb} ] && ${chosen}; then`,
        '  i=1',
        '  while [ "$i" -lt "$n" ]; do',
        '    while [ ! -e "$calls/$1.$i/done" ]; do sleep 0.05; done',
        '    i=$((i + 1))',
        '  done',
        '  kill -9 "$PPID"',
        '  exit 1',
        'fi',
      ];
    }
  }
}

/**
 * Writes an executable for TCP_PORT_TUNER_REG_COMMAND that passes every call on to Wine's
 * reg.exe except the one the fault names. The product runs some calls at once, so each call
 * takes its number per verb with an atomic mkdir, and marks when it is done.
 */
export async function writeRegStandIn(root: string, fault: StandInFault): Promise<string> {
  const calls = freshPath(root, 'stand-in');
  await mkdir(calls);
  const script = path.join(calls, 'reg');
  await writeFile(
    script,
    [
      '#!/bin/sh',
      `calls='${calls}'`,
      // Succeeds when at least one call of the verb was made and every one of them is done.
      'all_done() { for d in "$calls/$1".*; do [ -e "$d/done" ] || return 1; done; }',
      'n=1',
      'while ! mkdir "$calls/$1.$n" 2>/dev/null; do n=$((n + 1)); done',
      ...faultScript(fault),
      'wine reg.exe "$@"',
      'code=$?',
      ': > "$calls/$1.$n/done"',
      'exit "$code"',
      '',
    ].join('\n'),
  );
  await chmod(script, 0o755);
  return script;
}
