import { Type } from '@sinclair/typebox';
import type { FeaturePlugin } from '../../app-deps.ts';
import { scoped } from '../../access/scopes.ts';
import { academicYearOf } from '../../reference/reference-data.ts';
import { ALL } from './picture-cube.ts';
import { labeller, openDataRows, toCsv } from './picture-presenter.ts';
import { loadNationalPicture, type NationalPicture } from './picture-service.ts';
import { pictureView, type PictureFilters } from './picture-view.ts';
import { nationalRead } from './publish-context.ts';
import { publishingRoutes } from './publish-routes.ts';
import { FormText } from '../../lib/request-schemas.ts';

const short = FormText(40);
const FilterQuery = Type.Object({ year: short, la: short, phase: short, theme: short });
type Query = { year?: string; la?: string; phase?: string; theme?: string };

/** Filters from the query; anything unknown is "all" (an unknown year is the current one). */
function filtersOf(q: Query, np: NationalPicture, current: number): PictureFilters {
  const d = np.picture.dimensions;
  const pick = (value: string | undefined, list: readonly string[]) => (value && list.includes(value) ? value : ALL);
  const year = Number(q.year);
  return {
    year: d.years.includes(year) ? year : current,
    la: pick(q.la, d.las),
    phase: pick(q.phase, d.phases),
    theme: pick(q.theme, d.themes),
  };
}

/** National priorities both ways, the national picture (WG only) and its open data (public). */
export const nationalPictureRoutes: FeaturePlugin<'database' | 'clock'> = async (app, { database, clock }) => {
  const db = database.db;
  await app.register(publishingRoutes, { database, clock });

  app.get(
    '/national',
    { config: scoped(nationalRead, 'national', 'read'), schema: { querystring: FilterQuery } },
    async (request, reply) => {
      const now = clock.now();
      const np = await loadNationalPicture(db, academicYearOf(now), now);
      const filters = filtersOf(request.query, np, academicYearOf(now));
      const label = labeller(request.t, request.lang, np);
      const d = np.picture.dimensions;
      const options = (list: readonly string[], name: (c: string) => string, selected: string) => [
        { value: ALL, text: request.t('national.picture.all'), selected: selected === ALL },
        ...list.map((c) => ({ value: c, text: name(c), selected: c === selected })),
      ];
      return reply.page('features/national-picture/views/picture.njk', {
        title: request.t('national.picture.title'),
        filters,
        view: pictureView(np.picture, filters),
        label,
        builtAt: np.builtAt,
        yearItems: d.years.map((y) => ({
          value: String(y),
          text: `${y}-${String((y + 1) % 100).padStart(2, '0')}`,
          selected: y === filters.year,
        })),
        laItems: options(d.las, label.la, filters.la),
        phaseItems: options(d.phases, label.phase, filters.phase),
        themeItems: options(d.themes, label.theme, filters.theme),
        yearLabel: (y: number) => `${y}-${String((y + 1) % 100).padStart(2, '0')}`,
      });
    },
  );

  const openData = async (request: { t: Parameters<typeof openDataRows>[0]; query: Query }) => {
    const now = clock.now();
    const np = await loadNationalPicture(db, academicYearOf(now), now);
    const year = Number(request.query.year);
    const rows = openDataRows(request.t, np).filter((r) => !request.query.year || r.academicYear === year);
    return { np, rows };
  };
  const publicAccess = { access: { public: true } } as const;
  const YearQuery = Type.Object({ year: Type.Optional(Type.String({ pattern: '^\\d{4}$', maxLength: 4 })) });

  app.get(
    '/national/data.csv',
    { config: publicAccess, schema: { querystring: YearQuery } },
    async (request, reply) => {
      const { rows } = await openData(request);
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="national-picture.csv"')
        .send(toCsv(rows));
    },
  );

  const json = async (request: { t: Parameters<typeof openDataRows>[0]; query: Query }) => {
    const { np, rows } = await openData(request);
    return {
      builtAt: np.builtAt.toISOString(),
      threshold: 5,
      notes: {
        en: request.t('national.openData.note', { lng: 'en' }),
        cy: request.t('national.openData.note', { lng: 'cy' }),
      },
      items: rows,
    };
  };
  app.get('/national/data.json', { config: publicAccess, schema: { querystring: YearQuery } }, async (request) =>
    json(request),
  );
  app.get('/api/v1/national-picture', { config: publicAccess, schema: { querystring: YearQuery } }, async (request) =>
    json(request),
  );
};
