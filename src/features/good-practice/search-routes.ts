import { Type } from '@sinclair/typebox';
import type { FeaturePlugin } from '../../app-deps.ts';
import { leaderSchoolNumbers, managedLaCodes } from '../../policy/collaborative-policy.ts';
import { pageOf, paginationModel } from '../../lib/pagination.ts';
import { searchKey } from '../../lib/search-text.ts';
import { facetCounts, searchCaseStudies, type SearchFilters } from './case-study-repository.ts';
import { IdParams, signedIn, view } from './good-practice-context.ts';
import { caseStudyRows, caseStudyTags, caseStudyTexts, filterGroups, writeLinks } from './good-practice-presenter.ts';
import { BoundedInteger, FormText } from '../../lib/request-schemas.ts';
import { caseStudyScope } from '../../access/request-scope.ts';
import { scoped } from '../../access/scopes.ts';
import { missingFields, otherOf } from '../../lib/paired-text.ts';

const PAGE_SIZE = 10;
const short = FormText(60);
const SearchQuery = Type.Object({
  q: FormText(200),
  theme: short,
  national: short,
  area: short,
  phase: short,
  la: short,
  page: Type.Optional(BoundedInteger(1, 10_000)),
});
const DoneQuery = Type.Object({ done: FormText(20) });

/** /good-practice: anyone signed in searches published case studies; /good-practice/:id reads one. */
export const searchRoutes: FeaturePlugin<'database'> = async (app, { database }) => {
  const db = database.db;

  app.get('/good-practice', { config: signedIn, schema: { querystring: SearchQuery } }, async (request, reply) => {
    const query = request.query;
    const q = (query.q ?? '').trim();
    const filters: SearchFilters = {
      q: searchKey(q).split(' ').filter(Boolean).slice(0, 10),
      theme: query.theme ?? '',
      national: query.national ?? '',
      area: query.area ?? '',
      phase: query.phase ?? '',
      la: query.la ?? '',
    };
    const page = pageOf(query.page, PAGE_SIZE);
    const [result, counts] = await Promise.all([searchCaseStudies(db, filters, page), facetCounts(db, filters)]);
    return reply.page(view('search'), {
      title: request.t('goodPractice.search.title'),
      activeNav: 'goodPractice',
      q,
      filters,
      rows: caseStudyRows(result.rows, request.lang),
      total: result.total,
      groups: await filterGroups(db, request, filters, counts),
      pagination: paginationModel(request, result.total, page, request.t),
      write: await writeLinks(db, request, leaderSchoolNumbers(request.user), managedLaCodes(request.user)),
    });
  });

  app.get(
    '/good-practice/:id',
    { config: scoped(signedIn, 'caseStudy'), schema: { params: IdParams, querystring: DoneQuery } },
    async (request, reply) => {
      const ctx = caseStudyScope(request);
      const rt = caseStudyTexts(ctx.caseStudy, request.lang);
      const cs = ctx.caseStudy;
      // Told, not blocked (issue 16): before publishing, which texts have no other-language version.
      const missing = ctx.can.publish
        ? missingFields(cs, {
            title: cs.title,
            summary: cs.summary,
            whatWeDid: cs.whatWeDid,
            learners: cs.learners,
            impact: cs.impact,
          })
        : [];
      return reply.page(view('case-study'), {
        title: rt.title.text,
        rt,
        activeNav: 'goodPractice',
        ...ctx,
        caseCan: ctx.can,
        tags: await caseStudyTags(db, request, ctx.caseStudy),
        done: request.query.done,
        laName: request.lang === 'cy' ? ctx.laNameCy : ctx.laNameEn,
        lacking: missing.length
          ? {
              fields: missing,
              other: otherOf(cs.language),
              href: `/good-practice/${cs.id}/other-language/case-study/${cs.id}`,
            }
          : null,
      });
    },
  );
};
