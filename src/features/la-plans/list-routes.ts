import { Type } from '@sinclair/typebox';
import type { FeaturePlugin } from '../../app-deps.ts';
import { laModel } from '../../local-authority/la-model.ts';
import { laStaffCodes } from '../../policy/la-policy.ts';
import { hasRole } from '../../policy/policy.ts';
import { wgCan } from '../../policy/national-policy.ts';
import { currentPlanForLa, listPlans, listRounds } from './plan-repository.ts';
import { deadlineStatus, localName, plansRead, view } from './plan-context.ts';
import { planSummary } from './plan-summary.ts';
import { LaCode } from '../../lib/request-schemas.ts';
import { laScope } from '../../access/request-scope.ts';
import { scoped } from '../../access/scopes.ts';

/** `/plans`: WG's rounds; LA staff's own plans; the final plans LAs shared with each other. */
export const listRoutes: FeaturePlugin<'database' | 'clock'> = async (app, { database, clock }) => {
  const db = database.db;

  app.get('/plans', { config: plansRead }, async (request, reply) => {
    const lang = request.lang;
    const wg = wgCan(request.user).openRounds;
    const laCodes = laStaffCodes(request.user);
    const [rounds, own, shared] = await Promise.all([
      wg ? listRounds(db) : [],
      laCodes.length ? listPlans(db, { laCodes }) : [],
      hasRole(request.user, 'la_officer') ? listPlans(db, { sharedFinal: true }) : [],
    ]);
    const name = (p: { laNameEn: string; laNameCy: string; round: { titleEn: string; titleCy: string } }) => ({
      laName: localName(lang, p.laNameEn, p.laNameCy),
      roundTitle: localName(lang, p.round.titleEn, p.round.titleCy),
    });
    return reply.page(view('index'), {
      title: request.t('laPlans.index.title'),
      activeNav: 'plans',
      opensRounds: wg,
      rounds: rounds.map((r) => ({
        ...r,
        title: localName(lang, r.titleEn, r.titleCy),
        deadlineStatus: deadlineStatus(r.deadline, clock.now()),
      })),
      own: own.map((p) => ({ ...p, ...name(p) })),
      shared: shared.filter((p) => !laCodes.includes(p.laCode)).map((p) => ({ ...p, ...name(p) })),
    });
  });

  app.get(
    '/local-authorities/:code/plan',
    { config: scoped(plansRead, 'la'), schema: { params: Type.Object({ code: LaCode }) } },
    async (request, reply) => {
      const ctx = laScope(request);
      const plan = await currentPlanForLa(db, ctx.la.code);
      const model = { title: request.t('laPlans.laPage.title', { la: ctx.laName }), ...laModel(ctx, 'plan') };
      if (!plan) return reply.page(view('la-plan'), model);
      return reply.page(view('la-plan'), { ...model, ...(await planSummary(db, request, plan, clock.now())) });
    },
  );
};
