import type { FastifyRequest } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { FeaturePlugin } from '../../app-deps.ts';
import type { Db } from '../../db/client.ts';
import { presentErrors, type FieldErrors } from '../../lib/forms.ts';
import { HttpError } from '../../lib/http-error.ts';
import { findSchoolContext } from '../../school/school-repository.ts';
import { learnerDataFlags } from '../evidence/evidence-learner-check.ts';
import { EnquiryParams, enquiryHref, field, NoteParams, pageModel, read, view } from './enquiry-context.ts';
import { type EnquiryContext } from '../../access/loaders/enquiry.ts';
import { todayInWales } from '../../lib/clock.ts';
import { noteFormOf, validateNote, type NoteForm } from './enquiry-form.ts';
import { mayEditNote } from '../../policy/enquiry-policy.ts';
import { activityItems, noteConflict } from './enquiry-presenter.ts';
import * as repo from './enquiry-repository.ts';
import { createNote, editNote } from './enquiry-work-service.ts';
import { Version } from '../../lib/request-schemas.ts';
import { enquiryScope } from '../../access/request-scope.ts';
import { scoped } from '../../access/scopes.ts';

const NoteBody = Type.Object({
  activity: field,
  hostColleague: field,
  body: field,
  learnerDataChecked: field,
  version: Type.Optional(Version),
  'observedOn-day': field,
  'observedOn-month': field,
  'observedOn-year': field,
});

function noteModel(
  request: FastifyRequest,
  ctx: EnquiryContext,
  form: NoteForm,
  action: string,
  extra: Record<string, unknown> = {},
) {
  const t = request.t;
  return {
    ...pageModel(ctx, t(extra.version ? 'enquiries.notes.editTitle' : 'enquiries.notes.newTitle'), request.lang),
    form,
    action,
    activityItems: activityItems(t, form.activity),
    ...extra,
  };
}

/**
 * Checks a note as typed: the fields, then what might identify a learner (DOMAIN.md section 7
 * rule 5), which the author must change or confirm, as on the evidence form.
 */
async function checkNote(db: Db, request: FastifyRequest, ctx: EnquiryContext) {
  const checked = validateNote(request.body as Record<string, unknown>);
  const host = (await findSchoolContext(db, ctx.enquiry.hostSchoolNumber))!;
  const flags = learnerDataFlags({ title: '', body: checked.values.body }, host, []);
  const errors: FieldErrors = { ...checked.errors };
  if (flags.length && !checked.form.learnerDataChecked) errors.learnerDataChecked = 'enquiries.errors.learnerData';
  const warning = flags.map((f) => ({
    text: request.t(`pages.evidence.learnerData.reason.${f.reason}`, { match: f.match }),
    href: '#body',
    link: request.t('enquiries.notes.changeNote'),
  }));
  return { ...checked, errors, warning, flags: flags.map((f) => f.reason) };
}

/** Evidence notes made on site by the team, each naming the host colleague who was present. */
export const enquiryNoteRoutes: FeaturePlugin<'database' | 'clock'> = async (app, deps) => {
  const db = deps.database.db;
  const clock = deps.clock;
  const base = (ctx: EnquiryContext) => enquiryHref(ctx.collaborative.id, ctx.enquiry.id);

  app.get(
    '/collaboratives/:id/enquiries/:enquiryId/notes/new',
    { config: scoped(read, 'enquiry', 'writeNote'), schema: { params: EnquiryParams } },
    async (request, reply) => {
      const ctx = enquiryScope(request);
      const form = noteFormOf({ observedOn: todayInWales(clock.now()), activity: '', hostColleague: '', body: '' });
      return reply.page(view('note-form'), noteModel(request, ctx, form, `${base(ctx)}/notes/new`));
    },
  );

  app.post(
    '/collaboratives/:id/enquiries/:enquiryId/notes/new',
    { config: scoped(read, 'enquiry', 'writeNote'), schema: { params: EnquiryParams, body: NoteBody } },
    async (request, reply) => {
      const ctx = enquiryScope(request);
      const { form, errors, values, warning, flags } = await checkNote(db, request, ctx);
      if (Object.keys(errors).length)
        return reply
          .status(400)
          .page(
            view('note-form'),
            noteModel(request, ctx, form, `${base(ctx)}/notes/new`, { warning, ...presentErrors(errors, request.t) }),
          );
      await createNote(db, request.user!.id, ctx.enquiry.id, { ...values, language: request.lang }, flags);
      return reply.redirect(`${base(ctx)}?done=note#notes`, 303);
    },
  );

  async function ownNote(request: FastifyRequest<{ Params: { id: string; enquiryId: string; noteId: string } }>) {
    const ctx = enquiryScope(request);
    const note = await repo.findNote(db, ctx.enquiry.id, request.params.noteId);
    if (!note) throw new HttpError(404, 'not-found');
    if (!mayEditNote(request.user?.id, ctx.enquiryCan, note)) throw new HttpError(403, 'forbidden');
    return { ctx, note };
  }

  app.get(
    '/collaboratives/:id/enquiries/:enquiryId/notes/:noteId/edit',
    { config: scoped(read, 'enquiry'), schema: { params: NoteParams } },
    async (request, reply) => {
      const { ctx, note } = await ownNote(request);
      return reply.page(
        view('note-form'),
        noteModel(request, ctx, noteFormOf(note), `${base(ctx)}/notes/${note.id}/edit`, { version: note.version }),
      );
    },
  );

  app.post(
    '/collaboratives/:id/enquiries/:enquiryId/notes/:noteId/edit',
    { config: scoped(read, 'enquiry'), schema: { params: NoteParams, body: NoteBody } },
    async (request, reply) => {
      const { ctx, note } = await ownNote(request);
      const action = `${base(ctx)}/notes/${note.id}/edit`;
      const version = request.body.version ?? 0;
      const { form, errors, values, warning, flags } = await checkNote(db, request, ctx);
      if (Object.keys(errors).length)
        return reply
          .status(400)
          .page(
            view('note-form'),
            noteModel(request, ctx, form, action, { version, warning, ...presentErrors(errors, request.t) }),
          );
      const result = await editNote(
        db,
        request.user!.id,
        note,
        version,
        { ...values, language: request.lang },
        flags,
        clock.now(),
      );
      if (result.ok) return reply.redirect(`${base(ctx)}?done=note#notes`, 303);
      const conflict = noteConflict(request.t, result.current, { ...form, observedOnText: values.observedOn });
      return reply.status(409).page(
        view('note-form'),
        noteModel(request, ctx, form, action, {
          version: result.current.version,
          conflict,
          errors: [{ text: request.t('common.conflict.title'), href: '#conflict' }],
        }),
      );
    },
  );
};
