import { readerTexts } from '../../lib/reader-texts.ts';
import type { FeaturePlugin } from '../../app-deps.ts';
import { formatDate } from '../../lib/dates.ts';
import { presentErrors } from '../../lib/forms.ts';
import { calendarText, sendCalendar } from '../calendar/ics.ts';
import { memberSchools } from '../meetings/meeting-repository.ts';
import { readSessionForm, sessionToForm } from './progression-form.ts';
import {
  access,
  renderSessionForm,
  SessionBody,
  SessionParams,
  sectionModel,
  sessionOr404,
  view,
} from './progression-context.ts';
import { sessionEntry } from './progression-presenter.ts';
import * as repo from './progression-repository.ts';
import { updateSession } from './progression-service.ts';
import { collaborativeScope } from '../../access/request-scope.ts';
import { scoped } from '../../access/scopes.ts';

/** /collaboratives/:id/progression/:sessionId: the session, its calendar file and the edit form. */
export const progressionSessionRoutes: FeaturePlugin<'database' | 'config'> = async (app, { database, config }) => {
  const db = database.db;
  const pageUrl = (c: string, s: string) => `/collaboratives/${c}/progression/${s}`;

  app.get(
    '/collaboratives/:id/progression/:sessionId',
    { config: scoped(access, 'collaborative', 'space'), schema: { params: SessionParams } },
    async (request, reply) => {
      const ctx = collaborativeScope(request);
      const session = await sessionOr404(db, ctx.collaborative.id, request.params.sessionId);
      const [schools, taking] = await Promise.all([
        memberSchools(db, ctx.collaborative.id),
        repo.sessionSchoolNumbers(db, session.id),
      ]);
      const title = `${request.t(`reference.area.${session.area}`)}, ${request.t('progression.step', { step: session.progressionStep })}`;
      return reply.page(view('session'), {
        ...sectionModel(request, ctx, 'progression.page.title'),
        title,
        session,
        rt: readerTexts(session, ['focus', 'samples', 'expectations'], request.lang),
        taking: schools.filter((s) => taking.includes(s.number)).map((s) => s.name),
        done: (request.query as Record<string, unknown>).done,
      });
    },
  );

  app.get(
    '/collaboratives/:id/progression/:sessionId/calendar.ics',
    { config: scoped(access, 'collaborative', 'space'), schema: { params: SessionParams } },
    async (request, reply) => {
      const ctx = collaborativeScope(request);
      const session = await sessionOr404(db, ctx.collaborative.id, request.params.sessionId);
      const name = request.lang === 'cy' ? ctx.collaborative.nameCy : ctx.collaborative.nameEn;
      const entry = sessionEntry(
        request.t,
        session,
        name,
        `${config.publicUrl}${pageUrl(ctx.collaborative.id, session.id)}`,
      );
      return sendCalendar(reply, `progression-${session.heldOn}.ics`, calendarText(name, [entry]));
    },
  );

  app.get(
    '/collaboratives/:id/progression/:sessionId/edit',
    { config: scoped(access, 'collaborative', 'record'), schema: { params: SessionParams } },
    async (request, reply) => {
      const ctx = collaborativeScope(request);
      const session = await sessionOr404(db, ctx.collaborative.id, request.params.sessionId);
      const [schools, taking] = await Promise.all([
        memberSchools(db, ctx.collaborative.id),
        repo.sessionSchoolNumbers(db, session.id),
      ]);
      return renderSessionForm(request, reply, ctx, {
        session,
        form: sessionToForm(session, taking),
        schools,
        version: session.version,
        formAction: `${pageUrl(ctx.collaborative.id, session.id)}/edit`,
      });
    },
  );

  app.post(
    '/collaboratives/:id/progression/:sessionId/edit',
    { config: scoped(access, 'collaborative', 'record'), schema: { params: SessionParams, body: SessionBody } },
    async (request, reply) => {
      const ctx = collaborativeScope(request);
      const session = await sessionOr404(db, ctx.collaborative.id, request.params.sessionId);
      const schools = await memberSchools(db, ctx.collaborative.id);
      const form = readSessionForm(request.body);
      const result = await updateSession(
        db,
        request.user!.id,
        ctx.collaborative,
        schools,
        session,
        request.body.version ?? 0,
        form,
        request.lang,
      );
      if (result.ok) return reply.redirect(`${pageUrl(ctx.collaborative.id, session.id)}?done=saved`, 303);
      const model = { session, form, schools, formAction: `${pageUrl(ctx.collaborative.id, session.id)}/edit` };
      if (result.reason === 'invalid')
        return renderSessionForm(
          request,
          reply,
          ctx,
          {
            ...model,
            flags: result.flags,
            version: request.body.version ?? session.version,
            ...presentErrors(result.errors, request.t),
          },
          400,
        );
      const t = request.t;
      const c = result.current;
      const names = (numbers: string[]) =>
        schools
          .filter((s) => numbers.includes(s.number))
          .map((s) => s.name)
          .join(', ');
      const rows: [string, string, string][] = [
        [
          'heldOn',
          formatDate(c.heldOn, request.lang),
          [form.heldOn.day, form.heldOn.month, form.heldOn.year].join('/'),
        ],
        ['area', t(`reference.area.${c.area}`), form.area ? t(`reference.area.${form.area}`) : ''],
        ['progressionStep', String(c.progressionStep), form.progressionStep],
        ['focus', c.focus, form.focus],
        ['schools', names(result.currentSchools), names(form.schools)],
        ['samples', c.samples, form.samples],
        ['expectations', c.expectations, form.expectations],
      ];
      const conflict = rows
        .filter(([, a, b]) => a !== b)
        .map(([f, a, b]) => ({ label: t(`progression.fields.${f}`), theirs: a, yours: b }));
      return renderSessionForm(
        request,
        reply,
        ctx,
        { ...model, version: c.version, conflict, errors: [{ text: t('common.conflict.title'), href: '#conflict' }] },
        409,
      );
    },
  );
};
