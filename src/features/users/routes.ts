import type { FastifyReply, FastifyRequest } from 'fastify';
import multipart from '@fastify/multipart';
import { registerPeoplePages } from './people-routes.ts';
import { MAX_BYTES } from './people-csv.ts';
import { Type } from '@sinclair/typebox';
import type { FeaturePlugin } from '../../app-deps.ts';
import { createTranslator } from '../../plugins/i18n.ts';
import { hasErrors, presentErrors, text } from '../../lib/forms.ts';
import { HttpError } from '../../lib/http-error.ts';
import { pageOf, paginationModel } from '../../lib/pagination.ts';
import { ROLE_NAMES } from '../../policy/roles.ts';
import * as service from './user-service.ts';
import * as repo from './user-repository.ts';
import { userDetailModel } from './user-presenter.ts';
import { setPasswordEmail } from './set-password-email.ts';
import { BoundedInteger, FormText, ScopeKey, Uuid } from '../../lib/request-schemas.ts';

const manage = { access: { permission: 'users.manage' } } as const;
const Id = Type.Object({ id: Uuid });
const AssignmentParams = Type.Object({ id: Uuid, assignmentId: Uuid });
const ListQuery = Type.Object({
  q: FormText(200),
  role: Type.Optional(Type.Union([Type.Literal(''), ...ROLE_NAMES.map((r) => Type.Literal(r))])),
  page: Type.Optional(BoundedInteger(1, 100000)),
});
const field = FormText(400);
const NewUserBody = Type.Object({
  displayName: field,
  email: field,
  preferredLanguage: field,
  role: field,
  scopeId: Type.Optional(ScopeKey),
});
const AssignmentBody = Type.Object({ role: field, scopeId: Type.Optional(ScopeKey) });
const StatusBody = Type.Object({ active: Type.Union([Type.Literal('true'), Type.Literal('false')]) });
const PAGE_SIZE = 25;

export const userRoutes: FeaturePlugin<'database' | 'mailer' | 'config' | 'clock'> = async (
  app,
  { database, mailer, config, clock },
) => {
  const db = database.db;
  const tFor = await createTranslator();
  const deps: service.UserServiceDeps = {
    db,
    mailer,
    publicUrl: config.publicUrl,
    passwordEmail: (letter) => setPasswordEmail(tFor, letter),
    clock,
  };
  const view = (name: string) => `features/users/views/${name}.njk`;
  // The people pages of schools, LAs and Wales; encapsulated so that only they accept multipart (the CSV upload).
  await app.register(async (peopleApp) => {
    await peopleApp.register(multipart, {
      attachFieldsToBody: true,
      limits: { fileSize: MAX_BYTES, files: 1, fields: 4 },
    });
    registerPeoplePages(peopleApp, deps, clock);
  });
  const localAuthorities = await repo.listLocalAuthorities(db);
  const formOptions = { roles: ROLE_NAMES, localAuthorities };
  const logTo = (request: FastifyRequest) => (err: unknown) => request.log.error({ err }, 'set-password email failed');

  async function renderDetail(
    request: FastifyRequest,
    reply: FastifyReply,
    id: string,
    extra: Record<string, unknown> = {},
    status = 200,
  ) {
    const user = await repo.findUser(db, id);
    if (!user) throw new HttpError(404, 'not-found');
    const model = await userDetailModel(db, user, request.lang);
    return reply
      .status(status)
      .page(view('detail'), { title: user.displayName, activeNav: 'users', ...formOptions, ...model, ...extra });
  }

  app.get('/admin/users', { config: manage, schema: { querystring: ListQuery } }, async (request, reply) => {
    const filter = { q: request.query.q, role: request.query.role || undefined };
    const page = pageOf(request.query.page, PAGE_SIZE);
    const { rows, total } = await repo.listUsers(db, filter, page);
    return reply.page(view('list'), {
      title: request.t('pages.users.title'),
      activeNav: 'users',
      rows,
      total,
      filter,
      roles: ROLE_NAMES,
      pagination: paginationModel(request, total, page, request.t),
    });
  });

  app.get('/admin/users/new', { config: manage }, (request, reply) =>
    reply.page(view('new'), {
      title: request.t('pages.users.new.title'),
      activeNav: 'users',
      values: { preferredLanguage: 'en' },
      ...formOptions,
    }),
  );

  app.post('/admin/users', { config: manage, schema: { body: NewUserBody } }, async (request, reply) => {
    const b = request.body;
    const input = {
      displayName: text(b.displayName),
      email: text(b.email),
      preferredLanguage: text(b.preferredLanguage),
      role: text(b.role),
      scopeId: text(b.scopeId),
    };
    const errors = await service.validateNewUser(db, input);
    if (hasErrors(errors)) {
      return reply.status(400).page(view('new'), {
        title: request.t('pages.users.new.title'),
        activeNav: 'users',
        values: input,
        ...formOptions,
        ...presentErrors(errors, request.t),
      });
    }
    const { userId, link } = await service.createUser(deps, request.user!.id, input, logTo(request));
    return renderDetail(request, reply, userId, { link, created: true }, 201);
  });

  app.get('/admin/users/:id', { config: manage, schema: { params: Id } }, (request, reply) =>
    renderDetail(request, reply, request.params.id),
  );

  app.post(
    '/admin/users/:id/assignments',
    { config: manage, schema: { params: Id, body: AssignmentBody } },
    async (request, reply) => {
      const input = { role: text(request.body.role), scopeId: text(request.body.scopeId) };
      const { errors, role, scopeId } = await service.validateAssignment(db, input);
      if (hasErrors(errors))
        return renderDetail(
          request,
          reply,
          request.params.id,
          { values: input, ...presentErrors(errors, request.t) },
          400,
        );
      if (!(await repo.findUser(db, request.params.id))) throw new HttpError(404, 'not-found');
      await service.addAssignment(db, request.user!.id, request.params.id, role!, scopeId ?? null);
      return reply.redirect(`/admin/users/${request.params.id}`, 303);
    },
  );

  app.post(
    '/admin/users/:id/assignments/:assignmentId/delete',
    { config: manage, schema: { params: AssignmentParams } },
    async (request, reply) => {
      if (!(await service.removeAssignment(db, request.user!.id, request.params.id, request.params.assignmentId)))
        throw new HttpError(404, 'not-found');
      return reply.redirect(`/admin/users/${request.params.id}`, 303);
    },
  );

  app.post('/admin/users/:id/password-link', { config: manage, schema: { params: Id } }, async (request, reply) => {
    const link = await service.reissueLink(deps, request.user!.id, request.params.id, logTo(request));
    if (!link) throw new HttpError(404, 'not-found');
    return renderDetail(request, reply, request.params.id, { link });
  });

  app.post(
    '/admin/users/:id/status',
    { config: manage, schema: { params: Id, body: StatusBody } },
    async (request, reply) => {
      if (request.params.id === request.user!.id) throw new HttpError(400, 'bad-request');
      if (!(await repo.findUser(db, request.params.id))) throw new HttpError(404, 'not-found');
      await service.setUserActive(db, request.user!.id, request.params.id, request.body.active === 'true', clock.now());
      return reply.redirect(`/admin/users/${request.params.id}`, 303);
    },
  );
};
