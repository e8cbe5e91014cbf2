import { withReaderTexts } from '../../lib/reader-texts.ts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { FeaturePlugin } from '../../app-deps.ts';
import { type CollaborativeContext } from '../../access/loaders/collaborative.ts';
import { presentErrors } from '../../lib/forms.ts';
import { pageOf, paginationModel } from '../../lib/pagination.ts';
import { warningLines, type TextFlag } from './learner-check.ts';
import { EMPTY_MEETING_FORM, readMeetingForm, type MeetingForm } from './meeting-form.ts';
import { access, CollaborativeParams, MeetingBody, sectionModel, view } from './meeting-context.ts';
import { todayInWales } from '../../lib/clock.ts';
import * as repo from './meeting-repository.ts';
import { createMeeting } from './meeting-service.ts';
import { BoundedInteger, FormText } from '../../lib/request-schemas.ts';
import { collaborativeScope } from '../../access/request-scope.ts';
import { scoped } from '../../access/scopes.ts';

const PAST_PAGE_SIZE = 20;

/** The add and edit forms: fields, member schools, the learner-data prompt. */
export function renderMeetingForm(
  request: FastifyRequest,
  reply: FastifyReply,
  ctx: CollaborativeContext,
  model: {
    form: MeetingForm;
    schools: repo.School[];
    formAction: string;
    flags?: TextFlag[];
    version?: number;
  } & Record<string, unknown>,
  status = 200,
) {
  const titleKey = model.version ? 'meetings.form.editTitle' : 'meetings.form.addTitle';
  const warning = warningLines(request.t, model.flags ?? [], { notes: 'meetings.learnerData.changeNotes' });
  return reply.status(status).page(view('form'), { ...sectionModel(request, ctx, titleKey), ...model, warning });
}

/** /collaboratives/:id/meetings: upcoming first, then past a page at a time; and the add form. */
export const meetingListRoutes: FeaturePlugin<'database' | 'clock'> = async (app, { database, clock }) => {
  const db = database.db;

  app.get(
    '/collaboratives/:id/meetings',
    {
      config: scoped(access, 'collaborative', 'space'),
      schema: {
        params: CollaborativeParams,
        querystring: Type.Object({ page: Type.Optional(BoundedInteger(1, 10_000)), done: FormText(40) }),
      },
    },
    async (request, reply) => {
      const ctx = collaborativeScope(request);
      const today = todayInWales(clock.now());
      const page = pageOf(request.query.page, PAST_PAGE_SIZE);
      const [upcoming, past] = await Promise.all([
        repo.listUpcoming(db, ctx.collaborative.id, today),
        repo.listPast(db, ctx.collaborative.id, today, page),
      ]);
      return reply.page(view('list'), {
        ...sectionModel(request, ctx, 'meetings.list.title'),
        upcoming: upcoming.map((m) => withReaderTexts(m, ['title'], request.lang)),
        past: past.rows.map((m) => withReaderTexts(m, ['title'], request.lang)),
        pastTotal: past.total,
        pagination: paginationModel(request, past.total, page, request.t),
        done: request.query.done,
      });
    },
  );

  app.get(
    '/collaboratives/:id/meetings/new',
    { config: scoped(access, 'collaborative', 'record'), schema: { params: CollaborativeParams } },
    async (request, reply) => {
      const ctx = collaborativeScope(request);
      const schools = await repo.memberSchools(db, ctx.collaborative.id);
      return renderMeetingForm(request, reply, ctx, {
        form: EMPTY_MEETING_FORM,
        schools,
        formAction: `/collaboratives/${ctx.collaborative.id}/meetings/new`,
      });
    },
  );

  app.post(
    '/collaboratives/:id/meetings/new',
    { config: scoped(access, 'collaborative', 'record'), schema: { params: CollaborativeParams, body: MeetingBody } },
    async (request, reply) => {
      const ctx = collaborativeScope(request);
      const schools = await repo.memberSchools(db, ctx.collaborative.id);
      const form = readMeetingForm(request.body);
      const result = await createMeeting(db, request.user!.id, ctx.collaborative, schools, form, request.lang);
      if (result.ok)
        return reply.redirect(
          `/collaboratives/${ctx.collaborative.id}/meetings/${result.meeting.id}?done=created`,
          303,
        );
      const errors = result.reason === 'invalid' ? presentErrors(result.errors, request.t) : {};
      const flags = result.reason === 'invalid' ? result.flags : [];
      return renderMeetingForm(
        request,
        reply,
        ctx,
        { form, schools, flags, formAction: `/collaboratives/${ctx.collaborative.id}/meetings/new`, ...errors },
        400,
      );
    },
  );
};
