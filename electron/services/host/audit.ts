import { hostname, userInfo } from 'node:os';
import path from 'node:path';
import { version } from '../../../package.json';
import type { Audit } from '../change/records';
import type { ProcessRunner } from './process-runner';
import type { Target } from './target';

/**
 * Who is making a change, for the history. On Windows `whoami` reads the account from the
 * process token, as DOMAIN\name; environment variables such as USERDOMAIN are the user's to
 * set, so they are only the fallback when whoami cannot run. Asked once per process.
 */
export function auditReader(target: Target, run: ProcessRunner): () => Promise<Audit> {
  let known: Promise<Audit> | undefined;
  const read = async (): Promise<Audit> => {
    const machine = hostname();
    if (target.host !== 'windows') return { user: `${machine}\\${userInfo().username}`, machine, version };
    const said = await run(path.win32.join(target.system32 ?? '', 'whoami.exe'), []).catch(() => null);
    const user =
      said?.code === 0 && said.stdout.trim()
        ? said.stdout.trim()
        : `${process.env.USERDOMAIN ?? machine}\\${userInfo().username}`;
    return { user, machine, version };
  };
  return () => (known ??= read());
}
