import { withReaderTexts } from '../../lib/reader-texts.ts';
import { Type } from '@sinclair/typebox';
import type { FeaturePlugin } from '../../app-deps.ts';
import { HttpError } from '../../lib/http-error.ts';
import { laModel } from '../../local-authority/la-model.ts';
import { isOneOf } from '../../reference/reference-data.ts';
import { DIMENSIONS, laCollaborativeNames, nationalPriorityNames } from './local-priorities-repository.ts';
import { drillDown, overviewData } from './overview-service.ts';
import { columnsOf, pictureModel, rowsOf } from './picture-presenter.ts';
import { collaborativeCanFor } from '../../access/loaders/collaborative.ts';
import { FormText, LaCode } from '../../lib/request-schemas.ts';
import { laScope } from '../../access/request-scope.ts';
import { scoped } from '../../access/scopes.ts';

const read = { access: { permission: 'la.read' } } as const;
const LaParams = Type.Object({ code: LaCode });
// Loose on purpose: an unknown dimension is the default one, an unknown cell is not found.
const short = FormText(64);

/** /local-authorities/:code/overview and the priorities behind each figure of its picture. */
export const overviewRoutes: FeaturePlugin<'database' | 'clock'> = async (app, { database, clock }) => {
  const db = database.db;

  app.get(
    '/local-authorities/:code/overview',
    { config: scoped(read, 'la', 'staff'), schema: { params: LaParams, querystring: Type.Object({ by: short }) } },
    async (request, reply) => {
      const ctx = laScope(request);
      const dimension = isOneOf(DIMENSIONS, request.query.by) ? request.query.by : 'national';
      const { picture, ...data } = await overviewData(db, ctx.la.code, dimension, clock.now());
      const model = {
        ...data,
        offers: data.offers.map((o) => withReaderTexts(o, ['title'], request.lang)),
        strengths: data.strengths.map((f) => withReaderTexts(f, ['title'], request.lang)),
        picture: pictureModel(request.t, request.lang, ctx.la.code, dimension, picture.names, picture.counts),
      };
      const dimensionItems = DIMENSIONS.map((d) => ({
        value: d,
        text: request.t(`laOverview.picture.dimensions.${d}`),
        selected: d === dimension,
      }));
      return reply.page('features/la-overview/views/overview.njk', {
        ...laModel(ctx, 'overview'),
        title: request.t('laOverview.title', { la: ctx.laName }),
        dimension,
        dimensionItems,
        ...model,
      });
    },
  );

  app.get(
    '/local-authorities/:code/overview/priorities',
    {
      config: scoped(read, 'la', 'staff'),
      schema: { params: LaParams, querystring: Type.Object({ by: short, theme: short, column: short }) },
    },
    async (request, reply) => {
      const ctx = laScope(request);
      const { by, theme = '', column = '' } = request.query;
      if (!isOneOf(DIMENSIONS, by)) throw new HttpError(404, 'not-found');
      const [national, collaboratives] = await Promise.all([
        nationalPriorityNames(db),
        laCollaborativeNames(db, ctx.la.code),
      ]);
      const always = [
        { level: 'row' as const, theme: 'none', col: null, schools: 1, priorities: 1 },
        { level: 'column' as const, theme: null, col: 'none', schools: 1, priorities: 1 },
      ];
      const row = rowsOf(request.t, always).find((r) => r.key === theme);
      const col = columnsOf(request.t, request.lang, by, { national, collaboratives }, [
        ...always,
        { level: 'column', theme: null, col: column, schools: 1, priorities: 1 },
      ]).find((c) => c.key === column);
      if (!row || !col) throw new HttpError(404, 'not-found');
      const { items } = await drillDown(
        db,
        async (c) => (await collaborativeCanFor(db, request, c)).space,
        ctx.la.code,
        by,
        { theme, col: column },
        clock.now(),
      );
      return reply.page('features/la-overview/views/priorities.njk', {
        ...laModel(ctx, 'overview'),
        title: request.t('laOverview.drill.title', { theme: row.label, column: col.label }),
        items: items.map((i) => withReaderTexts(i, ['title'], request.lang)),
        themeLabel: row.label,
        columnLabel: col.label,
        dimensionLabel: request.t(`laOverview.picture.dimensions.${by}`),
        back: `/local-authorities/${ctx.la.code}/overview?by=${by}#local-picture`,
      });
    },
  );
};
