import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { FeaturePlugin } from '../../app-deps.ts';
import { todayInWales } from '../../lib/clock.ts';
import type { Db } from '../../db/client.ts';
import { HttpError } from '../../lib/http-error.ts';
import { presentErrors } from '../../lib/forms.ts';
import { laModel } from '../../local-authority/la-model.ts';
import { type LaContext } from '../../access/loaders/la.ts';
import { CompletionBody, DoneQuery, doneNotice, RecordParams, view } from './professional-learning-http.ts';
import { formItems, personChoices, recordsByProgramme } from './professional-learning-presenter.ts';
import * as repo from './professional-learning-repository.ts';
import { professionalLearningRule } from './professional-learning-rule.ts';
import {
  EMPTY_FORM,
  readCompletionForm,
  recordCompletion,
  removeCompletion,
  type CompletionForm,
} from './professional-learning-service.ts';
import { FormText, LaCode } from '../../lib/request-schemas.ts';
import { laScope } from '../../access/request-scope.ts';
import { scoped } from '../../access/scopes.ts';

const access = { access: { permission: 'la.read' } } as const;
const LaParams = Type.Object({ code: LaCode });
const Query = Type.Object({ ...DoneQuery.properties, programme: FormText(80) });
const LaRecordParams = Type.Object({ ...LaParams.properties, ...RecordParams.properties });
const base = (code: string) => `/local-authorities/${code}/professional-learning`;

/** The rule for the LA and its people's records; officers record and remove completions. */
export const laProfessionalLearningRoutes: FeaturePlugin<'database' | 'clock'> = async (app, { database, clock }) => {
  const db: Db = database.db;

  async function renderPage(
    request: FastifyRequest,
    reply: FastifyReply,
    ctx: LaContext,
    options: {
      programme?: string | undefined;
      done?: string | undefined;
      form?: CompletionForm;
      errors?: Record<string, string>;
    } = {},
  ) {
    const [input, programmes, people] = await Promise.all([
      repo.ruleInput(db, ctx.la.code),
      repo.programmes(db),
      repo.laPeople(db, ctx.la.code),
    ]);
    const filter = programmes.find((p) => p.code === options.programme)?.code ?? null;
    const records = await repo.laRecords(db, ctx.la.code, filter);
    const choices = personChoices(people, request.t, request.lang);
    const form = options.form ?? EMPTY_FORM;
    return reply.status(options.errors ? 400 : 200).page(view('la'), {
      ...laModel(ctx, 'professional-learning'),
      title: request.t('professionalLearning.la.title', { la: ctx.laName }),
      base: base(ctx.la.code),
      rule: professionalLearningRule(input),
      programmes,
      filter,
      groups: recordsByProgramme(records, programmes, choices, request.lang),
      recordCount: records.length,
      form,
      ...formItems(choices, programmes, form, request.t, request.lang),
      notice: doneNotice(options.done),
      ...presentErrors(options.errors ?? {}, request.t),
    });
  }

  app.get(
    '/local-authorities/:code/professional-learning',
    { config: scoped(access, 'la', 'staff'), schema: { params: LaParams, querystring: Query } },
    async (request, reply) => {
      const ctx = laScope(request);
      return renderPage(request, reply, ctx, { programme: request.query.programme, done: request.query.done });
    },
  );

  app.post(
    '/local-authorities/:code/professional-learning',
    { config: scoped(access, 'la', 'recordLearning'), schema: { params: LaParams, body: CompletionBody } },
    async (request, reply) => {
      const ctx = laScope(request);
      const form = readCompletionForm(request.body);
      const [people, programmes] = await Promise.all([repo.laPeople(db, ctx.la.code), repo.programmes(db)]);
      const result = await recordCompletion(
        db,
        request.user!.id,
        form,
        new Set(people.map((p) => p.userId)),
        programmes.map((p) => p.code),
        todayInWales(clock.now()),
      );
      if (result.ok) return reply.redirect(`${base(ctx.la.code)}?done=recorded#records`, 303);
      return renderPage(request, reply, ctx, { form, errors: result.errors });
    },
  );

  /** The record, if it is one of this LA's people's; then whether this user may remove it. */
  async function loadRecord(request: FastifyRequest, params: { code: string; id: string }) {
    const ctx = laScope(request);
    const record = await repo.findRecord(db, params.id);
    if (!record || (await repo.laPeople(db, ctx.la.code, record.userId)).length === 0)
      throw new HttpError(404, 'not-found');
    if (!ctx.can.recordLearning) throw new HttpError(403, 'forbidden');
    return { ctx, record };
  }

  app.get(
    '/local-authorities/:code/professional-learning/:id/remove',
    { config: scoped(access, 'la', 'staff'), schema: { params: LaRecordParams } },
    async (request, reply) => {
      const { ctx, record } = await loadRecord(request, request.params);
      const programme = (await repo.programmes(db)).find((p) => p.code === record.programmeCode);
      return reply.page(view('la-remove'), {
        ...laModel(ctx, 'professional-learning'),
        title: request.t('professionalLearning.remove.title'),
        base: base(ctx.la.code),
        record,
        programme,
      });
    },
  );

  app.post(
    '/local-authorities/:code/professional-learning/:id/remove',
    { config: scoped(access, 'la', 'staff'), schema: { params: LaRecordParams } },
    async (request, reply) => {
      const { ctx, record } = await loadRecord(request, request.params);
      await removeCompletion(db, request.user!.id, record);
      return reply.redirect(`${base(ctx.la.code)}?done=removed#records`, 303);
    },
  );
};
