import type { FeaturePlugin } from '../../app-deps.ts';
import { todayInWales } from '../../lib/clock.ts';
import { actionsAssignedTo } from './my-actions-repository.ts';
import { givenFor } from './action-links.ts';
import { actionTexts } from './action-texts.ts';

// The reader's own list: nothing to scope but themselves, so signed in is the whole declaration.
const signedIn = { access: { signedIn: true } } as const;

export const myActionsRoutes: FeaturePlugin<'database' | 'clock'> = async (app, { database, clock }) => {
  app.get('/my/actions', { config: signedIn }, async (request, reply) => {
    const user = request.user!;
    const today = todayInWales(clock.now());
    const actions = await actionsAssignedTo(database.db, user, today);
    const lang = request.lang;
    return reply.page('features/my-actions/views/my-actions.njk', {
      title: request.t('myActions.title'),
      actions: actions.map((a) => ({
        ...a,
        texts: actionTexts(a, lang),
        place: a.place[lang === 'cy' ? 'cy' : 'en'],
        given: givenFor(user, a),
        statusKey: a.kind === 'plan' || a.kind === 'la' ? `reference.actionStatus.${a.status}` : 'myActions.open',
      })),
    });
  });
};
