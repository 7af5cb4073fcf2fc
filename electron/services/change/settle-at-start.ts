import { toFailure } from '../errors';
import type { TunerService } from '../tuner';

/**
 * What every entry point (app, preview, CLI) does first: settle a change a crash left
 * half-done, and say how that ended. When settling fails (most often: not elevated, or another
 * change under way), the failure is said too, and the caller goes on where `canGoOnAfter` says it may:
 * the next change settles first and reports the same failure through its own result.
 */
export async function settleAtStart(
  service: TunerService,
  say: (line: string) => void,
  canGoOnAfter: (error: unknown) => boolean = () => true,
): Promise<void> {
  try {
    const settled = await service.settleInterrupted();
    if (settled?.note) say(settled.note);
  } catch (error) {
    if (!canGoOnAfter(error)) throw error;
    say(toFailure(error).message);
  }
}
