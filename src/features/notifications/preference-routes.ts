// /account/notifications: how the person hears about each kind (at once, daily, weekly, only here).
import { Type } from '@sinclair/typebox';
import type { FeaturePlugin } from '../../app-deps.ts';
import { presentErrors } from '../../lib/forms.ts';
import { EVENT_KIND_NAMES } from '../../notifications/event-kinds.ts';
import { kindsFor } from '../../notifications/audience-rules.ts';
import type { CurrentUser } from '../../policy/roles.ts';
import { preferencesOf } from './inbox-repository.ts';
import { presentPreferences } from './inbox-presenter.ts';
import { saveNotificationPreferences } from './inbox-service.ts';

const signedIn = { access: { signedIn: true } } as const;
const VIEW = 'features/notifications/views/preferences.njk';
// One field per kind; a value outside the four cadences is the service's field error, not a bare 400.
const PreferencesBody = Type.Object({
  _csrf: Type.Optional(Type.String({ maxLength: 200 })),
  ...Object.fromEntries(EVENT_KIND_NAMES.map((kind) => [kind, Type.Optional(Type.String({ maxLength: 20 }))])),
});
const SavedQuery = Type.Object({ saved: Type.Optional(Type.String({ maxLength: 10 })) });

/** The kinds this person's roles can be told of: the only ones their page asks about. */
const offeredTo = (user: CurrentUser) => kindsFor(user.assignments.map((a) => a.role));
export const preferenceRoutes: FeaturePlugin<'database' | 'clock'> = async (app, { database, clock }) => {
  const db = database.db;

  app.get(
    '/account/notifications',
    { config: signedIn, schema: { querystring: SavedQuery } },
    async (request, reply) => {
      const saved = await preferencesOf(db, request.user!.id);
      return reply.page(VIEW, {
        title: request.t('notifications.preferences.title'),
        activeNav: 'account',
        groups: presentPreferences(saved, request.t, null, {}, offeredTo(request.user!)),
        saved: request.query.saved === 'yes' || request.query.saved === 'no' ? request.query.saved : null,
      });
    },
  );

  app.post(
    '/account/notifications',
    { config: signedIn, schema: { body: PreferencesBody } },
    async (request, reply) => {
      const userId = request.user!.id;
      const body = request.body as Record<string, unknown>;
      const result = await saveNotificationPreferences(db, userId, body, offeredTo(request.user!), clock.now());
      if (result.ok) return reply.redirect(`/account/notifications?saved=${result.changed > 0 ? 'yes' : 'no'}`, 303);
      const saved = await preferencesOf(db, userId);
      return reply.status(400).page(VIEW, {
        title: request.t('notifications.preferences.title'),
        activeNav: 'account',
        groups: presentPreferences(saved, request.t, body, result.errors, offeredTo(request.user!)),
        ...presentErrors(result.errors, request.t),
      });
    },
  );
};
