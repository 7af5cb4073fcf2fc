import path from 'node:path';
import type { RestartResult } from '../../../shared/contract';
import { TunerError } from '../errors';
import type { Target } from './target';
import { andSaid, type ProcessRunner } from './process-runner';

/** Long enough to read the notice and cancel; short enough that "now" means now. */
const RESTART_DELAY_SECONDS = 60;

/** Planned (p), Operating System (4), Reconfiguration (1): the System log then records why the server went down, not "unexpected". */
const RESTART_REASON = 'p:4:1';

/**
 * Restarts Windows through shutdown.exe so the new values take effect. Anywhere but Windows it
 * only answers what it would do: the preview and the tests never restart a machine.
 */
export class RestartService {
  constructor(
    private readonly target: Target,
    private readonly run: ProcessRunner,
  ) {}

  async restart(when: 'now' | 'later'): Promise<RestartResult> {
    if (when === 'later') {
      return {
        when,
        performed: false,
        message: 'Restart Windows when it suits you: the new values take effect after the restart.',
      };
    }
    if (this.target.host !== 'windows') {
      return {
        when,
        performed: false,
        message: 'Restart requested. This is Wine, not Windows, so nothing was restarted.',
      };
    }
    await this.shutdown([
      '/r',
      '/t',
      String(RESTART_DELAY_SECONDS),
      '/d',
      RESTART_REASON,
      '/c',
      'TCP Port Tuner: restarting so the new TCP settings take effect.',
    ]);
    return {
      when,
      performed: true,
      message: `Windows restarts in ${RESTART_DELAY_SECONDS} seconds. To stop it, run: shutdown /a`,
    };
  }

  async cancel(): Promise<RestartResult> {
    if (this.target.host !== 'windows') {
      return { when: 'cancelled', performed: false, message: 'No restart was scheduled on this machine.' };
    }
    await this.shutdown(['/a']);
    return { when: 'cancelled', performed: true, message: 'The scheduled restart was cancelled.' };
  }

  private async shutdown(args: string[]): Promise<void> {
    const result = await this.run(path.win32.join(this.target.system32 ?? '', 'shutdown.exe'), args);
    if (result.code !== 0) {
      throw new TunerError('unexpected', `shutdown.exe exited with ${result.code}${andSaid(result)}.`);
    }
  }
}
