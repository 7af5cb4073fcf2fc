import type { ChangeService } from '../change-service';

/**
 * What the wizard's entry points (app, preview) do first: settle a change a crash left
 * half-done, say how that ended on stderr, and keep it for the notice on the wizard's first
 * page (ChangeService.settleForWizard). The CLI never does this: only its change commands settle.
 */
export async function settleAtStart(service: ChangeService, say: (line: string) => void): Promise<void> {
  const settled = await service.settleForWizard();
  if (settled?.message) say(settled.message);
}
