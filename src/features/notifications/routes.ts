// The reader's notifications (issue 12): the list, opening one, marking read. Every route reads
// only the signed-in person's own notifications (the queries name them), so there is no record
// scope: someone else's id is simply not found.
import { Type } from '@sinclair/typebox';
import type { FeaturePlugin } from '../../app-deps.ts';
import { HttpError } from '../../lib/http-error.ts';
import { pageOf, paginationModel } from '../../lib/pagination.ts';
import { BoundedInteger, FormText, Uuid } from '../../lib/request-schemas.ts';
import { safeNextPath } from '../../lib/forms.ts';
import { EVENT_KIND_NAMES, isEventKind } from '../../notifications/event-kinds.ts';
import { countUnread } from '../../notifications/notifications-repository.ts';
import { findInboxItem, kindsInInbox, listInbox } from './inbox-repository.ts';
import { markAllNotificationsRead, markNotificationRead } from './inbox-service.ts';
import { presentInbox } from './inbox-presenter.ts';
import { mayStillSee } from './subject-checks.ts';
import { preferenceRoutes } from './preference-routes.ts';

const PAGE_SIZE = 20;
const signedIn = { access: { signedIn: true } } as const;
const IdParams = Type.Object({ id: Uuid });
const ListQuery = Type.Object({
  kind: FormText(60),
  page: Type.Optional(BoundedInteger(1, 10_000)),
  done: FormText(10),
  count: Type.Optional(BoundedInteger(0, 1_000_000)),
});
// Where to come back to: a known kind (or none) and a page number; anything else is a 400.
const ReturnBody = Type.Object({
  _csrf: FormText(200),
  kind: Type.Optional(Type.Union([Type.Literal(''), ...EVENT_KIND_NAMES.map((kind) => Type.Literal(kind))])),
  page: Type.Optional(Type.String({ pattern: '^[1-9][0-9]{0,4}$', maxLength: 5 })),
});

/** Back to the list as the reader had it (the kind filter and page), saying what was done. */
function listAddress(kind: string | undefined, page: string | undefined, done: string): string {
  const query = new URLSearchParams();
  if (kind && isEventKind(kind)) query.set('kind', kind);
  if (page && /^[1-9]\d{0,4}$/.test(page)) query.set('page', page);
  query.set('done', done);
  return `/notifications?${query.toString()}`;
}

export const notificationRoutes: FeaturePlugin<'database' | 'clock'> = async (app, deps) => {
  const db = deps.database.db;

  app.get('/notifications', { config: signedIn, schema: { querystring: ListQuery } }, async (request, reply) => {
    const userId = request.user!.id;
    const kind = request.query.kind && isEventKind(request.query.kind) ? request.query.kind : null;
    const page = pageOf(request.query.page, PAGE_SIZE);
    const [result, kinds, unread] = await Promise.all([
      listInbox(db, userId, { kind, limit: page.limit, offset: page.offset }),
      kindsInInbox(db, userId),
      countUnread(db, userId),
    ]);
    const t = request.t;
    return reply.page('features/notifications/views/list.njk', {
      title: t('notifications.title'),
      activeNav: 'notifications',
      items: presentInbox(result.items, t, request.lang),
      total: result.total,
      unread,
      kind: kind ?? '',
      page: String(page.number),
      kindOptions: [
        { value: '', text: t('notifications.filter.all') },
        ...EVENT_KIND_NAMES.filter((k) => kinds.includes(k)).map((k) => ({
          value: k,
          text: t(`notifications.kinds.${k}.name`),
          selected: k === kind,
        })),
      ],
      done: request.query.done === 'one' || request.query.done === 'all' ? request.query.done : null,
      doneCount: request.query.count ?? 0,
      pagination: paginationModel(request, result.total, page, t),
    });
  });

  // Opening one: the reader's own only, and only while they may still see what it is about.
  app.get('/notifications/:id', { config: signedIn, schema: { params: IdParams } }, async (request, reply) => {
    const user = request.user!;
    const item = await findInboxItem(db, user.id, request.params.id);
    if (!item) throw new HttpError(404, 'not-found');
    if (!(await mayStillSee(db, user, item, (address) => request.mayOpen(address))))
      return reply.page('features/notifications/views/gone.njk', { title: request.t('notifications.gone.title') });
    await markNotificationRead(db, user.id, item.id, deps.clock.now());
    return reply.redirect(safeNextPath(item.link, '/notifications'), 303);
  });

  app.post(
    '/notifications/:id/read',
    { config: signedIn, schema: { params: IdParams, body: ReturnBody } },
    async (request, reply) => {
      const userId = request.user!.id;
      if (!(await findInboxItem(db, userId, request.params.id))) throw new HttpError(404, 'not-found');
      await markNotificationRead(db, userId, request.params.id, deps.clock.now());
      return reply.redirect(listAddress(request.body.kind, request.body.page, 'one'), 303);
    },
  );

  app.post('/notifications/read-all', { config: signedIn, schema: { body: ReturnBody } }, async (request, reply) => {
    const marked = await markAllNotificationsRead(db, request.user!.id, deps.clock.now());
    return reply.redirect(`${listAddress(request.body.kind, undefined, 'all')}&count=${marked}`, 303);
  });

  await app.register(preferenceRoutes, deps);
};
