import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { FeaturePlugin } from '../../app-deps.ts';
import { todayInWales } from '../../lib/clock.ts';
import type { Db } from '../../db/client.ts';
import { HttpError } from '../../lib/http-error.ts';
import { presentErrors } from '../../lib/forms.ts';
import { staffRole } from '../../policy/school-policy.ts';
import { schoolScope } from '../../access/request-scope.ts';
import type { SchoolRequestContext } from '../../access/loaders/school.ts';
import { CompletionBody, DoneQuery, doneNotice, RecordParams, view } from './professional-learning-http.ts';
import { formItems, personChoices, programmeName } from './professional-learning-presenter.ts';
import * as repo from './professional-learning-repository.ts';
import {
  EMPTY_FORM,
  readCompletionForm,
  recordCompletion,
  removeCompletion,
  type CompletionForm,
} from './professional-learning-service.ts';
import { SchoolNumber } from '../../lib/request-schemas.ts';
import { scoped } from '../../access/scopes.ts';

const signedIn = { access: { signedIn: true } } as const;
const SchoolParams = Type.Object({ number: SchoolNumber });
const SchoolRecordParams = Type.Object({ ...SchoolParams.properties, ...RecordParams.properties });
const base = (number: string) => `/schools/${number}/professional-learning`;

/** The school's leaders see its staff's completions; its headteacher records them. */
function headteacherContext(request: FastifyRequest) {
  const ctx = schoolScope(request);
  return { ctx, headteacher: staffRole(request.user, ctx.school) === 'headteacher' };
}

export const schoolProfessionalLearningRoutes: FeaturePlugin<'database' | 'clock'> = async (
  app,
  { database, clock },
) => {
  const db: Db = database.db;

  async function renderPage(
    request: FastifyRequest,
    reply: FastifyReply,
    ctx: SchoolRequestContext,
    headteacher: boolean,
    options: { done?: string | undefined; form?: CompletionForm; errors?: Record<string, string> } = {},
  ) {
    const [people, records, programmes] = await Promise.all([
      repo.schoolPeople(db, ctx.school.number),
      repo.schoolRecords(db, ctx.school.number),
      repo.programmes(db),
    ]);
    const choices = personChoices(people, request.t, request.lang);
    const names = new Map(programmes.map((p) => [p.code, programmeName(p, request.lang)]));
    const staff = choices.map((p) => ({
      ...p,
      records: records
        .filter((r) => r.userId === p.id)
        .map((r) => ({ ...r, programme: names.get(r.programmeCode) ?? r.programmeCode })),
    }));
    const form = options.form ?? EMPTY_FORM;
    return reply.status(options.errors ? 400 : 200).page(view('school'), {
      title: request.t('professionalLearning.school.title'),
      ...ctx,
      schoolCan: ctx.can,
      headteacher,
      base: base(ctx.school.number),
      staff,
      form,
      ...formItems(choices, programmes, form, request.t, request.lang),
      notice: doneNotice(options.done),
      ...presentErrors(options.errors ?? {}, request.t),
    });
  }

  app.get(
    '/schools/:number/professional-learning',
    { config: scoped(signedIn, 'school', 'edit'), schema: { params: SchoolParams, querystring: DoneQuery } },
    async (request, reply) => {
      const { ctx, headteacher } = headteacherContext(request);
      return renderPage(request, reply, ctx, headteacher, { done: request.query.done });
    },
  );

  app.post(
    '/schools/:number/professional-learning',
    { config: scoped(signedIn, 'school', 'edit'), schema: { params: SchoolParams, body: CompletionBody } },
    async (request, reply) => {
      const { ctx, headteacher } = headteacherContext(request);
      if (!headteacher) throw new HttpError(403, 'forbidden');
      const form = readCompletionForm(request.body);
      const [people, programmes] = await Promise.all([repo.schoolPeople(db, ctx.school.number), repo.programmes(db)]);
      const result = await recordCompletion(
        db,
        request.user!.id,
        form,
        new Set(people.map((p) => p.userId)),
        programmes.map((p) => p.code),
        todayInWales(clock.now()),
      );
      if (result.ok) return reply.redirect(`${base(ctx.school.number)}?done=recorded#staff`, 303);
      return renderPage(request, reply, ctx, headteacher, { form, errors: result.errors });
    },
  );

  /** A record of one of this school's staff, which only its headteacher may remove. */
  async function loadRecord(request: FastifyRequest, params: { number: string; id: string }) {
    const { ctx, headteacher } = headteacherContext(request);
    const record = await repo.findRecord(db, params.id);
    if (!record || (await repo.schoolPeople(db, ctx.school.number, record.userId)).length === 0)
      throw new HttpError(404, 'not-found');
    if (!headteacher) throw new HttpError(403, 'forbidden');
    return { ctx, record };
  }

  app.get(
    '/schools/:number/professional-learning/:id/remove',
    { config: scoped(signedIn, 'school', 'edit'), schema: { params: SchoolRecordParams } },
    async (request, reply) => {
      const { ctx, record } = await loadRecord(request, request.params);
      const programme = (await repo.programmes(db)).find((p) => p.code === record.programmeCode);
      return reply.page(view('school-remove'), {
        title: request.t('professionalLearning.remove.title'),
        ...ctx,
        schoolCan: ctx.can,
        base: base(ctx.school.number),
        record,
        programme,
      });
    },
  );

  app.post(
    '/schools/:number/professional-learning/:id/remove',
    { config: scoped(signedIn, 'school', 'edit'), schema: { params: SchoolRecordParams } },
    async (request, reply) => {
      const { ctx, record } = await loadRecord(request, request.params);
      await removeCompletion(db, request.user!.id, record);
      return reply.redirect(`${base(ctx.school.number)}?done=removed#staff`, 303);
    },
  );
};
