import type { Db } from '../db/client.ts';
import { collaborativesOf } from '../features/brokering/brokering-repository.ts';
import { actionsAskingWithoutRequest } from '../features/development-plan/action-support-repository.ts';
import { syncActionSupport } from '../features/development-plan/action-support-service.ts';

/**
 * Every demo action asking for support becomes a request through the plan's own rule (issue 15),
 * as if its leader had saved it: the LA's brokering queue and the collaboratives' list them, and the
 * actions show their status. An action asking its collaborative goes to `preferred` when the school
 * is in it (the demo school's cluster), otherwise to its first collaborative by name.
 */
export async function raiseDemoActionSupport(db: Db, now: Date, preferred: string): Promise<void> {
  for (const action of await actionsAskingWithoutRequest(db)) {
    const collaboratives = await collaborativesOf(db, action.schoolNumber);
    const chosen = collaboratives.find((c) => c.id === preferred) ?? collaboratives[0];
    const broker =
      action.supportFrom === 'collaborative' && chosen ? { collaborativeId: chosen.id } : { collaborativeId: null };
    await syncActionSupport(db, action.ownerUserId, action, broker, now);
  }
}
