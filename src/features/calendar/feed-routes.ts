import { Type } from '@sinclair/typebox';
import type { FeaturePlugin } from '../../app-deps.ts';
import { collaborativeScope } from '../../access/request-scope.ts';
import { HttpError } from '../../lib/http-error.ts';
import { todayInWales } from '../../lib/clock.ts';
import { createTranslator, isLanguage } from '../../plugins/i18n.ts';
import { feedEvents, findActiveFeed, findVisit } from './feed-repository.ts';
import { feedWindow, hashToken } from './feed-service.ts';
import { actionEntries, deadlineEntries, feedEntries, visitEntry } from './feed-presenter.ts';
import { actionsAssignedTo } from '../my-actions/my-actions-repository.ts';
import { feedDeadlines } from './deadline-repository.ts';
import { calendarText, sendCalendar } from './ics.ts';
import { Uuid } from '../../lib/request-schemas.ts';

/** The feed's address: its token (32 bytes, base64url) and the .ics calendar apps expect. */
const FeedParams = Type.Object({ token: Type.String({ pattern: '^[A-Za-z0-9_-]{43}\\.ics$', maxLength: 47 }) });
const VisitParams = Type.Object({ id: Uuid, enquiryId: Uuid });

/** The personal feed (public: the secret in the address is the key) and an enquiry visit's calendar file. */
export const calendarFeedRoutes: FeaturePlugin<'database' | 'config' | 'clock'> = async (
  app,
  { database, config, clock },
) => {
  const db = database.db;
  const translatorFor = await createTranslator();

  // Rate-limited by the app's global limit, like every route.
  app.get(
    '/calendar/feed/:token',
    { config: { access: { public: true } }, schema: { params: FeedParams } },
    async (request, reply) => {
      const match = /^([A-Za-z0-9_-]{43})\.ics$/.exec(request.params.token);
      const feed = match ? await findActiveFeed(db, hashToken(match[1]!)) : null;
      if (!feed) throw new HttpError(404, 'not-found');
      const lang = isLanguage(feed.language) ? feed.language : 'en';
      const t = translatorFor(lang);
      const { from, to } = feedWindow(clock.now());
      const entries = [
        ...feedEntries(t, lang, config.publicUrl, await feedEvents(db, feed.userId, from, to)),
        ...deadlineEntries(t, lang, config.publicUrl, await feedDeadlines(db, feed.userId, from, to)),
        ...actionEntries(
          t,
          lang,
          config.publicUrl,
          await actionsAssignedTo(db, { id: feed.userId }, todayInWales(clock.now())),
          { from, to },
        ),
      ].sort((a, b) => a.date.localeCompare(b.date));
      return sendCalendar(
        reply,
        'cydwella.ics',
        calendarText(t('calendar.feed.name'), entries, { ttlSeconds: 3600 }),
        'inline',
      );
    },
  );

  app.get(
    '/collaboratives/:id/enquiries/:enquiryId/visit.ics',
    {
      config: { access: { permission: 'collaboratives.read', scope: 'collaborative', need: 'space' } },
      schema: { params: VisitParams },
    },
    async (request, reply) => {
      const ctx = collaborativeScope(request);
      const visit = await findVisit(db, ctx.collaborative.id, request.params.enquiryId);
      if (!visit?.visit_start) throw new HttpError(404, 'not-found');
      const name = request.lang === 'cy' ? ctx.collaborative.nameCy : ctx.collaborative.nameEn;
      const entry = visitEntry(
        request.t,
        {
          id: visit.id,
          visitStart: visit.visit_start,
          visitEnd: visit.visit_end,
          question: visit.question,
          hostName: visit.host_name,
          cancelled: visit.state === 'cancelled',
        },
        name,
        `${config.publicUrl}/collaboratives/${ctx.collaborative.id}/enquiries/${visit.id}`,
      );
      return sendCalendar(reply, `visit-${visit.visit_start}.ics`, calendarText(name, [entry]));
    },
  );
};
