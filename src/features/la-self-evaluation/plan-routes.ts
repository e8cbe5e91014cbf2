import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import type { FeaturePlugin } from '../../app-deps.ts';
import { presentErrors, text } from '../../lib/forms.ts';
import { HttpError } from '../../lib/http-error.ts';
import { ACTION_STATUSES } from '../../reference/reference-data.ts';
import { requireUuid } from '../../school/school-items.ts';
import { findAction, findPriority, type LaAction, type LaPriority } from './priority-repository.ts';
import { moveAction, saveAction } from './plan-service.ts';
import {
  dateFields,
  dateFrom,
  dateToParts,
  field,
  laManage,
  seContext,
  seModel,
  version,
  view,
  type SeContext,
} from './se-context.ts';
import type { ActionForm } from './se-forms.ts';
import { actionConflict } from './se-presenter.ts';
import { LaCode, Uuid, Version, OwnerChoice } from '../../lib/request-schemas.ts';
import { scoped } from '../../access/scopes.ts';
import { laStaff } from '../action-owners/people-repository.ts';
import { ownerFormFrom, ownerToForm, type Person } from '../action-owners/owner-choice.ts';

const PriorityParams = Type.Object({ code: LaCode, id: Uuid });
const ActionParams = Type.Object({ code: LaCode, id: Uuid, actionId: Uuid });
const ActionBody = Type.Object({
  version,
  description: field,
  ownerUserId: OwnerChoice,
  owner: field,
  status: field,
  ...dateFields('dueOn'),
});
const StatusBody = Type.Object({ version: Version, status: Type.String({ maxLength: 40 }) });
const read = (b: Static<typeof ActionBody>): ActionForm => ({
  description: text(b.description),
  ...ownerFormFrom(b),
  dueOn: dateFrom(b, 'dueOn'),
  status: text(b.status) || 'not_started',
});
const formOf = (a: LaAction, people: readonly Person[]): ActionForm => ({
  description: a.description,
  ...ownerToForm(a, people),
  dueOn: dateToParts(a.dueOn),
  status: a.status,
});
const base = '/local-authorities/:code/self-evaluation/priorities/:id/actions';

/** The LA's plan: actions for each priority (owner, due date, status). Officers change it. */
export const planRoutes: FeaturePlugin<'database' | 'clock'> = async (app, { database, clock }) => {
  const db = database.db;

  async function priorityOf(request: FastifyRequest, id: string) {
    const { se } = await seContext(db, request, clock.now());
    const priority = await findPriority(db, se.la.code, requireUuid(id));
    if (!priority) throw new HttpError(404, 'not-found');
    return { se, priority, back: `${se.base}/priorities/${priority.id}` };
  }
  async function actionOf(priority: LaPriority, id: string) {
    const action = await findAction(db, priority.id, requireUuid(id));
    if (!action) throw new HttpError(404, 'not-found');
    return action;
  }
  async function renderForm(
    request: FastifyRequest,
    reply: FastifyReply,
    se: SeContext,
    priority: LaPriority,
    state: { item?: LaAction; values: ActionForm & { version?: number }; status?: number; extra?: object },
  ) {
    const heading = request.t(state.item ? 'laSelfEvaluation.actions.editTitle' : 'laSelfEvaluation.actions.newTitle');
    const back = `${se.base}/priorities/${priority.id}`;
    return reply.status(state.status ?? 200).page(view('action-form'), {
      title: heading,
      heading,
      ...seModel(se, 'priorities', null),
      priority,
      values: state.values,
      statuses: ACTION_STATUSES,
      people: await laStaff(db, se.la.code),
      cancel: back,
      action: state.item ? `${back}/actions/${state.item.id}/edit` : `${back}/actions`,
      ...state.extra,
    });
  }

  app.get(
    `${base}/new`,
    { config: scoped(laManage, 'la', 'editSelfEvaluation'), schema: { params: PriorityParams } },
    async (request, reply) => {
      const { se, priority } = await priorityOf(request, request.params.id);
      return renderForm(request, reply, se, priority, {
        values: {
          description: '',
          ownerUserId: '',
          owner: '',
          dueOn: { day: '', month: '', year: '' },
          status: 'not_started',
        },
      });
    },
  );

  app.post(
    base,
    { config: scoped(laManage, 'la', 'editSelfEvaluation'), schema: { params: PriorityParams, body: ActionBody } },
    async (request, reply) => {
      const { se, priority, back } = await priorityOf(request, request.params.id);
      const values = read(request.body);
      const result = await saveAction(
        db,
        { actorId: request.user!.id, language: request.lang, now: clock.now() },
        priority.id,
        values,
        await laStaff(db, se.la.code),
      );
      if (result.ok) return reply.redirect(`${back}?saved=action#actions`, 303);
      if (result.reason === 'invalid')
        return renderForm(request, reply, se, priority, {
          values,
          status: 400,
          extra: presentErrors(result.errors, request.t),
        });
      throw new HttpError(409, 'conflict');
    },
  );

  app.get(
    `${base}/:actionId/edit`,
    { config: scoped(laManage, 'la', 'editSelfEvaluation'), schema: { params: ActionParams } },
    async (request, reply) => {
      const { se, priority } = await priorityOf(request, request.params.id);
      const item = await actionOf(priority, request.params.actionId);
      const people = await laStaff(db, se.la.code);
      return renderForm(request, reply, se, priority, {
        item,
        values: { ...formOf(item, people), version: item.version },
      });
    },
  );

  app.post(
    `${base}/:actionId/edit`,
    { config: scoped(laManage, 'la', 'editSelfEvaluation'), schema: { params: ActionParams, body: ActionBody } },
    async (request, reply) => {
      const { se, priority, back } = await priorityOf(request, request.params.id);
      const item = await actionOf(priority, request.params.actionId);
      if (!request.body.version) throw new HttpError(400, 'bad-request');
      const values = read(request.body);
      const result = await saveAction(
        db,
        { actorId: request.user!.id, language: request.lang, now: clock.now() },
        priority.id,
        values,
        await laStaff(db, se.la.code),
        { row: item, version: request.body.version },
      );
      if (result.ok) return reply.redirect(`${back}?saved=action#actions`, 303);
      const state = { item, status: 400, values: { ...values, version: request.body.version } };
      if (result.reason === 'invalid')
        return renderForm(request, reply, se, priority, { ...state, extra: presentErrors(result.errors, request.t) });
      return renderForm(request, reply, se, priority, {
        ...state,
        status: 409,
        values: { ...values, version: result.current.version },
        extra: {
          conflict: actionConflict(result.current, values, request.t),
          errors: [{ text: request.t('common.conflict.title'), href: '#conflict' }],
        },
      });
    },
  );

  app.post(
    `${base}/:actionId/status`,
    { config: scoped(laManage, 'la', 'editSelfEvaluation'), schema: { params: ActionParams, body: StatusBody } },
    async (request, reply) => {
      const { se, priority, back } = await priorityOf(request, request.params.id);
      const item = await actionOf(priority, request.params.actionId);
      const result = await moveAction(
        db,
        request.user!.id,
        item,
        request.body.version,
        request.body.status,
        clock.now(),
      );
      if (result.ok) return reply.redirect(`${back}?saved=status#actions`, 303);
      if (result.reason === 'invalid') throw new HttpError(400, 'bad-request');
      // Someone changed the action since the page was shown: show the form with both versions.
      const people = await laStaff(db, se.la.code);
      return renderForm(request, reply, se, priority, {
        item: result.current,
        status: 409,
        values: { ...formOf(result.current, people), status: request.body.status, version: result.current.version },
        extra: {
          conflict: actionConflict(
            result.current,
            { ...formOf(result.current, people), status: request.body.status },
            request.t,
          ),
          errors: [{ text: request.t('common.conflict.title'), href: '#conflict' }],
        },
      });
    },
  );
};
