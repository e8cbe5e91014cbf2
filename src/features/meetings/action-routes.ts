import { Type } from '@sinclair/typebox';
import type { FeaturePlugin } from '../../app-deps.ts';
import { collaborativeAccess } from '../../access/loaders/collaborative.ts';
import { HttpError } from '../../lib/http-error.ts';
import { formatDate } from '../../lib/dates.ts';
import { presentErrors } from '../../lib/forms.ts';
import {
  actionToForm,
  addAction,
  editAction,
  readActionForm,
  setActionStatus,
  type ActionForm,
} from './action-service.ts';
import { access, ActionParams, field, MeetingParams, meetingOr404, sectionModel, view } from './meeting-context.ts';
import * as repo from './meeting-repository.ts';
import { collaborativePeople } from '../action-owners/people-repository.ts';
import { renderMeeting } from './meeting-routes.ts';
import { Version, OwnerChoice } from '../../lib/request-schemas.ts';
import { collaborativeScope } from '../../access/request-scope.ts';
import { scoped } from '../../access/scopes.ts';

const ActionBody = Type.Object({
  version: Type.Optional(Version),
  description: field,
  owner: field,
  ownerUserId: OwnerChoice,
  ownerSchool: field,
  'dueOn-day': field,
  'dueOn-month': field,
  'dueOn-year': field,
});
const StatusBody = Type.Object({ version: Version, status: Type.Union([Type.Literal('done'), Type.Literal('open')]) });

/** Agreed actions of a meeting: add (on the meeting page), edit, mark done or reopen. */
export const meetingActionRoutes: FeaturePlugin<'database' | 'clock'> = async (app, { database, clock }) => {
  const db = database.db;
  const meetingUrl = (c: string, m: string, done: string) => `/collaboratives/${c}/meetings/${m}?done=${done}#actions`;

  async function load(
    request: { params: { id: string; meetingId: string; actionId: string } } & Parameters<
      typeof collaborativeAccess
    >[1],
  ) {
    const ctx = collaborativeScope(request);
    const meeting = await meetingOr404(db, ctx.collaborative.id, request.params.meetingId);
    const action = await repo.findAction(db, meeting.id, request.params.actionId);
    if (!action) throw new HttpError(404, 'not-found');
    return { ctx, meeting, action };
  }

  app.post(
    '/collaboratives/:id/meetings/:meetingId/actions',
    { config: scoped(access, 'collaborative', 'record'), schema: { params: MeetingParams, body: ActionBody } },
    async (request, reply) => {
      const ctx = collaborativeScope(request);
      const meeting = await meetingOr404(db, ctx.collaborative.id, request.params.meetingId);
      const form = readActionForm(request.body);
      const result = await addAction(
        db,
        request.user!.id,
        ctx.collaborative.memberSchools,
        await collaborativePeople(db, ctx.collaborative.id),
        meeting,
        form,
        request.lang,
      );
      if (result.ok) return reply.redirect(meetingUrl(ctx.collaborative.id, meeting.id, 'action-added'), 303);
      const errors = result.reason === 'invalid' ? result.errors : {};
      return renderMeeting(
        db,
        request,
        reply,
        ctx,
        meeting,
        clock.now(),
        { actionForm: form, ...presentErrors(errors, request.t) },
        400,
      );
    },
  );

  const renderEdit = async (
    request: Parameters<typeof collaborativeAccess>[1],
    reply: Parameters<typeof renderMeeting>[2],
    loaded: Awaited<ReturnType<typeof load>>,
    form: ActionForm,
    version: number,
    extra: Record<string, unknown> = {},
    status = 200,
  ) =>
    reply.status(status).page(view('action-form'), {
      ...sectionModel(request, loaded.ctx, 'meetings.actions.editTitle'),
      meeting: loaded.meeting,
      action: loaded.action,
      form,
      version,
      schools: await repo.memberSchools(db, loaded.ctx.collaborative.id),
      people: await collaborativePeople(db, loaded.ctx.collaborative.id),
      ...extra,
    });

  app.get(
    '/collaboratives/:id/meetings/:meetingId/actions/:actionId/edit',
    { config: scoped(access, 'collaborative', 'record'), schema: { params: ActionParams } },
    async (request, reply) => {
      const loaded = await load(request);
      const people = await collaborativePeople(db, loaded.ctx.collaborative.id);
      return renderEdit(request, reply, loaded, actionToForm(loaded.action, people), loaded.action.version);
    },
  );

  app.post(
    '/collaboratives/:id/meetings/:meetingId/actions/:actionId/edit',
    { config: scoped(access, 'collaborative', 'record'), schema: { params: ActionParams, body: ActionBody } },
    async (request, reply) => {
      const loaded = await load(request);
      const form = readActionForm(request.body);
      const result = await editAction(
        db,
        request.user!.id,
        loaded.ctx.collaborative.memberSchools,
        await collaborativePeople(db, loaded.ctx.collaborative.id),
        loaded.action,
        request.body.version ?? 0,
        form,
        request.lang,
      );
      if (result.ok)
        return reply.redirect(meetingUrl(loaded.ctx.collaborative.id, loaded.meeting.id, 'action-saved'), 303);
      if (result.reason === 'invalid')
        return renderEdit(
          request,
          reply,
          loaded,
          form,
          request.body.version ?? loaded.action.version,
          presentErrors(result.errors, request.t),
          400,
        );
      const t = request.t;
      const c = result.current;
      const rows: [string, string, string][] = [
        ['description', c.description, form.description],
        ['owner', c.owner, form.owner],
        ['ownerSchool', c.ownerSchoolNumber ?? '', form.ownerSchool],
        [
          'dueOn',
          formatDate(c.dueOn, request.lang),
          [form.dueOn.day, form.dueOn.month, form.dueOn.year].filter(Boolean).join('/'),
        ],
        ['status', t(`meetings.actions.status.${c.status}`), t(`meetings.actions.status.${loaded.action.status}`)],
      ];
      const conflict = rows
        .filter(([, a, b]) => a !== b)
        .map(([f, a, b]) => ({ label: t(`meetings.actions.fields.${f}`), theirs: a, yours: b }));
      return renderEdit(
        request,
        reply,
        loaded,
        form,
        c.version,
        { conflict, errors: [{ text: t('common.conflict.title'), href: '#conflict' }] },
        409,
      );
    },
  );

  app.post(
    '/collaboratives/:id/meetings/:meetingId/actions/:actionId/status',
    { config: scoped(access, 'collaborative', 'record'), schema: { params: ActionParams, body: StatusBody } },
    async (request, reply) => {
      const loaded = await load(request);
      const result = await setActionStatus(
        db,
        request.user!.id,
        loaded.action,
        request.body.version,
        request.body.status === 'done',
      );
      const done = result.ok ? (request.body.status === 'done' ? 'action-done' : 'action-reopened') : 'action-stale';
      return reply.redirect(meetingUrl(loaded.ctx.collaborative.id, loaded.meeting.id, done), 303);
    },
  );
};
