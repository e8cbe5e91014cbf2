import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import type { FeaturePlugin } from '../../app-deps.ts';
import { HttpError } from '../../lib/http-error.ts';
import { presentErrors, text } from '../../lib/forms.ts';
import { ACTION_STATUSES, SUPPORT_FROM } from '../../reference/reference-data.ts';
import { type SchoolRequestContext } from '../../access/loaders/school.ts';
import { actionToForm, EMPTY_ACTION_FORM, type ActionForm } from './action-form.ts';
import { actionDifferences, addAction, editAction } from './action-service.ts';
import { ActionParams, field, PriorityParams, schoolModel, signedIn, view } from './plan-context.ts';
import { presentActionConflict } from './plan-presenter.ts';
import * as repo from './plan-repository.ts';
import { schoolStaff } from '../action-owners/people-repository.ts';
import { ownerFormFrom } from '../action-owners/owner-choice.ts';
import { EmptyOrUuid, FormText, Version, OwnerChoice } from '../../lib/request-schemas.ts';
import { collaborativesOf } from '../brokering/brokering-repository.ts';
import { supportByAction } from './action-support-view.ts';
import { costLinesOf } from './cost-repository.ts';
import { costFormsFrom } from './cost-lines.ts';
import { FUNDING_SOURCES } from '../../reference/reference-data.ts';
import { schoolScope } from '../../access/request-scope.ts';
import { scoped } from '../../access/scopes.ts';

/** Each cost line's amount, source and grant name, as cost-lines.ts names them (COST_LINES of them). */
const money = FormText(100);
const costFields = {
  cost1: money,
  costSource1: money,
  costGrant1: field,
  cost2: money,
  costSource2: money,
  costGrant2: field,
  cost3: money,
  costSource3: money,
  costGrant3: field,
};

const ActionBody = Type.Object({
  version: Type.Optional(Version),
  description: field,
  ownerUserId: OwnerChoice,
  owner: field,
  milestones: field,
  ...costFields,
  professionalLearning: field,
  supportFrom: field,
  supportCollaborativeId: Type.Optional(EmptyOrUuid),
  supportDetail: field,
  status: field,
  'startOn-day': field,
  'startOn-month': field,
  'startOn-year': field,
  'dueOn-day': field,
  'dueOn-month': field,
  'dueOn-year': field,
});

function formFrom(body: Static<typeof ActionBody>): ActionForm {
  const date = (name: 'startOn' | 'dueOn') => ({
    day: text(body[`${name}-day`]),
    month: text(body[`${name}-month`]),
    year: text(body[`${name}-year`]),
  });
  return {
    description: text(body.description),
    ...ownerFormFrom(body),
    startOn: date('startOn'),
    dueOn: date('dueOn'),
    milestones: text(body.milestones),
    costs: costFormsFrom(body),
    professionalLearning: text(body.professionalLearning),
    supportFrom: text(body.supportFrom) || 'none',
    supportCollaborativeId: text(body.supportCollaborativeId),
    supportDetail: text(body.supportDetail),
    status: text(body.status) || 'not_started',
  };
}

export const actionRoutes: FeaturePlugin<'database' | 'clock'> = async (app, { database, clock }) => {
  const db = database.db;

  async function render(
    request: FastifyRequest,
    reply: FastifyReply,
    ctx: SchoolRequestContext,
    model: {
      priority: repo.Priority;
      form: ActionForm;
      formAction: string;
      version?: number;
      action?: repo.PlanAction;
    } & Record<string, unknown>,
    status = 200,
  ) {
    const title = request.t(model.version ? 'pages.planAction.editTitle' : 'pages.planAction.addTitle');
    const support = model.action ? await supportOf(request, ctx, model.action.id) : null;
    return reply.status(status).page(view('action-form'), {
      title,
      ...schoolModel(ctx),
      supportChoices: SUPPORT_FROM,
      collaboratives: await collaborativesOf(db, ctx.school.number),
      fundingSources: FUNDING_SOURCES,
      people: await schoolStaff(db, ctx.school.number),
      statuses: ACTION_STATUSES,
      support,
      ...model,
    });
  }

  /** The request the action's support became, as the action shows it. */
  async function supportOf(request: FastifyRequest, ctx: SchoolRequestContext, actionId: string) {
    const found = await supportByAction(db, [actionId], {
      lang: request.lang,
      schoolNumber: ctx.school.number,
      canOpenSupport: ctx.can.staff,
    });
    return found.get(actionId) ?? null;
  }

  async function priorityOr404(schoolNumber: string, id: string) {
    const priority = await repo.findSchoolPriority(db, schoolNumber, id);
    if (!priority) throw new HttpError(404, 'not-found');
    return priority;
  }

  async function actionOr404(schoolNumber: string, id: string) {
    const found = await repo.findSchoolAction(db, schoolNumber, id);
    if (!found) throw new HttpError(404, 'not-found');
    return { ...found, action: { ...found.action, costs: await costLinesOf(db, found.action.id) } };
  }

  const backToPlan = (school: string, done: string, priorityId: string) =>
    `/schools/${school}/plan?done=${done}#priority-${priorityId}`;
  const newActionUrl = (school: string, priorityId: string) =>
    `/schools/${school}/plan/priorities/${priorityId}/actions/new`;
  const editActionUrl = (school: string, actionId: string) => `/schools/${school}/plan/actions/${actionId}/edit`;

  app.get(
    '/schools/:number/plan/priorities/:priorityId/actions/new',
    { config: scoped(signedIn, 'school', 'edit'), schema: { params: PriorityParams } },
    async (request, reply) => {
      const ctx = schoolScope(request);
      const priority = await priorityOr404(ctx.school.number, request.params.priorityId);
      return render(request, reply, ctx, {
        priority,
        form: EMPTY_ACTION_FORM,
        formAction: newActionUrl(ctx.school.number, priority.id),
      });
    },
  );

  app.post(
    '/schools/:number/plan/priorities/:priorityId/actions/new',
    { config: scoped(signedIn, 'school', 'edit'), schema: { params: PriorityParams, body: ActionBody } },
    async (request, reply) => {
      const ctx = schoolScope(request);
      const priority = await priorityOr404(ctx.school.number, request.params.priorityId);
      const form = formFrom(request.body);
      const [people, collaboratives] = await Promise.all([
        schoolStaff(db, ctx.school.number),
        collaborativesOf(db, ctx.school.number),
      ]);
      const result = await addAction(db, request.user!.id, priority, form, people, request.lang, {
        collaboratives,
        now: clock.now(),
      });
      if (result.ok) return reply.redirect(backToPlan(ctx.school.number, 'action-added', priority.id), 303);
      const errors = result.reason === 'invalid' ? result.errors : {};
      return render(
        request,
        reply,
        ctx,
        {
          priority,
          form,
          formAction: newActionUrl(ctx.school.number, priority.id),
          ...presentErrors(errors, request.t),
        },
        400,
      );
    },
  );

  app.get(
    '/schools/:number/plan/actions/:id/edit',
    { config: scoped(signedIn, 'school', 'edit'), schema: { params: ActionParams } },
    async (request, reply) => {
      const ctx = schoolScope(request);
      const { action, priority } = await actionOr404(ctx.school.number, request.params.id);
      const support = await supportOf(request, ctx, action.id);
      return render(request, reply, ctx, {
        priority,
        action,
        form: actionToForm(action, await schoolStaff(db, ctx.school.number), support?.brokerCollaborativeId ?? ''),
        version: action.version,
        formAction: editActionUrl(ctx.school.number, action.id),
      });
    },
  );

  app.post(
    '/schools/:number/plan/actions/:id/edit',
    { config: scoped(signedIn, 'school', 'edit'), schema: { params: ActionParams, body: ActionBody } },
    async (request, reply) => {
      const ctx = schoolScope(request);
      const { action, priority } = await actionOr404(ctx.school.number, request.params.id);
      const form = formFrom(request.body);
      const [people, collaboratives] = await Promise.all([
        schoolStaff(db, ctx.school.number),
        collaborativesOf(db, ctx.school.number),
      ]);
      const result = await editAction(
        db,
        request.user!.id,
        action,
        request.body.version ?? 0,
        form,
        people,
        request.lang,
        clock.now(),
        collaboratives,
      );
      if (result.ok) return reply.redirect(backToPlan(ctx.school.number, 'action-saved', priority.id), 303);
      if (result.reason === 'gone') throw new HttpError(404, 'not-found');
      const model = { priority, action, form, formAction: editActionUrl(ctx.school.number, action.id) };
      if (result.reason === 'invalid')
        return render(
          request,
          reply,
          ctx,
          { ...model, version: request.body.version ?? action.version, ...presentErrors(result.errors, request.t) },
          400,
        );
      const conflict = presentActionConflict(actionDifferences(result.current, form, people), request.t, request.lang);
      return render(
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
