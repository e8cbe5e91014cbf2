import { withReaderTexts } from '../../lib/reader-texts.ts';
import { Type } from '@sinclair/typebox';
import type { FeaturePlugin } from '../../app-deps.ts';
import { addDaysTo, utcDate } from '../../lib/clock.ts';
import { schoolCollaboratives } from '../../directory/directory-repository.ts';
import { audiencesFor } from '../../policy/school-policy.ts';
import { academicYearOf, NIF_THEMES, PRIORITY_STATES } from '../../reference/reference-data.ts';
import { schoolScope } from '../../access/request-scope.ts';
import { findCycle } from '../school-cycle/cycle-repository.ts';
import * as repo from './school-home-repository.ts';
import { SchoolNumber } from '../../lib/request-schemas.ts';
import { homePanel } from '../surveys/slo-trend.ts';
import { surveyCan } from '../surveys/survey-policy.ts';

const DUE_SOON_DAYS = 30;

export const schoolHomeRoutes: FeaturePlugin<'database' | 'clock'> = async (app, { database, clock }) => {
  const db = database.db;
  // "Where are we?": one page for the school's staff, governors and LA, each seeing what they may.
  app.get(
    '/schools/:number/home',
    { config: { access: { scope: 'school' } }, schema: { params: Type.Object({ number: SchoolNumber }) } },
    async (request, reply) => {
      const { school, can } = schoolScope(request);
      const now = clock.now();
      const year = academicYearOf(now);
      const cycle = await findCycle(db, school.number, year);
      const access = can.readPrivate ? ({ all: true } as const) : { audiences: audiencesFor(request.user, school) };
      const today = utcDate(now);
      const until = utcDate(addDaysTo(now, DUE_SOON_DAYS));
      const [grid, due, newest, shared] = cycle
        ? await Promise.all([
            repo.priorityGrid(db, cycle.id, access),
            repo.actionsDue(db, cycle.id, until, access),
            repo.newestEvidence(db, cycle.id, access),
            can.staff ? repo.sharingSummary(db, school.number) : [],
          ])
        : [[], [], [], []];
      const collaboratives = can.staff ? await schoolCollaboratives(db, school.number) : [];
      // SLO results beside last year's, for those who read survey results (issue 18, part 4).
      const showSlo = surveyCan(can).manage;
      const sloPanel = showSlo ? await homePanel(db, school.number, year, request.lang) : null;
      const cell = (theme: string | null, state: string) =>
        grid.find((g) => g.theme === theme && g.state === state)?.count ?? 0;
      const themes = [...NIF_THEMES, null].filter((theme) => theme !== null || grid.some((g) => g.theme === null));
      return reply.page('features/school-home/views/home.njk', {
        title: request.t('pages.schoolHome.title', { school: school.name }),
        school,
        schoolCan: can,
        schoolSection: 'home',
        cycle,
        year,
        themes,
        states: PRIORITY_STATES,
        cell,
        totalPriorities: grid.reduce((n, g) => n + g.count, 0),
        due: due.map((a) => ({ ...a, overdue: !!a.dueOn && a.dueOn < today })),
        newest: newest.map((e) => withReaderTexts(e, ['title'], request.lang)),
        shared,
        showSlo,
        sloPanel,
        collaboratives: collaboratives.map((c) => ({
          id: c.id,
          kind: c.kind,
          name: request.lang === 'cy' ? c.nameCy : c.nameEn,
        })),
      });
    },
  );
};
