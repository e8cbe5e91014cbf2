import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { FeaturePlugin } from '../../app-deps.ts';
import { todayInWales } from '../../lib/clock.ts';
import { dateToParts } from '../../lib/govuk-date-input.ts';
import { STATES } from './concern-reference.ts';
import { CaseParams, caseModel, concernRead, dateFields, field, view } from './concern-access.ts';
import { type CaseContext } from '../../access/loaders/concern-case.ts';
import { checkExitForm, readExitForm, type ExitForm } from './concern-forms.ts';
import { orderedErrors } from './concern-presenter.ts';
import * as repo from './concern-repository.ts';
import {
  canExit,
  canIssueNotice,
  canRecordIntervention,
  complianceEnds,
  isOpenCase,
  nextStates,
} from './concern-rules.ts';
import { exitCase, moveState, recordView } from './concern-service.ts';
import { Version } from '../../lib/request-schemas.ts';
import { concernCaseScope } from '../../access/request-scope.ts';
import { scoped } from '../../access/scopes.ts';

const StateBody = Type.Object({ version: Version, state: Type.Union(STATES.map((s) => Type.Literal(s))) });
const ExitBody = Type.Object({ version: Version, exitReason: field, ...dateFields('exitedOn') });
const DONE = ['opened', 'state', 'stale', 'notice', 'intervention', 'support-added', 'support-saved', 'exited'];

/** The case page (every GET audited), moving it on, and exit. */
export const concernCaseRoutes: FeaturePlugin<'database' | 'clock'> = async (app, { database, clock }) => {
  const db = database.db;

  app.get(
    '/concern-cases/:id',
    { config: scoped(concernRead, 'concernCase'), schema: { params: CaseParams } },
    async (request, reply) => {
      const ctx = concernCaseScope(request);
      const c = ctx.concernCase;
      await recordView(db, request.user!.id, 'concern-case-view', { type: 'concern_case', id: c.id }, c.id);
      const [notices, interventions, supportItems] = await Promise.all([
        repo.listNotices(db, c.id),
        repo.listInterventions(db, c.id),
        repo.listSupportItems(db, c.id),
      ]);
      const query = request.query as Record<string, unknown>;
      const done = DONE.find((d) => query[d] === '1' || query.done === d) ?? null;
      return reply.page(view('case'), {
        ...caseModel(request, ctx, request.t('concern.case.title', { school: c.schoolName })),
        done,
        notices: notices.map((n) => ({ ...n, complianceEnds: complianceEnds(n.issuedOn, n.compliancePeriodDays) })),
        interventions,
        supportItems,
        // An exited case can no longer change: no "what the LA can do next" heading over an empty list.
        actions:
          ctx.can.manage && isOpenCase(c)
            ? {
                nextStates: nextStates(c),
                notice: canIssueNotice(c),
                intervention: canRecordIntervention(c),
                support: isOpenCase(c),
                exit: canExit(c),
              }
            : null,
      });
    },
  );

  app.post(
    '/concern-cases/:id/state',
    { config: scoped(concernRead, 'concernCase', 'manage'), schema: { params: CaseParams, body: StateBody } },
    async (request, reply) => {
      const { concernCase } = concernCaseScope(request);
      const result = await moveState(
        db,
        request.user!.id,
        concernCase,
        request.body.version,
        request.body.state,
        clock.now(),
      );
      if (!result.ok && result.reason === 'not-allowed')
        return reply.code(400).send({ message: request.t('concern.errors.stateNotAllowed') });
      return reply.redirect(`/concern-cases/${concernCase.id}?done=${result.ok ? 'state' : 'stale'}`, 303);
    },
  );

  const renderExit = (
    request: FastifyRequest,
    reply: FastifyReply,
    ctx: CaseContext,
    form: ExitForm,
    version: number,
    extra: Record<string, unknown> = {},
    status = 200,
  ) =>
    reply
      .status(status)
      .page(view('exit'), { ...caseModel(request, ctx, request.t('concern.exit.title')), form, version, ...extra });

  app.get(
    '/concern-cases/:id/exit',
    { config: scoped(concernRead, 'concernCase', 'manage'), schema: { params: CaseParams } },
    async (request, reply) => {
      const ctx = concernCaseScope(request);
      if (!canExit(ctx.concernCase)) return reply.redirect(`/concern-cases/${ctx.concernCase.id}`, 303);
      return renderExit(
        request,
        reply,
        ctx,
        { exitedOn: dateToParts(todayInWales(clock.now())), exitReason: '' },
        ctx.concernCase.version,
      );
    },
  );

  app.post(
    '/concern-cases/:id/exit',
    { config: scoped(concernRead, 'concernCase', 'manage'), schema: { params: CaseParams, body: ExitBody } },
    async (request, reply) => {
      const ctx = concernCaseScope(request);
      const c = ctx.concernCase;
      const form = readExitForm(request.body);
      const checked = checkExitForm(form, { today: todayInWales(clock.now()), openedOn: c.openedOn });
      if (!checked.ok)
        return renderExit(
          request,
          reply,
          ctx,
          form,
          request.body.version,
          orderedErrors(checked.errors, ['exitedOn-day', 'exitReason'], request.t),
          400,
        );
      const result = await exitCase(db, request.user!.id, c, request.body.version, checked.values, clock.now());
      return reply.redirect(`/concern-cases/${c.id}?done=${result.ok ? 'exited' : 'stale'}`, 303);
    },
  );
};
