import type { Db } from '../../db/client.ts';
import { appendAudit } from '../../audit/audit-repository.ts';
import { moveRequest } from '../brokering/brokering-repository.ts';
import { raiseRequest } from '../brokering/brokering-service.ts';
import * as repo from './action-support-repository.ts';

/**
 * Who an action asks for support (issue 15): nobody (null), the school's LA (collaborativeId null)
 * or one of the school's collaboratives.
 */
export type SupportBroker = { collaborativeId: string | null } | null;

type AskingAction = {
  id: string;
  priorityId: string;
  description: string;
  supportDetail: string;
  language: string;
};

/** What the broker reads: the support asked for, then what the action will do. */
export const needOf = (action: AskingAction) =>
  [action.supportDetail.trim(), action.description.trim()].filter(Boolean).join('\n\n');

/**
 * Makes an action's support real, inside the transaction that saves the action. Asking a broker
 * joins the priority's open request to that broker (adding this action's need to it) or raises a
 * new one, which tells the broker as a request typed on the request form does. An action that
 * keeps asking the same broker keeps its request whatever became of it (a request the school
 * withdrew stays withdrawn until the action stops asking and asks again). Asking someone else, or
 * nobody, lets go of the request first: see releaseSupport.
 */
export async function syncActionSupport(
  tx: Db,
  actorId: string | null,
  action: AskingAction,
  broker: SupportBroker,
  now: Date,
): Promise<void> {
  const current = await repo.linkedRequest(tx, action.id);
  if (current && broker && current.brokerCollaborativeId === broker.collaborativeId) return;
  if (current) await releaseSupport(tx, actorId, action.id, now);
  if (!broker) return;
  const schoolNumber = await repo.lockPriorityOf(tx, action.priorityId);
  const need = needOf(action);
  const open = await repo.openRequestFor(tx, action.priorityId, broker.collaborativeId);
  let requestId: string;
  if (open) {
    const joined = (await repo.appendNeed(tx, open.id, need, now))!;
    requestId = open.id;
    await appendAudit(tx, {
      actorId,
      action: 'support-request-join',
      entityType: 'support_request',
      entityId: open.id,
      before: { need: open.need },
      after: { need: joined.need, actionId: action.id },
    });
  } else {
    const raised = await raiseRequest(tx, actorId, schoolNumber, action.priorityId, {
      need,
      brokerCollaborativeId: broker.collaborativeId,
      language: action.language,
      fromPlan: true,
    });
    requestId = raised.id;
  }
  await repo.insertLink(tx, action.id, requestId);
  await appendAudit(tx, {
    actorId,
    action: 'plan-action-support-link',
    entityType: 'plan_action',
    entityId: action.id,
    after: { requestId },
  });
}

/**
 * An action stops asking (changed to no support, to another broker, or removed). The link goes;
 * the request is withdrawn only when it is still open, was raised from the plan (a request the
 * school typed on the request form is its own to withdraw) and no other action still asks through
 * it. A matched or closed request is never touched: the agreed support and its impact stay on the
 * school's support page and in the broker's record.
 */
export async function releaseSupport(tx: Db, actorId: string | null, actionId: string, now: Date): Promise<void> {
  const request = await repo.linkedRequest(tx, actionId);
  if (!request) return;
  await repo.deleteLink(tx, actionId);
  await appendAudit(tx, {
    actorId,
    action: 'plan-action-support-unlink',
    entityType: 'plan_action',
    entityId: actionId,
    before: { requestId: request.id },
  });
  if (request.status !== 'open' || !request.fromPlan) return;
  if ((await repo.linkCount(tx, request.id)) > 0) return;
  const withdrawn = await moveRequest(tx, request.id, { status: 'open' }, 'withdrawn', now);
  if (withdrawn)
    await appendAudit(tx, {
      actorId,
      action: 'support-request-withdraw',
      entityType: 'support_request',
      entityId: request.id,
      before: { status: 'open' },
      after: { status: 'withdrawn' },
    });
}
