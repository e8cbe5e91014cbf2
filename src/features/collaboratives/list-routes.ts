import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { FeaturePlugin } from '../../app-deps.ts';
import { findLocalAuthority } from '../../directory/directory-repository.ts';
import { presentErrors, text } from '../../lib/forms.ts';
import { HttpError } from '../../lib/http-error.ts';
import { manageableLaCodes } from '../../collaboration/manageable-las.ts';
import { ledCollaborativeIds, staffLaCodes, staffSchoolNumbers } from '../../policy/collaborative-policy.ts';
import { formOptions, nameIn } from './collaborative-presenter.ts';
import { COLLABORATIVE_KINDS, COLLABORATIVE_STATUSES, type CollaborativeDetails } from './collaborative-rules.ts';
import * as repo from './collaborative-repository.ts';
import { createCollaborative } from './collaborative-service.ts';
import { FormText } from '../../lib/request-schemas.ts';

const read = { access: { permission: 'collaboratives.read' } } as const;
const manage = { access: { permission: 'collaboratives.manage' } } as const;
const oneOf = (list: readonly string[]) =>
  Type.Optional(Type.Union([Type.Literal(''), ...list.map((v) => Type.Literal(v))]));
const ListQuery = Type.Object({ kind: oneOf(COLLABORATIVE_KINDS), status: oneOf(COLLABORATIVE_STATUSES) });
const field = FormText(1000);
export const DetailsBody = Type.Object({
  kind: field,
  nameEn: field,
  nameCy: field,
  status: field,
  basis: field,
  laCode: field,
});
export const detailsFrom = (b: Record<string, unknown>): CollaborativeDetails => ({
  kind: text(b.kind),
  nameEn: text(b.nameEn),
  nameCy: text(b.nameCy),
  status: text(b.status),
  basis: text(b.basis),
});

/** The user's collaboratives, and creating one: /collaboratives, /collaboratives/new. */
export const collaborativeListRoutes: FeaturePlugin<'database'> = async (app, { database }) => {
  const db = database.db;
  const view = (name: string) => `features/collaboratives/views/${name}.njk`;

  async function laChoices(request: FastifyRequest) {
    const las = await Promise.all((await manageableLaCodes(db, request)).map((code) => findLocalAuthority(db, code)));
    return las
      .filter((la) => la !== null)
      .map((la) => ({ value: la.code, text: request.lang === 'cy' ? la.nameCy : la.nameEn }));
  }

  async function renderNew(
    request: FastifyRequest,
    reply: FastifyReply,
    values: Partial<CollaborativeDetails> & { laCode?: string },
    extra: Record<string, unknown> = {},
    status = 200,
  ) {
    const las = await laChoices(request);
    if (!las.length) throw new HttpError(403, 'forbidden');
    return reply.status(status).page(view('new'), {
      title: request.t('pages.collaboratives.new.title'),
      activeNav: 'collaboratives',
      values,
      las: las.map((la) => ({ ...la, selected: la.value === values.laCode })),
      ...formOptions(request.t, values),
      ...extra,
    });
  }

  app.get('/collaboratives', { config: read, schema: { querystring: ListQuery } }, async (request, reply) => {
    const filter = { kind: request.query.kind || undefined, status: request.query.status || undefined };
    const managed = await manageableLaCodes(db, request);
    const laCodes = [...new Set([...staffLaCodes(request.user), ...managed])];
    const reach = {
      laCodes,
      ledIds: ledCollaborativeIds(request.user),
      schoolNumbers: staffSchoolNumbers(request.user),
      facilitatorId: request.user!.id,
    };
    const rows = await repo.listCollaboratives(db, { ...reach, ...filter });
    return reply.page(view('list'), {
      title: request.t('pages.collaboratives.title'),
      activeNav: 'collaboratives',
      filter,
      laCodes: staffLaCodes(request.user),
      canCreate: managed.length > 0,
      rows: rows.map((r) => ({ ...r, name: nameIn(request.lang, r) })),
      kinds: COLLABORATIVE_KINDS,
      statuses: COLLABORATIVE_STATUSES,
    });
  });

  app.get('/collaboratives/new', { config: manage }, async (request, reply) =>
    renderNew(request, reply, { status: 'forming', laCode: (await manageableLaCodes(db, request))[0] }),
  );

  app.post('/collaboratives', { config: manage, schema: { body: DetailsBody } }, async (request, reply) => {
    const input = detailsFrom(request.body);
    const managed = await manageableLaCodes(db, request);
    const laCode = text(request.body.laCode) || managed[0] || '';
    if (!managed.includes(laCode))
      return renderNew(
        request,
        reply,
        { ...input, laCode },
        presentErrors({ laCode: 'pages.collaboratives.errors.laCode' }, request.t),
        400,
      );
    const result = await createCollaborative(db, request.user!.id, laCode, input);
    if (result.ok) return reply.redirect(`/collaboratives/${result.collaborative.id}?created=1`, 303);
    if (result.reason !== 'invalid') throw new HttpError(400, 'bad-request');
    return renderNew(request, reply, { ...input, laCode }, presentErrors(result.errors, request.t), 400);
  });
};
