import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import type { FeaturePlugin } from '../../app-deps.ts';
import { presentErrors, text } from '../../lib/forms.ts';
import { HttpError } from '../../lib/http-error.ts';
import { academicYearOf, NIF_THEMES, PRIORITY_ORIGINS } from '../../reference/reference-data.ts';
import { type SchoolRequestContext } from '../../access/loaders/school.ts';
import { idList, requireUuid } from '../../school/school-items.ts';
import { findCycle } from '../school-cycle/cycle-repository.ts';
import { conflictRows, inputOf } from './priorities-presenter.ts';
import * as repo from './priorities-repository.ts';
import { createPriority, updatePriority, type PriorityInput } from './priorities-service.ts';
import { vagueWordingPrompts } from '../../self-evaluation/vague-wording.ts';
import {
  CodeList,
  EmptyOrUuid,
  FormText,
  IdList,
  isUuid,
  SchoolNumber,
  Uuid,
  Version,
} from '../../lib/request-schemas.ts';
import { schoolScope } from '../../access/request-scope.ts';
import { scoped } from '../../access/scopes.ts';

const signedIn = { access: { signedIn: true } } as const;
const SchoolParams = Type.Object({ number: SchoolNumber });
const PriorityParams = Type.Object({ number: SchoolNumber, id: Uuid });
const field = FormText(20_000);
const PriorityBody = Type.Object({
  version: Type.Optional(Version),
  title: field,
  description: field,
  nifTheme: field,
  learners: field,
  successMeasure: field,
  origin: field,
  language: field,
  findingIds: IdList(500),
  nationalPriorities: CodeList(500, 64),
});

function readInput(body: Static<typeof PriorityBody>): PriorityInput {
  return {
    title: text(body.title),
    description: text(body.description),
    nifTheme: text(body.nifTheme),
    learners: text(body.learners),
    successMeasure: text(body.successMeasure),
    origin: text(body.origin),
    language: text(body.language),
    findingIds: idList(body.findingIds),
    nationalPriorities: idList(body.nationalPriorities),
  };
}

type FormState = {
  cycleId: string;
  priority?: repo.Priority;
  values: PriorityInput & { version?: number };
  status?: number;
  extra?: Record<string, unknown>;
};

/** Adding and editing priorities: leaders only (`can.edit`). State changes are on the priority's page. */
export const priorityFormRoutes: FeaturePlugin<'database' | 'clock'> = async (app, { database, clock }) => {
  const db = database.db;
  const base = (number: string) => `/schools/${number}/priorities`;

  async function renderForm(request: FastifyRequest, reply: FastifyReply, ctx: SchoolRequestContext, state: FormState) {
    const [findings, national] = await Promise.all([
      repo.findingChoices(db, ctx.school.number, state.cycleId, state.values.findingIds),
      repo.nationalPriorityList(db),
    ]);
    const heading = request.t(state.priority ? 'pages.priorities.editHeading' : 'pages.priorities.newHeading');
    return reply.status(state.status ?? 200).page('features/priorities/views/form.njk', {
      title: heading,
      heading,
      ...ctx,
      schoolCan: ctx.can,
      schoolSection: 'priorities',
      values: state.values,
      findings,
      themes: NIF_THEMES,
      origins: PRIORITY_ORIGINS,
      // A withdrawn national priority is no longer offered; one this priority already names stays.
      national: national.filter((n) => !n.withdrawnOn || state.values.nationalPriorities.includes(n.code)),
      prompts: state.values.title ? vagueWordingPrompts(state.values, state.values.language) : [],
      action: state.priority ? `${base(ctx.school.number)}/${state.priority.id}/edit` : base(ctx.school.number),
      cancelHref: state.priority ? `${base(ctx.school.number)}/${state.priority.id}` : base(ctx.school.number),
      ...state.extra,
    });
  }

  async function currentCycleOrPage(
    request: FastifyRequest,
    reply: FastifyReply,
    ctx: SchoolRequestContext,
    status: number,
  ) {
    const year = academicYearOf(clock.now());
    const cycle = await findCycle(db, ctx.school.number, year);
    const heading = request.t('pages.priorities.newHeading');
    if (!cycle)
      await reply.status(status).page('features/priorities/views/no-cycle.njk', {
        title: heading,
        heading,
        ...ctx,
        schoolCan: ctx.can,
        schoolSection: 'priorities',
        year,
      });
    return cycle;
  }

  async function editablePriority(ctx: SchoolRequestContext, id: string) {
    const priority = await repo.findPriorityById(db, requireUuid(id));
    if (!priority || priority.schoolNumber !== ctx.school.number) throw new HttpError(404, 'not-found');
    return priority;
  }

  app.get(
    '/schools/:number/priorities/new',
    {
      config: scoped(signedIn, 'school', 'edit'),
      schema: { params: SchoolParams, querystring: Type.Object({ finding: Type.Optional(EmptyOrUuid) }) },
    },
    async (request, reply) => {
      const ctx = schoolScope(request);
      const cycle = await currentCycleOrPage(request, reply, ctx, 200);
      if (!cycle) return reply;
      // Coming from a finding's page ("make this a priority"): that finding is ticked already.
      const found = await repo.findingsOfSchool(db, ctx.school.number, idList(request.query.finding).filter(isUuid));
      const fromFinding = found.map((f) => f.id);
      const values: PriorityInput = {
        title: '',
        description: '',
        // ...and the priority starts in that finding's theme, which the headteacher may still change.
        nifTheme: found.find((f) => f.nifTheme)?.nifTheme ?? '',
        learners: '',
        successMeasure: '',
        origin: 'self_evaluation',
        language: request.lang,
        findingIds: fromFinding,
        nationalPriorities: [],
      };
      return renderForm(request, reply, ctx, { cycleId: cycle.id, values });
    },
  );

  app.post(
    '/schools/:number/priorities',
    { config: scoped(signedIn, 'school', 'edit'), schema: { params: SchoolParams, body: PriorityBody } },
    async (request, reply) => {
      const ctx = schoolScope(request);
      const cycle = await currentCycleOrPage(request, reply, ctx, 409);
      if (!cycle) return reply;
      const values = readInput(request.body);
      const result = await createPriority(db, request.user!.id, ctx.school, cycle.id, values);
      if (result.ok) return reply.redirect(`${base(ctx.school.number)}/${result.priority.id}?saved=1`, 303);
      if (result.reason === 'invalid')
        return renderForm(request, reply, ctx, {
          cycleId: cycle.id,
          values,
          status: 400,
          extra: presentErrors(result.errors, request.t),
        });
      throw new HttpError(400, 'bad-request');
    },
  );

  app.get(
    '/schools/:number/priorities/:id/edit',
    { config: scoped(signedIn, 'school', 'edit'), schema: { params: PriorityParams } },
    async (request, reply) => {
      const ctx = schoolScope(request);
      const priority = await editablePriority(ctx, request.params.id);
      const values = { ...inputOf(priority, await repo.linkedFindingIds(db, priority.id)), version: priority.version };
      return renderForm(request, reply, ctx, { cycleId: priority.cycleId, priority, values });
    },
  );

  app.post(
    '/schools/:number/priorities/:id/edit',
    { config: scoped(signedIn, 'school', 'edit'), schema: { params: PriorityParams, body: PriorityBody } },
    async (request, reply) => {
      const ctx = schoolScope(request);
      const priority = await editablePriority(ctx, request.params.id);
      if (!request.body.version) throw new HttpError(400, 'bad-request');
      const values = { ...readInput(request.body), version: request.body.version };
      const state = { cycleId: priority.cycleId, priority, values };
      const result = await updatePriority(db, request.user!.id, priority, request.body.version, values, clock.now());
      if (result.ok) return reply.redirect(`${base(ctx.school.number)}/${priority.id}?saved=1`, 303);
      if (result.reason === 'invalid')
        return renderForm(request, reply, ctx, {
          ...state,
          status: 400,
          extra: presentErrors(result.errors, request.t),
        });
      // Someone saved since this person opened the form: show theirs beside yours; saving again keeps yours knowingly.
      const theirs = inputOf(result.current, result.currentFindingIds);
      const [titles, national] = await Promise.all([
        repo.findingsOfSchool(db, ctx.school.number, [...theirs.findingIds, ...values.findingIds]),
        repo.nationalPriorityList(db),
      ]);
      const rows = conflictRows(
        theirs,
        values,
        { findings: new Map(titles.map((f) => [f.id, f.title])), national },
        request.t,
        request.lang,
      );
      return renderForm(request, reply, ctx, {
        ...state,
        priority: result.current,
        values: { ...values, version: result.current.version },
        status: 409,
        extra: { conflict: rows, errors: [{ text: request.t('common.conflict.title'), href: '#conflict' }] },
      });
    },
  );
};
