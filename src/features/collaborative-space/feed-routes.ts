import { Type } from '@sinclair/typebox';
import type { FeaturePlugin } from '../../app-deps.ts';
import { forReader } from '../../lib/paired-text.ts';
import { pageOf, paginationModel } from '../../lib/pagination.ts';
import { isOneOf } from '../../reference/reference-data.ts';
import { SHAREABLE_TYPES } from '../../sharing/share-repository.ts';
import { itemHref, outputKindOf } from './shared-item.ts';
import { memberSchools, sharedFeed, type FeedFilter } from './space-repository.ts';
import { BoundedInteger, FormText, Uuid } from '../../lib/request-schemas.ts';
import { collaborativeScope } from '../../access/request-scope.ts';
import { scoped } from '../../access/scopes.ts';

export const read = { access: { permission: 'collaboratives.read' } } as const;
export const IdParams = Type.Object({ id: Uuid });
// Loose on purpose: an unknown school or type is no filter, not a bad request.
const FeedQuery = Type.Object({
  school: FormText(20),
  type: FormText(20),
  page: Type.Optional(BoundedInteger(1, 100_000)),
});
const PAGE_SIZE = 20;

/** /collaboratives/:id/shared: what member schools shared with the collaborative, newest first. */
export const feedRoutes: FeaturePlugin<'database'> = async (app, { database }) => {
  const db = database.db;
  app.get(
    '/collaboratives/:id/shared',
    { config: scoped(read, 'collaborative', 'space'), schema: { params: IdParams, querystring: FeedQuery } },
    async (request, reply) => {
      const { collaborative, can } = collaborativeScope(request);
      const { t } = request;
      const members = await memberSchools(db, collaborative.id);
      const filter: FeedFilter = {
        school: members.some((m) => m.number === request.query.school) ? request.query.school! : '',
        type: isOneOf(SHAREABLE_TYPES, request.query.type) ? request.query.type : '',
      };
      const page = pageOf(request.query.page, PAGE_SIZE);
      const { rows, total } = await sharedFeed(db, collaborative.id, filter, page);
      const entries = rows.map((r) => {
        const kind = r.itemType === 'output' ? outputKindOf(r.itemId) : null;
        const title = kind
          ? { text: t(`outputs.titles.${kind}`), lang: request.lang, marked: false }
          : forReader(
              { language: r.language ?? request.lang, otherLanguage: r.otherLanguage },
              r.title ?? '',
              'title',
              request.lang,
            );
        return { ...r, href: itemHref(collaborative.id, r.itemType, r.itemId), title };
      });
      return reply.page('features/collaborative-space/views/feed.njk', {
        title: t('collaborativeSpace.feed.title'),
        activeNav: 'collaboratives',
        collaborative,
        collabCan: can,
        collaborativeSection: 'shared',
        entries,
        total,
        filter,
        filtered: !!(filter.school || filter.type),
        pagination: paginationModel(request, total, page, t),
        schoolItems: [
          { value: '', text: t('collaborativeSpace.feed.anySchool') },
          ...members.map((m) => ({ value: m.number, text: m.name, selected: m.number === filter.school })),
        ],
        typeItems: [
          { value: '', text: t('collaborativeSpace.feed.anyType') },
          ...SHAREABLE_TYPES.map((type) => ({
            value: type,
            text: t(`collaborativeSpace.types.${type}`),
            selected: type === filter.type,
          })),
        ],
      });
    },
  );
};
