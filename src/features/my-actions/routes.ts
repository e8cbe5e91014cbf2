import type { FeaturePlugin } from '../../app-deps.ts';
import { todayInWales } from '../../lib/clock.ts';
import { collaborativeCan } from '../../policy/collaborative-policy.ts';
import { concernCaseCan } from '../../policy/concern-case-policy.ts';
import { laCan } from '../../policy/la-policy.ts';
import type { CurrentUser } from '../../policy/roles.ts';
import { schoolCan } from '../../policy/school-policy.ts';
import { actionsAssignedTo, type AssignedAction } from './my-actions-repository.ts';

// The reader's own list: nothing to scope but themselves, so signed in is the whole declaration.
const signedIn = { access: { signedIn: true } } as const;

/** The `can` of the record each action's link names, decided by that record's own policy (canOpen's `given`). */
function givenFor(user: CurrentUser, a: AssignedAction): Record<string, object> {
  const s = a.scope;
  if (s.kind === 'plan') return { school: schoolCan(user, s.school) };
  if (s.kind === 'meeting') return { collaborative: collaborativeCan(user, s.collaborative) };
  if (s.kind === 'la') return { la: laCan(user, s.laCode) };
  return { concernCase: concernCaseCan(user, s) };
}

export const myActionsRoutes: FeaturePlugin<'database' | 'clock'> = async (app, { database, clock }) => {
  app.get('/my/actions', { config: signedIn }, async (request, reply) => {
    const user = request.user!;
    const today = todayInWales(clock.now());
    const actions = await actionsAssignedTo(database.db, user.id, today);
    const lang = request.lang;
    return reply.page('features/my-actions/views/my-actions.njk', {
      title: request.t('myActions.title'),
      actions: actions.map((a) => ({
        ...a,
        place: a.place[lang === 'cy' ? 'cy' : 'en'],
        given: givenFor(user, a),
        statusKey: a.kind === 'plan' || a.kind === 'la' ? `reference.actionStatus.${a.status}` : 'myActions.open',
      })),
    });
  });
};
