import { withReaderTexts } from '../../lib/reader-texts.ts';
import { Type } from '@sinclair/typebox';
import type { FeaturePlugin } from '../../app-deps.ts';
import { presentErrors } from '../../lib/forms.ts';
import { AREAS, isOneOf } from '../../reference/reference-data.ts';
import { memberSchools } from '../meetings/meeting-repository.ts';
import { EMPTY_SESSION_FORM, readSessionForm } from './progression-form.ts';
import {
  access,
  CollaborativeParams,
  renderSessionForm,
  SessionBody,
  sectionModel,
  view,
} from './progression-context.ts';
import * as repo from './progression-repository.ts';
import { createSession } from './progression-service.ts';
import { FormText } from '../../lib/request-schemas.ts';
import { collaborativeScope } from '../../access/request-scope.ts';
import { scoped } from '../../access/scopes.ts';

/** /collaboratives/:id/progression: sessions newest first, by Area when asked; and the add form. */
export const progressionListRoutes: FeaturePlugin<'database'> = async (app, { database }) => {
  const db = database.db;
  const newUrl = (id: string) => `/collaboratives/${id}/progression/new`;

  app.get(
    '/collaboratives/:id/progression',
    {
      config: scoped(access, 'collaborative', 'space'),
      schema: { params: CollaborativeParams, querystring: Type.Object({ area: FormText(40) }) },
    },
    async (request, reply) => {
      const ctx = collaborativeScope(request);
      const area = isOneOf(AREAS, request.query.area) ? request.query.area : undefined;
      const sessions = await repo.listSessions(db, ctx.collaborative.id, area);
      return reply.page(view('list'), {
        ...sectionModel(request, ctx, 'progression.list.title'),
        sessions: sessions.map((s) => withReaderTexts(s, ['focus'], request.lang)),
        area: area ?? '',
      });
    },
  );

  app.get(
    '/collaboratives/:id/progression/new',
    { config: scoped(access, 'collaborative', 'record'), schema: { params: CollaborativeParams } },
    async (request, reply) => {
      const ctx = collaborativeScope(request);
      return renderSessionForm(request, reply, ctx, {
        form: EMPTY_SESSION_FORM,
        schools: await memberSchools(db, ctx.collaborative.id),
        formAction: newUrl(ctx.collaborative.id),
      });
    },
  );

  app.post(
    '/collaboratives/:id/progression/new',
    { config: scoped(access, 'collaborative', 'record'), schema: { params: CollaborativeParams, body: SessionBody } },
    async (request, reply) => {
      const ctx = collaborativeScope(request);
      const schools = await memberSchools(db, ctx.collaborative.id);
      const form = readSessionForm(request.body);
      const result = await createSession(db, request.user!.id, ctx.collaborative, schools, form, request.lang);
      if (result.ok)
        return reply.redirect(
          `/collaboratives/${ctx.collaborative.id}/progression/${result.session.id}?done=created`,
          303,
        );
      const invalid =
        result.reason === 'invalid' ? { flags: result.flags, ...presentErrors(result.errors, request.t) } : {};
      return renderSessionForm(
        request,
        reply,
        ctx,
        { form, schools, formAction: newUrl(ctx.collaborative.id), ...invalid },
        400,
      );
    },
  );
};
