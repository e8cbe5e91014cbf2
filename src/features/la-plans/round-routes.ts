import { Type } from '@sinclair/typebox';
import type { FeaturePlugin } from '../../app-deps.ts';
import { presentErrors, text } from '../../lib/forms.ts';
import { PLAN_STATES } from './plan-states.ts';
import { anySubmitted, statusBoard } from './plan-repository.ts';
import { deadlineStatus, field, isLate, localName, roundsManage, RoundParams, view } from './plan-context.ts';
import { openRound } from './round-service.ts';
import { FormText } from '../../lib/request-schemas.ts';
import { roundScope } from '../../access/request-scope.ts';
import { scoped } from '../../access/scopes.ts';

const RoundBody = Type.Object({
  titleEn: field,
  titleCy: field,
  'deadline-day': field,
  'deadline-month': field,
  'deadline-year': field,
});

/** WG opens a round and follows every LA's plan on the status board. */
export const roundRoutes: FeaturePlugin<'database' | 'clock'> = async (app, { database, clock }) => {
  const db = database.db;

  app.get('/plans/rounds/new', { config: scoped(roundsManage, 'national', 'openRounds') }, async (request, reply) => {
    return reply.page(view('round-new'), {
      title: request.t('laPlans.roundNew.title'),
      activeNav: 'plans',
      values: { deadline: { day: '', month: '', year: '' } },
    });
  });

  app.post(
    '/plans/rounds',
    { config: scoped(roundsManage, 'national', 'openRounds'), schema: { body: RoundBody } },
    async (request, reply) => {
      const b = request.body;
      const form = {
        titleEn: text(b.titleEn),
        titleCy: text(b.titleCy),
        deadline: { day: text(b['deadline-day']), month: text(b['deadline-month']), year: text(b['deadline-year']) },
      };
      const result = await openRound(db, request.user!.id, form);
      if (result.ok) return reply.redirect(`/plans/rounds/${result.row.id}?opened=1`, 303);
      const errors = result.reason === 'invalid' ? result.errors : {};
      return reply.status(400).page(view('round-new'), {
        title: request.t('laPlans.roundNew.title'),
        activeNav: 'plans',
        values: form,
        ...presentErrors(errors, request.t),
      });
    },
  );

  app.get(
    '/plans/rounds/:roundId',
    {
      config: scoped(roundsManage, 'round'),
      schema: { params: RoundParams, querystring: Type.Object({ opened: FormText(2) }) },
    },
    async (request, reply) => {
      const { round, roundTitle } = roundScope(request);
      const [rows, locked] = await Promise.all([statusBoard(db, round.id), anySubmitted(db, round.id)]);
      const now = clock.now();
      const plans = rows.map((p) => ({
        ...p,
        laName: localName(request.lang, p.laNameEn, p.laNameCy),
        late: isLate(round.deadline, p.submittedAt, now),
        readable: p.state !== 'draft',
      }));
      const counts = PLAN_STATES.map((state) => ({ state, n: plans.filter((p) => p.state === state).length }));
      return reply.page(view('board'), {
        title: roundTitle,
        activeNav: 'plans',
        round,
        roundTitle,
        plans,
        counts,
        locked,
        opened: !!request.query.opened,
        late: plans.filter((p) => p.late).length,
        deadline: deadlineStatus(round.deadline, now),
      });
    },
  );
};
