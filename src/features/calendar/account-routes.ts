import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FeaturePlugin } from '../../app-deps.ts';
import { findFeedOf } from './feed-repository.ts';
import { issueFeed, turnOffFeed } from './feed-service.ts';

const signedIn = { access: { signedIn: true } } as const;
const view = 'features/calendar/views/account-calendar.njk';

/** /account/calendar: explain the personal feed; make, reset or turn it off. */
export const calendarAccountRoutes: FeaturePlugin<'database' | 'config'> = async (app, { database, config }) => {
  const db = database.db;

  async function render(request: FastifyRequest, reply: FastifyReply, extra: Record<string, unknown> = {}) {
    const feed = await findFeedOf(db, request.user!.id);
    // A page showing the secret must not be kept by the browser or a proxy.
    reply.header('cache-control', 'no-store');
    return reply.page(view, {
      title: request.t('calendar.account.title'),
      activeNav: 'account',
      feed,
      done: (request.query as Record<string, unknown>).done,
      ...extra,
    });
  }

  app.get('/account/calendar', { config: signedIn }, (request, reply) => render(request, reply));

  // The secret is shown in the response to the POST itself, once: it is never stored to be shown again.
  app.post('/account/calendar', { config: signedIn }, async (request, reply) => {
    const token = await issueFeed(db, request.user!.id, request.lang);
    return render(request, reply, {
      feedUrl: `${config.publicUrl}/calendar/feed/${token}.ics`,
      webcalUrl: `${config.publicUrl.replace(/^https?:/, 'webcal:')}/calendar/feed/${token}.ics`,
    });
  });

  app.post('/account/calendar/off', { config: signedIn }, async (request, reply) => {
    await turnOffFeed(db, request.user!.id);
    return reply.redirect('/account/calendar?done=off', 303);
  });
};
