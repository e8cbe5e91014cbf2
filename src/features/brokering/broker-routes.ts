import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { FeaturePlugin } from '../../app-deps.ts';
import { presentErrors } from '../../lib/forms.ts';
import { HttpError } from '../../lib/http-error.ts';
import { laModel } from '../../local-authority/la-model.ts';
import { agreementInput, parseAgreement } from './brokering-forms.ts';
import { brokerPage, requestForm, type Broker } from './broker-model.ts';
import * as repo from './brokering-repository.ts';
import { agreeMatch, suggestionsFor } from './brokering-service.ts';
import { FormText, LaCode, readVersion, Uuid } from '../../lib/request-schemas.ts';
import { laScope } from '../../access/request-scope.ts';
import { scoped } from '../../access/scopes.ts';
import { collaborativeScope } from '../../access/request-scope.ts';

const la = { access: { permission: 'la.read' } } as const;
const collab = { access: { permission: 'collaboratives.read' } } as const;
const LaParams = Type.Object({ code: LaCode });
const LaRequestParams = Type.Object({ code: LaCode, requestId: Uuid });
const CollabParams = Type.Object({ id: Uuid });
const CollabRequestParams = Type.Object({ id: Uuid, requestId: Uuid });
const s = FormText;
const AgreeBody = Type.Object({
  supporter: s(20),
  otherSchool: s(20),
  what: s(5000),
  days: s(20),
  cost: s(20),
  language: s(5),
  version: s(10),
  'startsOn-day': s(4),
  'startsOn-month': s(4),
  'startsOn-year': s(6),
  'endsOn-day': s(4),
  'endsOn-month': s(4),
  'endsOn-year': s(6),
});

/** The LA's and a collaborative's brokering: open requests with suggestions, and agreeing a match. */
export const brokerRoutes: FeaturePlugin<'database' | 'clock'> = async (app, { database, clock }) => {
  const db = database.db;
  const view = (name: string) => `features/brokering/views/${name}.njk`;

  const laBroker = (request: FastifyRequest): Broker => {
    const ctx = laScope(request);
    return {
      kind: 'la',
      base: `/local-authorities/${ctx.la.code}/brokering`,
      layout: laModel(ctx, 'brokering'),
      owns: (r) => r.schoolLa === ctx.la.code && r.request.brokerCollaborativeId === null,
      list: (statuses) => repo.requestsBrokeredByLa(db, ctx.la.code, statuses),
      givenAway: async () =>
        (await repo.openRequestsOfLaSchools(db, ctx.la.code)).filter((r) => r.request.brokerCollaborativeId !== null),
    };
  };
  const collaborativeBroker = (request: FastifyRequest): Broker => {
    const { collaborative, can } = collaborativeScope(request);
    return {
      kind: 'collaborative',
      base: `/collaboratives/${collaborative.id}/brokering`,
      layout: { collaborative, collabCan: can, collaborativeSection: 'brokering', activeNav: 'collaboratives' },
      owns: (r) => r.request.brokerCollaborativeId === collaborative.id,
      list: (statuses) => repo.requestsBrokeredByCollaborative(db, collaborative.id, statuses),
    };
  };

  const showList = async (request: FastifyRequest, reply: FastifyReply, broker: Broker) =>
    reply.page(view(`broker-${broker.kind}`), {
      title: request.t('brokering.broker.title'),
      ...broker.layout,
      ...(await brokerPage(db, request, broker)),
    });

  async function openRequest(broker: Broker, requestId: string) {
    const row = await repo.findRequestRow(db, requestId);
    if (!row || !broker.owns(row)) throw new HttpError(404, 'not-found');
    return row;
  }

  async function showAgree(request: FastifyRequest, reply: FastifyReply, broker: Broker, requestId: string) {
    const row = await openRequest(broker, requestId);
    if (row.request.status !== 'open') return reply.redirect(`${broker.base}?done=already`, 303);
    return reply.page(view(`agree-${broker.kind}`), {
      title: request.t('brokering.agree.title'),
      ...broker.layout,
      ...(await requestForm(db, request, broker, row)),
      values: { language: request.lang, version: row.request.version, starts: {}, ends: {} },
    });
  }

  async function agree(request: FastifyRequest, reply: FastifyReply, broker: Broker, requestId: string) {
    const row = await openRequest(broker, requestId);
    const form = await requestForm(db, request, broker, row);
    const input = agreementInput(request.body as Record<string, unknown>);
    const version = readVersion(input.version);
    const page = (status: number, extra: Record<string, unknown>) =>
      reply.status(status).page(view(`agree-${broker.kind}`), {
        title: request.t('brokering.agree.title'),
        ...broker.layout,
        ...form,
        values: input,
        ...extra,
      });
    if (row.request.status !== 'open' || version === null)
      return page(409, {
        errors: [{ text: request.t('brokering.errors.agree.stale'), href: '#supporter' }],
        stale: true,
      });
    const parsed = parseAgreement(input);
    if (!parsed.ok) return page(400, presentErrors(parsed.errors, request.t));
    const result = await agreeMatch(
      db,
      request.user!.id,
      row,
      version,
      parsed.values,
      await suggestionsFor(db, row),
      clock.now(),
    );
    if (result.ok) return reply.redirect(`${broker.base}?done=agreed`, 303);
    if (result.reason === 'invalid') return page(400, presentErrors(result.errors, request.t));
    return page(409, {
      errors: [{ text: request.t('brokering.errors.agree.stale'), href: '#supporter' }],
      stale: true,
    });
  }

  const done = Type.Object({ done: s(20) });
  app.get(
    '/local-authorities/:code/brokering',
    { config: scoped(la, 'la', 'broker'), schema: { params: LaParams, querystring: done } },
    async (request, reply) => showList(request, reply, laBroker(request)),
  );
  app.get(
    '/collaboratives/:id/brokering',
    { config: scoped(collab, 'collaborative', 'convene'), schema: { params: CollabParams, querystring: done } },
    async (request, reply) => showList(request, reply, collaborativeBroker(request)),
  );
  app.get(
    '/local-authorities/:code/brokering/:requestId/agree',
    { config: scoped(la, 'la', 'broker'), schema: { params: LaRequestParams } },
    async (request, reply) => showAgree(request, reply, laBroker(request), request.params.requestId),
  );
  app.get(
    '/collaboratives/:id/brokering/:requestId/agree',
    { config: scoped(collab, 'collaborative', 'convene'), schema: { params: CollabRequestParams } },
    async (request, reply) => showAgree(request, reply, collaborativeBroker(request), request.params.requestId),
  );
  app.post(
    '/local-authorities/:code/brokering/:requestId/agree',
    { config: scoped(la, 'la', 'broker'), schema: { params: LaRequestParams, body: AgreeBody } },
    async (request, reply) => agree(request, reply, laBroker(request), request.params.requestId),
  );
  app.post(
    '/collaboratives/:id/brokering/:requestId/agree',
    { config: scoped(collab, 'collaborative', 'convene'), schema: { params: CollabRequestParams, body: AgreeBody } },
    async (request, reply) => agree(request, reply, collaborativeBroker(request), request.params.requestId),
  );
};
