import { forReader } from '../../lib/paired-text.ts';
import { Type } from '@sinclair/typebox';
import type { FeaturePlugin } from '../../app-deps.ts';
import { HttpError } from '../../lib/http-error.ts';
import { findVersion, planVersions } from './plan-repository.ts';
import { comparePlanVersions } from './plan-compare.ts';
import { localName, planModel, PlanParams, plansRead, view } from './plan-context.ts';
import { planScope } from '../../access/request-scope.ts';
import { scoped } from '../../access/scopes.ts';

const VersionParams = Type.Object({
  planId: PlanParams.properties.planId,
  number: Type.String({ pattern: '^\\d{1,4}$', maxLength: 4 }),
});
const CompareQuery = Type.Object({
  from: Type.Optional(Type.String({ pattern: '^\\d{1,4}$', maxLength: 4 })),
  to: Type.Optional(Type.String({ pattern: '^\\d{1,4}$', maxLength: 4 })),
});

/** Every version of a plan (kept on submit and on final): the list, one version, and two compared. */
export const versionRoutes: FeaturePlugin<'database'> = async (app, { database }) => {
  const db = database.db;

  app.get(
    '/plans/:planId/versions',
    { config: scoped(plansRead, 'plan'), schema: { params: PlanParams } },
    async (request, reply) => {
      const access = planScope(request);
      const versions = await planVersions(db, access.plan.id);
      return reply.page(view('versions'), {
        title: request.t('laPlans.versions.title'),
        activeNav: 'plans',
        ...planModel(access),
        versions,
      });
    },
  );

  app.get(
    '/plans/:planId/versions/:number',
    { config: scoped(plansRead, 'plan'), schema: { params: VersionParams } },
    async (request, reply) => {
      const access = planScope(request);
      const version = await findVersion(db, access.plan.id, Number(request.params.number));
      if (!version) throw new HttpError(404, 'not-found');
      const sections = version.snapshot.sections.map((s) => ({
        ...s,
        title: localName(request.lang, s.titleEn, s.titleCy),
        // A kept version holds each answer as written; a reader of the other language sees it marked.
        text: forReader({ language: s.language, otherLanguage: null }, s.body, 'body', request.lang),
      }));
      return reply.page(view('version'), {
        title: request.t('laPlans.version.title', { number: version.number }),
        activeNav: 'plans',
        ...planModel(access),
        version,
        sections,
      });
    },
  );

  app.get(
    '/plans/:planId/compare',
    { config: scoped(plansRead, 'plan'), schema: { params: PlanParams, querystring: CompareQuery } },
    async (request, reply) => {
      const access = planScope(request);
      const versions = await planVersions(db, access.plan.id);
      const numbers = versions.map((v) => v.number);
      // By default the latest version against the one before it.
      const to = Number(request.query.to ?? numbers[0] ?? 0);
      const from = Number(request.query.from ?? numbers.find((n) => n < to) ?? 0);
      const model = {
        title: request.t('laPlans.compare.title'),
        activeNav: 'plans',
        ...planModel(access),
        versions,
        from,
        to,
      };
      if (versions.length < 2) return reply.page(view('compare'), { ...model, tooFew: true });
      const [older, newer] = await Promise.all([
        findVersion(db, access.plan.id, Math.min(from, to)),
        findVersion(db, access.plan.id, Math.max(from, to)),
      ]);
      if (!older || !newer) throw new HttpError(404, 'not-found');
      if (older.number === newer.number) return reply.page(view('compare'), { ...model, same: true });
      const comparison = comparePlanVersions(older.snapshot, newer.snapshot);
      const sections = comparison.sections.map((s) => ({ ...s, title: localName(request.lang, s.titleEn, s.titleCy) }));
      return reply.page(view('compare'), { ...model, older, newer, sections, changed: comparison.changed });
    },
  );
};
