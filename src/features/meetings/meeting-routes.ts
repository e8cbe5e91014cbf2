import { readerTexts } from '../../lib/reader-texts.ts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps, FeaturePlugin } from '../../app-deps.ts';
import { type CollaborativeContext } from '../../access/loaders/collaborative.ts';
import { calendarText, sendCalendar } from '../calendar/ics.ts';
import { presentErrors } from '../../lib/forms.ts';
import { EMPTY_ACTION_FORM, type ActionForm } from './action-service.ts';
import { renderMeetingForm } from './list-routes.ts';
import { attendeeLines, meetingToForm, readMeetingForm } from './meeting-form.ts';
import { access, MeetingBody, MeetingParams, meetingOr404, nameOf, sectionModel, view } from './meeting-context.ts';
import { todayInWales } from '../../lib/clock.ts';
import { actionRows, meetingConflict, meetingEntry, timeRange } from './meeting-presenter.ts';
import * as repo from './meeting-repository.ts';
import { collaborativePeople } from '../action-owners/people-repository.ts';
import { updateMeeting } from './meeting-service.ts';
import { collaborativeScope } from '../../access/request-scope.ts';
import { scoped } from '../../access/scopes.ts';

/** The meeting's page, with its agreed actions and the add-action form (re-rendered with its errors). */
export async function renderMeeting(
  db: AppDeps['database']['db'],
  request: FastifyRequest,
  reply: FastifyReply,
  ctx: CollaborativeContext,
  meeting: repo.Meeting,
  now: Date,
  extra: { actionForm?: ActionForm } & Record<string, unknown> = {},
  status = 200,
) {
  const [schools, represented, actions, people] = await Promise.all([
    repo.memberSchools(db, ctx.collaborative.id),
    repo.meetingSchoolNumbers(db, meeting.id),
    repo.listActions(db, meeting.id),
    collaborativePeople(db, ctx.collaborative.id),
  ]);
  const rt = readerTexts(meeting, ['title', 'agenda', 'notes'], request.lang);
  return reply.status(status).page(view('meeting'), {
    ...sectionModel(request, ctx, 'meetings.page.title'),
    title: rt.title.text,
    meeting,
    rt,
    schools,
    people,
    represented: schools.filter((s) => represented.includes(s.number)),
    attendees: attendeeLines(meeting.attendees),
    time: timeRange(request.t, meeting.startsAt, meeting.endsAt),
    actions: actionRows(actions, todayInWales(now), request.lang),
    actionForm: EMPTY_ACTION_FORM,
    done: (request.query as Record<string, unknown>).done,
    ...extra,
  });
}

/** /collaboratives/:id/meetings/:meetingId: the page, its calendar file and the edit form. */
export const meetingPageRoutes: FeaturePlugin<'database' | 'config' | 'clock'> = async (
  app,
  { database, config, clock },
) => {
  const db = database.db;
  const editUrl = (c: string, m: string) => `/collaboratives/${c}/meetings/${m}/edit`;

  app.get(
    '/collaboratives/:id/meetings/:meetingId',
    { config: scoped(access, 'collaborative', 'space'), schema: { params: MeetingParams } },
    async (request, reply) => {
      const ctx = collaborativeScope(request);
      return renderMeeting(
        db,
        request,
        reply,
        ctx,
        await meetingOr404(db, ctx.collaborative.id, request.params.meetingId),
        clock.now(),
      );
    },
  );

  app.get(
    '/collaboratives/:id/meetings/:meetingId/calendar.ics',
    { config: scoped(access, 'collaborative', 'space'), schema: { params: MeetingParams } },
    async (request, reply) => {
      const ctx = collaborativeScope(request);
      const meeting = await meetingOr404(db, ctx.collaborative.id, request.params.meetingId);
      const name = nameOf(request.lang, ctx.collaborative);
      const entry = meetingEntry(
        request.t,
        meeting,
        name,
        `${config.publicUrl}/collaboratives/${ctx.collaborative.id}/meetings/${meeting.id}`,
      );
      return sendCalendar(reply, `meeting-${meeting.meetsOn}.ics`, calendarText(name, [entry]));
    },
  );

  app.get(
    '/collaboratives/:id/meetings/:meetingId/edit',
    { config: scoped(access, 'collaborative', 'record'), schema: { params: MeetingParams } },
    async (request, reply) => {
      const ctx = collaborativeScope(request);
      const meeting = await meetingOr404(db, ctx.collaborative.id, request.params.meetingId);
      const [schools, represented] = await Promise.all([
        repo.memberSchools(db, ctx.collaborative.id),
        repo.meetingSchoolNumbers(db, meeting.id),
      ]);
      return renderMeetingForm(request, reply, ctx, {
        meeting,
        form: meetingToForm(meeting, represented),
        schools,
        version: meeting.version,
        formAction: editUrl(ctx.collaborative.id, meeting.id),
      });
    },
  );

  app.post(
    '/collaboratives/:id/meetings/:meetingId/edit',
    { config: scoped(access, 'collaborative', 'record'), schema: { params: MeetingParams, body: MeetingBody } },
    async (request, reply) => {
      const ctx = collaborativeScope(request);
      const meeting = await meetingOr404(db, ctx.collaborative.id, request.params.meetingId);
      const schools = await repo.memberSchools(db, ctx.collaborative.id);
      const form = readMeetingForm(request.body);
      const result = await updateMeeting(
        db,
        request.user!.id,
        ctx.collaborative,
        schools,
        meeting,
        request.body.version ?? 0,
        form,
        request.lang,
      );
      if (result.ok)
        return reply.redirect(`/collaboratives/${ctx.collaborative.id}/meetings/${meeting.id}?done=saved`, 303);
      const model = { meeting, form, schools, formAction: editUrl(ctx.collaborative.id, meeting.id) };
      if (result.reason === 'invalid')
        return renderMeetingForm(
          request,
          reply,
          ctx,
          {
            ...model,
            flags: result.flags,
            version: request.body.version ?? meeting.version,
            ...presentErrors(result.errors, request.t),
          },
          400,
        );
      const conflict = meetingConflict(request.t, request.lang, result.current, result.currentSchools, form, schools);
      return renderMeetingForm(
        request,
        reply,
        ctx,
        {
          ...model,
          version: result.current.version,
          conflict,
          errors: [{ text: request.t('common.conflict.title'), href: '#conflict' }],
        },
        409,
      );
    },
  );
};
