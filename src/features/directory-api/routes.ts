import type { FeaturePlugin } from '../../app-deps.ts';
import { HttpError } from '../../lib/http-error.ts';
import { pageOf } from '../../lib/pagination.ts';
import { filterFromQuery } from '../../directory/directory-filter.ts';
import * as repo from '../../directory/directory-repository.ts';
import { NumberParams, responses, SchoolsQuery, SHARED_SCHEMAS } from './api-schemas.ts';
import { registerOpenApi } from './openapi.ts';

// Signed in, or an API token with the directory scope acting as its owner (src/plugins/api-token.ts).
const signedIn = { access: { signedIn: true }, apiTokenScope: 'directory:read' } as const;
const tags = ['directory'];

const localised = (r: { nameEn: string; nameCy: string }) => ({ en: r.nameEn, cy: r.nameCy });

function summary(row: repo.SchoolSummary) {
  const { laNameEn, laNameCy, ...rest } = row;
  return { ...rest, laName: { en: laNameEn, cy: laNameCy } };
}

export const directoryApiRoutes: FeaturePlugin<'database'> = async (app, { database }) => {
  const db = database.db;
  await registerOpenApi(app);
  for (const schema of SHARED_SCHEMAS) app.addSchema(schema);

  app.get(
    '/api/v1/local-authorities',
    {
      config: signedIn,
      schema: {
        tags,
        summary: 'The 22 local authorities with their open schools by sector',
        response: responses.localAuthorities,
      },
    },
    async () => {
      const las = await repo.localAuthoritiesWithCounts(db);
      return {
        items: las.map((la) => ({
          code: la.code,
          name: localised(la),
          openSchools: la.openSchools,
          bySector: la.bySector,
        })),
      };
    },
  );

  app.get(
    '/api/v1/schools',
    {
      config: signedIn,
      schema: {
        tags,
        summary: 'Search and filter schools (open ones unless includeClosed), ordered by name',
        querystring: SchoolsQuery,
        response: responses.schools,
      },
    },
    async (request) => {
      const pageSize = request.query.pageSize ?? 25;
      const page = pageOf(request.query.page, pageSize);
      const { rows, total } = await repo.searchSchools(db, filterFromQuery(request.query), page, { facets: false });
      return { total, page: page.number, pageSize, items: rows.map(summary) };
    },
  );

  app.get(
    '/api/v1/schools/:number',
    {
      config: signedIn,
      schema: {
        tags,
        summary: 'One school with its history and collaboratives',
        params: NumberParams,
        response: responses.school,
      },
    },
    async (request) => {
      const school = await repo.findSchool(db, request.params.number);
      if (!school) throw new HttpError(404, 'not-found');
      const [history, collaboratives] = await Promise.all([
        repo.schoolHistory(db, school.number),
        repo.schoolCollaboratives(db, school.number),
      ]);
      const { address1, address2, address3, address4, ...rest } = school;
      return {
        ...summary(rest),
        address: [address1, address2, address3, address4].filter((line): line is string => !!line),
        history: history.map((h) => ({ ...h, importedAt: h.importedAt.toISOString() })),
        collaboratives: collaboratives.map((c) => ({ id: c.id, kind: c.kind, name: localised(c), status: c.status })),
      };
    },
  );

  app.get('/api/v1/openapi.json', { config: { ...signedIn, apiTokenScope: null }, schema: { hide: true } }, async () =>
    app.swagger(),
  );
};
