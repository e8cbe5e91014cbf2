import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FeaturePlugin } from '../../app-deps.ts';
import { todayInWales } from '../../lib/clock.ts';
import { presentErrors } from '../../lib/forms.ts';
import { FormText, SchoolNumber, Uuid } from '../../lib/request-schemas.ts';
import type { SchoolRequestContext } from '../../access/loaders/school.ts';
import { governingBodyScope } from '../../access/request-scope.ts';
import { scoped } from '../../access/scopes.ts';
import * as repo from '../../school/approval-delegation-repository.ts';
import { SchoolParams, schoolModel, signedIn, view } from './plan-context.ts';
import { delegateApproval, revokeApprovalDelegation } from './delegation-service.ts';

const DelegationParams = Type.Object({ number: SchoolNumber, delegationId: Uuid });
const NOTICES = ['delegated', 'revoked'];

/**
 * Who records the governing body's approval of the plan: its chair and clerk, and the governors it
 * delegated, whom the chair or the clerk names here and takes back.
 */
export const delegationRoutes: FeaturePlugin<'database' | 'clock'> = async (app, { database, clock }) => {
  const db = database.db;
  const pageUrl = (ctx: SchoolRequestContext) => `/schools/${ctx.school.number}/plan/approvers`;

  async function page(
    request: FastifyRequest,
    reply: FastifyReply,
    ctx: SchoolRequestContext,
    extra: { notice?: string | null; errors?: Record<string, string> } = {},
  ) {
    const body = ctx.school.governingBodyId!;
    const today = todayInWales(clock.now());
    const [officers, governors, delegations] = await Promise.all([
      repo.bodyPeople(db, body, ['chair_of_governors', 'clerk'], today),
      repo.bodyPeople(db, body, ['governor'], today),
      repo.currentDelegations(db, body),
    ]);
    const delegatedIds = new Set(delegations.map((d) => d.userId));
    const invalid = !!extra.errors;
    return reply.status(invalid ? 400 : 200).page(view('approvers'), {
      title: request.t('pages.planApprovers.title'),
      ...schoolModel(ctx),
      officers,
      delegations,
      candidates: governors.filter((g) => !delegatedIds.has(g.userId)),
      notice: extra.notice ?? null,
      ...(invalid ? presentErrors(extra.errors!, request.t) : {}),
    });
  }

  app.get(
    '/schools/:number/plan/approvers',
    {
      config: scoped(signedIn, 'governingBody', 'delegateApproval'),
      schema: { params: SchoolParams, querystring: Type.Object({ done: FormText(20) }) },
    },
    async (request, reply) => {
      const done = request.query.done ?? '';
      const notice = NOTICES.includes(done) ? done : null;
      return page(request, reply, governingBodyScope(request), { notice });
    },
  );

  app.post(
    '/schools/:number/plan/approvers',
    {
      config: scoped(signedIn, 'governingBody', 'delegateApproval'),
      schema: {
        params: SchoolParams,
        body: Type.Object({ userId: Type.Optional(Type.Union([Type.Literal(''), Uuid])) }),
      },
    },
    async (request, reply) => {
      const ctx = governingBodyScope(request);
      const userId = request.body.userId ?? '';
      const outcome = userId
        ? await delegateApproval(db, request.user!.id, ctx.school.governingBodyId!, userId, todayInWales(clock.now()))
        : null;
      if (!outcome?.ok) return page(request, reply, ctx, { errors: { userId: 'pages.planApprovers.errors.governor' } });
      return reply.redirect(`${pageUrl(ctx)}?done=delegated`, 303);
    },
  );

  app.post(
    '/schools/:number/plan/approvers/:delegationId/revoke',
    { config: scoped(signedIn, 'governingBody', 'delegateApproval'), schema: { params: DelegationParams } },
    async (request, reply) => {
      const ctx = governingBodyScope(request);
      await revokeApprovalDelegation(
        db,
        request.user!.id,
        ctx.school.governingBodyId!,
        request.params.delegationId,
        clock.now(),
      );
      return reply.redirect(`${pageUrl(ctx)}?done=revoked`, 303);
    },
  );
};
