import { Type } from '@sinclair/typebox';
import type { FeaturePlugin } from '../../app-deps.ts';
import { HttpError } from '../../lib/http-error.ts';
import { laStaffCodes } from '../../policy/la-policy.ts';
import { pageOf, paginationModel } from '../../lib/pagination.ts';
import {
  FilterQuery,
  filterFromQuery,
  hasFacetFilters,
  type DirectoryFilter,
} from '../../directory/directory-filter.ts';
import * as repo from '../../directory/directory-repository.ts';
import { filterModel, formatCount, label, laName, resultModel, sortedLas } from './directory-presenter.ts';
import { historyModel, schoolModel } from './school-presenter.ts';
import { SECTOR_CODES, WM_CODES } from '../../directory/school-codes.ts';
import { BoundedInteger, LaCode, SchoolNumber } from '../../lib/request-schemas.ts';

const signedIn = { access: { signedIn: true } } as const;
const SearchQuery = Type.Object({ ...FilterQuery, page: Type.Optional(BoundedInteger(1, 100_000)) });
// A mistyped number or code fails these patterns: the error handler answers 404 for a path that names nothing.
const NumberParams = Type.Object({ number: SchoolNumber });
const CodeParams = Type.Object({ code: LaCode });
const PAGE_SIZE = 20;
const EVERYTHING: DirectoryFilter = {
  q: '',
  includeClosed: false,
  la: [],
  sector: [],
  wm: [],
  governance: [],
  religious: [],
};

export const directoryRoutes: FeaturePlugin<'database'> = async (app, { database }) => {
  const db = database.db;
  const view = (name: string) => `features/directory/views/${name}.njk`;
  const las = await repo.listLocalAuthorities(db);

  app.get('/schools', { config: signedIn, schema: { querystring: SearchQuery } }, async (request, reply) => {
    const { t, lang } = request;
    const filter = filterFromQuery(request.query);
    const page = pageOf(request.query.page, PAGE_SIZE);
    const { rows, total, facets } = await repo.searchSchools(db, filter, page);
    return reply.page(view('search'), {
      title: filter.q ? t('pages.directory.titleSearch', { q: filter.q }) : t('pages.directory.title'),
      activeNav: 'schools',
      filter,
      filtered: hasFacetFilters(filter),
      ...filterModel(t, lang, filter, facets, las),
      results: rows.map((row) => resultModel(t, lang, row)),
      total,
      totalText: formatCount(total, lang),
      pagination: paginationModel(request, total, page, t),
    });
  });

  app.get('/schools/:number', { config: signedIn, schema: { params: NumberParams } }, async (request, reply) => {
    const { number } = request.params;
    const school = /^\d{7}$/.test(number) ? await repo.findSchool(db, number) : null;
    if (!school) throw new HttpError(404, 'not-found');
    const [history, collaboratives] = await Promise.all([
      repo.schoolHistory(db, number),
      repo.schoolCollaboratives(db, number),
    ]);
    return reply.page(view('school'), {
      title: school.name,
      activeNav: 'schools',
      school: schoolModel(request.t, request.lang, school, collaboratives),
      history: historyModel(request.t, history),
    });
  });

  app.get('/local-authorities', { config: signedIn }, async (request, reply) => {
    const { t, lang } = request;
    const rows = sortedLas(await repo.localAuthoritiesWithCounts(db), lang).map((la) => ({
      code: la.code,
      name: laName(la, lang),
      openSchools: formatCount(la.openSchools, lang),
      // A sentence rather than a column per sector, so the table fits a phone.
      bySector: SECTOR_CODES.filter((s) => la.bySector[s])
        .map((s) => `${label(t, 'sector', s)}: ${formatCount(la.bySector[s]!, lang)}`)
        .join(' · '),
    }));
    return reply.page(view('local-authorities'), {
      title: t('pages.localAuthorities.title'),
      activeNav: 'localAuthorities',
      rows,
    });
  });

  app.get('/local-authorities/:code', { config: signedIn, schema: { params: CodeParams } }, async (request, reply) => {
    const { t, lang } = request;
    const la = await repo.findLocalAuthority(db, request.params.code);
    if (!la) throw new HttpError(404, 'not-found');
    const { total, facets } = await repo.searchSchools(db, { ...EVERYTHING, la: [la.code] }, { limit: 0, offset: 0 });
    const breakdown = (codes: readonly string[], facet: 'sector' | 'wm') =>
      codes
        .filter((code) => facets[facet].get(code))
        .map((code) => ({
          text: label(t, facet, code),
          count: formatCount(facets[facet].get(code)!, lang),
          href: `/schools?la=${la.code}&${facet}=${code}`,
        }));
    return reply.page(view('local-authority'), {
      title: laName(la, lang),
      activeNav: 'localAuthorities',
      la: { ...la, name: laName(la, lang), otherName: laName(la, lang === 'cy' ? 'en' : 'cy') },
      total: formatCount(total, lang),
      bySector: breakdown(SECTOR_CODES, 'sector'),
      byWm: breakdown(WM_CODES, 'wm'),
      laStaff: laStaffCodes(request.user).includes(la.code),
    });
  });
};
