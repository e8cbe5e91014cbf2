import { withReaderTexts } from '../../lib/reader-texts.ts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { AppDeps, FeaturePlugin } from '../../app-deps.ts';
import { utcDate } from '../../lib/clock.ts';
import { findLocalAuthority } from '../../directory/directory-repository.ts';
import { presentErrors } from '../../lib/forms.ts';
import { type CollaborativeContext } from '../../access/loaders/collaborative.ts';
import { displayValue, formOptions, nameIn, peopleOptions, problemErrors } from './collaborative-presenter.ts';
import * as repo from './collaborative-repository.ts';
import { comingUp } from './overview-repository.ts';
import { updateCollaborative } from './collaborative-service.ts';
import { DetailsBody, detailsFrom } from './list-routes.ts';
import { Uuid, Version } from '../../lib/request-schemas.ts';
import { collaborativeScope } from '../../access/request-scope.ts';
import { scoped } from '../../access/scopes.ts';

const read = { access: { permission: 'collaboratives.read' } } as const;
const manage = { access: { permission: 'collaboratives.manage' } } as const;
export const IdParams = Type.Object({ id: Uuid });
const EditBody = Type.Composite([DetailsBody, Type.Object({ version: Version })]);
const CONFLICT_FIELDS = ['kind', 'nameEn', 'nameCy', 'basis', 'status'] as const;

/** The collaborative's page with everything on it; the people forms re-render it with their errors. */
export async function renderCollaborative(
  app: Pick<AppDeps, 'database' | 'clock'>,
  request: FastifyRequest,
  reply: FastifyReply,
  ctx: CollaborativeContext,
  extra: Record<string, unknown> = {},
  status = 200,
) {
  const db = app.database.db;
  const c = ctx.collaborative;
  const [members, leads, facilitators, la] = await Promise.all([
    repo.listMembers(db, c.id),
    repo.listLeads(db, c.id),
    repo.listFacilitators(db, c.id),
    c.laCode ? findLocalAuthority(db, c.laCode) : null,
  ]);
  const coming = ctx.can.space ? await comingUp(db, c.id, utcDate(app.clock.now())) : null;
  const [leadCandidates, facilitatorCandidates] = ctx.can.manage
    ? await Promise.all([repo.leadCandidates(db, c.id), c.laCode ? repo.facilitatorCandidates(db, c.laCode) : []])
    : [[], []];
  return reply.status(status).page('features/collaboratives/views/detail.njk', {
    title: nameIn(request.lang, c),
    activeNav: 'collaboratives',
    collaborative: c,
    collabCan: ctx.can,
    collaborativeSection: 'overview',
    comingUp: coming && {
      nextMeetings: coming.nextMeetings.map((m) => withReaderTexts(m, ['title'], request.lang)),
      enquiries: coming.enquiries.map((e) => withReaderTexts(e, ['question'], request.lang)),
    },
    members,
    // The member schools' local authorities by name, for a collaborative that crosses borders.
    memberLas: [...new Set(members.map((m) => (request.lang === 'cy' ? m.laNameCy : m.laNameEn) ?? m.laCode))],
    leads,
    facilitators,
    laName: la ? (request.lang === 'cy' ? la.nameCy : la.nameEn) : '',
    leadOptions: peopleOptions(request.t, leadCandidates, leads),
    facilitatorOptions: peopleOptions(request.t, facilitatorCandidates, facilitators),
    created: (request.query as Record<string, unknown>).created === '1',
    ...extra,
  });
}

/** /collaboratives/:id and its details form, with optimistic locking. */
export const collaborativeDetailRoutes: FeaturePlugin<'database' | 'clock'> = async (app, deps) => {
  const db = deps.database.db;
  const editView = 'features/collaboratives/views/edit.njk';

  app.get(
    '/collaboratives/:id',
    { config: scoped(read, 'collaborative'), schema: { params: IdParams } },
    async (request, reply) => renderCollaborative(deps, request, reply, collaborativeScope(request)),
  );

  app.get(
    '/collaboratives/:id/edit',
    { config: scoped(manage, 'collaborative', 'manage'), schema: { params: IdParams } },
    async (request, reply) => {
      const { collaborative } = collaborativeScope(request);
      const values = { ...collaborative, basis: collaborative.basis ?? '' };
      return reply.page(editView, {
        title: request.t('pages.collaboratives.edit.title'),
        activeNav: 'collaboratives',
        collaborative,
        values,
        ...formOptions(request.t, values),
      });
    },
  );

  app.post(
    '/collaboratives/:id/edit',
    { config: scoped(manage, 'collaborative', 'manage'), schema: { params: IdParams, body: EditBody } },
    async (request, reply) => {
      const { collaborative } = collaborativeScope(request);
      const input = detailsFrom(request.body);
      const result = await updateCollaborative(db, request.user!.id, collaborative, request.body.version, input);
      if (result.ok) return reply.redirect(`/collaboratives/${collaborative.id}?saved=1`, 303);
      const model = {
        title: request.t('pages.collaboratives.edit.title'),
        activeNav: 'collaboratives',
        collaborative,
        ...formOptions(request.t, input),
      };
      if (result.reason === 'invalid') {
        const errors = result.problem
          ? problemErrors(request.t, 'kind', result.problem)
          : presentErrors(result.errors, request.t);
        return reply
          .status(400)
          .page(editView, { ...model, values: { ...input, version: request.body.version }, ...errors });
      }
      // What the other person saved beside what this person typed; saving again keeps this person's knowingly.
      const theirs = { ...result.current, basis: result.current.basis ?? '' };
      const conflict = CONFLICT_FIELDS.filter((f) => theirs[f] !== input[f]).map((f) => ({
        label: request.t(`pages.collaboratives.fields.${f}`),
        theirs: displayValue(request.t, f, theirs[f]),
        yours: displayValue(request.t, f, input[f]),
      }));
      return reply.status(409).page(editView, {
        ...model,
        collaborative: result.current,
        values: { ...input, version: result.current.version },
        conflict,
        errors: [{ text: request.t('common.conflict.title'), href: '#conflict' }],
      });
    },
  );
};
