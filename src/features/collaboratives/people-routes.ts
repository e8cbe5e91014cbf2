import { Type } from '@sinclair/typebox';
import type { FeaturePlugin } from '../../app-deps.ts';
import { text } from '../../lib/forms.ts';
import { HttpError } from '../../lib/http-error.ts';
import { problemErrors } from './collaborative-presenter.ts';
import * as service from './collaborative-service.ts';
import { IdParams, renderCollaborative } from './detail-routes.ts';
import { FormText, isUuid, SchoolNumber, Uuid } from '../../lib/request-schemas.ts';
import { collaborativeScope } from '../../access/request-scope.ts';
import { scoped } from '../../access/scopes.ts';

const manage = { access: { permission: 'collaboratives.manage' } } as const;
const MemberParams = Type.Object({ id: Uuid, number: SchoolNumber });
const UserParams = Type.Object({ id: Uuid, userId: Uuid });
const SchoolBody = Type.Object({ school: FormText(100) });
const PersonBody = Type.Object({ person: FormText(100) });

/** Member schools, leads and LA facilitators: added and removed by the LA officer who manages it. */
export const collaborativePeopleRoutes: FeaturePlugin<'database' | 'clock'> = async (app, deps) => {
  const db = deps.database.db;
  const back = (id: string, anchor: string) => `/collaboratives/${id}?saved=1#${anchor}`;

  app.post(
    '/collaboratives/:id/members',
    { config: scoped(manage, 'collaborative', 'manage'), schema: { params: IdParams, body: SchoolBody } },
    async (request, reply) => {
      const ctx = collaborativeScope(request);
      const number = text(request.body.school).replace(/\s+/g, '');
      const result = await service.addMember(db, request.user!.id, ctx.collaborative, number);
      if (result.ok) return reply.redirect(back(ctx.collaborative.id, 'members'), 303);
      return renderCollaborative(
        deps,
        request,
        reply,
        ctx,
        { schoolValue: number, ...problemErrors(request.t, 'school', result.problem) },
        400,
      );
    },
  );

  app.post(
    '/collaboratives/:id/members/:number/remove',
    { config: scoped(manage, 'collaborative', 'manage'), schema: { params: MemberParams } },
    async (request, reply) => {
      const ctx = collaborativeScope(request);
      if (!(await service.removeMember(db, request.user!.id, ctx.collaborative.id, request.params.number)))
        throw new HttpError(404, 'not-found');
      return reply.redirect(back(ctx.collaborative.id, 'members'), 303);
    },
  );

  app.post(
    '/collaboratives/:id/leads',
    { config: scoped(manage, 'collaborative', 'manage'), schema: { params: IdParams, body: PersonBody } },
    async (request, reply) => {
      const ctx = collaborativeScope(request);
      const person = text(request.body.person);
      const result = isUuid(person)
        ? await service.addLead(db, request.user!.id, ctx.collaborative.id, person)
        : { ok: false as const, problem: { key: 'pages.collaboratives.errors.choosePerson', values: {} } };
      if (result.ok) return reply.redirect(back(ctx.collaborative.id, 'leads'), 303);
      return renderCollaborative(deps, request, reply, ctx, problemErrors(request.t, 'lead', result.problem), 400);
    },
  );

  app.post(
    '/collaboratives/:id/leads/:userId/remove',
    { config: scoped(manage, 'collaborative', 'manage'), schema: { params: UserParams } },
    async (request, reply) => {
      const ctx = collaborativeScope(request);
      if (!(await service.removeLead(db, request.user!.id, ctx.collaborative.id, request.params.userId)))
        throw new HttpError(404, 'not-found');
      return reply.redirect(back(ctx.collaborative.id, 'leads'), 303);
    },
  );

  app.post(
    '/collaboratives/:id/facilitators',
    { config: scoped(manage, 'collaborative', 'manage'), schema: { params: IdParams, body: PersonBody } },
    async (request, reply) => {
      const ctx = collaborativeScope(request);
      const person = text(request.body.person);
      const result = isUuid(person)
        ? await service.addFacilitator(db, request.user!.id, ctx.collaborative, person)
        : { ok: false as const, problem: { key: 'pages.collaboratives.errors.choosePerson', values: {} } };
      if (result.ok) return reply.redirect(back(ctx.collaborative.id, 'facilitators'), 303);
      return renderCollaborative(
        deps,
        request,
        reply,
        ctx,
        problemErrors(request.t, 'facilitator', result.problem),
        400,
      );
    },
  );

  app.post(
    '/collaboratives/:id/facilitators/:userId/remove',
    { config: scoped(manage, 'collaborative', 'manage'), schema: { params: UserParams } },
    async (request, reply) => {
      const ctx = collaborativeScope(request);
      if (!(await service.removeFacilitator(db, request.user!.id, ctx.collaborative.id, request.params.userId)))
        throw new HttpError(404, 'not-found');
      return reply.redirect(back(ctx.collaborative.id, 'facilitators'), 303);
    },
  );
};
