import type { Db } from '../../db/client.ts';
import type { Clock } from '../../lib/clock.ts';
import { pageOf, paginationModel } from '../../lib/pagination.ts';
import { academicYearOf } from '../../reference/reference-data.ts';
import { evidenceContext, SchoolParams, sectionModel, signedIn, view, type TypedApp } from './evidence-context.ts';
import { EvidenceQuery, facetValues, filterFromQuery, isFiltered } from './evidence-filter.ts';
import { facetGroups, rowModel, toReviewCount } from './evidence-list-presenter.ts';
import * as repo from './evidence-repository.ts';
import { scoped } from '../../access/scopes.ts';

const PAGE_SIZE = 20;

export function evidenceListRoutes(app: TypedApp, db: Db, clock: Clock) {
  app.get(
    '/schools/:number/evidence',
    { config: scoped(signedIn, 'school'), schema: { params: SchoolParams, querystring: EvidenceQuery } },
    async (request, reply) => {
      const { t, lang, query } = request;
      const ctx = evidenceContext(request);
      const filter = filterFromQuery(query, ctx.can.staff);
      const [cycles, priorities] = await Promise.all([
        repo.schoolCycles(db, ctx.school.number),
        repo.listNationalPriorities(db),
      ]);
      // The cycle asked for, else this year's, else the latest: evidence belongs to a cycle.
      const current = academicYearOf(clock.now());
      const cycle =
        cycles.find((c) => c.academicYear === (query.year ?? current)) ?? (query.year ? undefined : cycles[0]);
      const page = pageOf(query.page, PAGE_SIZE);
      const found = cycle
        ? await repo.searchEvidence(
            db,
            ctx.school.number,
            cycle.id,
            filter,
            ctx.access,
            page,
            facetValues(priorities.map((p) => p.code)),
          )
        : null;
      const total = found?.total ?? 0;
      return reply.page(view('list'), {
        title: filter.q ? t('pages.evidence.list.titleSearch', { q: filter.q }) : t('pages.evidence.list.title'),
        ...sectionModel(ctx),
        filter,
        filtered: isFiltered(filter),
        cycle,
        yearItems: cycles.map((c) => ({
          value: String(c.academicYear),
          text: t('pages.evidence.list.yearOption', { year: c.academicYear, next: c.academicYear + 1 }),
          selected: c.id === cycle?.id,
        })),
        groups: found ? facetGroups(t, lang, filter, found.facets, priorities) : [],
        toReviewCount: found ? toReviewCount(found.facets, lang) : '0',
        results: (found?.rows ?? []).map((row) => rowModel(t, lang, ctx.school.number, row)),
        total,
        pagination: paginationModel(request, total, page, t),
      });
    },
  );
}
