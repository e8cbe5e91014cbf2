import type { FastifyRequest } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { FeaturePlugin } from '../../app-deps.ts';
import type { Db } from '../../db/client.ts';
import { laModel } from '../../local-authority/la-model.ts';
import { todayInWales } from '../../lib/clock.ts';
import { isOneOf } from '../../reference/reference-data.ts';
import { flagTerms, networkModel, PERIODS, periodSpan, reciprocityRows } from './reciprocity-presenter.ts';
import { activityCounts, collaborativeSchools, laSchools, peerLinks } from './reciprocity-repository.ts';
import { FormText, LaCode, Uuid } from '../../lib/request-schemas.ts';
import { collaborativeScope, laScope } from '../../access/request-scope.ts';
import { scoped } from '../../access/scopes.ts';

const read = { access: { permission: 'collaboratives.read' } } as const;
// Loose on purpose: an unknown period is the default one, not a bad request.
const PeriodQuery = Type.Object({ period: FormText(20) });

/** The table, the network and the period filter, for a set of schools. */
async function reciprocityModel(
  db: Db,
  request: FastifyRequest,
  schools: Awaited<ReturnType<typeof laSchools>>,
  collaborativeId: string | null,
  period: unknown,
  now: Date,
) {
  const today = todayInWales(now);
  const span = periodSpan(isOneOf(PERIODS, period) ? period : 'current', today);
  const numbers = schools.map((s) => s.number);
  const scope = { from: span.from, to: span.to, today, collaborativeId };
  const [counts, links] = await Promise.all([activityCounts(db, numbers, scope), peerLinks(db, numbers, scope)]);
  const rows = reciprocityRows(schools, counts, today);
  return {
    rows,
    links,
    span,
    terms: flagTerms(today),
    network: networkModel(rows, links, collaborativeId !== null),
    aloneCount: rows.filter((r) => r.workingAlone).length,
    outsideCount: rows.filter((r) => !r.inCollaborative).length,
    periodItems: PERIODS.map((p) => ({
      value: p,
      text: request.t(`reciprocity.periods.${p}`, {
        years: `${periodSpan(p, today).academicYear}–${String(periodSpan(p, today).academicYear + 1).slice(2)}`,
      }),
      selected: p === span.period,
    })),
  };
}

/** Who hosted, visited, gave and received support, for a collaborative and an LA. */
export const reciprocityRoutes: FeaturePlugin<'database' | 'clock'> = async (app, { database, clock }) => {
  const db = database.db;

  app.get(
    '/collaboratives/:id/reciprocity',
    {
      config: scoped(read, 'collaborative', 'reciprocity'),
      schema: { params: Type.Object({ id: Uuid }), querystring: PeriodQuery },
    },
    async (request, reply) => {
      const { collaborative, can } = collaborativeScope(request);
      const schools = await collaborativeSchools(db, collaborative.id);
      return reply.page('features/reciprocity/views/collaborative.njk', {
        title: request.t('reciprocity.collaborative.title'),
        activeNav: 'collaboratives',
        collaborative,
        collabCan: can,
        collaborativeSection: 'reciprocity',
        action: `/collaboratives/${collaborative.id}/reciprocity`,
        ...(await reciprocityModel(db, request, schools, collaborative.id, request.query.period, clock.now())),
      });
    },
  );

  app.get(
    '/local-authorities/:code/reciprocity',
    {
      config: scoped(read, 'la', 'staff'),
      schema: { params: Type.Object({ code: LaCode }), querystring: PeriodQuery },
    },
    async (request, reply) => {
      const ctx = laScope(request);
      const schools = await laSchools(db, ctx.la.code);
      return reply.page('features/reciprocity/views/la.njk', {
        ...laModel(ctx, 'reciprocity'),
        title: request.t('reciprocity.la.title', { la: ctx.laName }),
        action: `/local-authorities/${ctx.la.code}/reciprocity`,
        ...(await reciprocityModel(db, request, schools, null, request.query.period, clock.now())),
      });
    },
  );
};
