import { parseDateParts, dateToParts, type DateParts } from '../../lib/govuk-date-input.ts';
import { ACTION_STATUSES, isOneOf, SUPPORT_FROM } from '../../reference/reference-data.ts';
import { costFieldIds, costLinesToForm, COST_LINES, linesOf, totalOf, validateCostLines } from './cost-lines.ts';
import type { CostLine, CostLineForm } from './cost-lines.ts';
import type { ActionValues, PlanAction } from './plan-repository.ts';
import { checkOwner, ownerErrorKey, ownerToForm, type Person } from '../action-owners/owner-choice.ts';
import type { SupportBroker } from './action-support-service.ts';

/** The action form as typed: what is shown again, unchanged, when something is wrong. */
export type ActionForm = {
  description: string;
  /** A person's id, 'outside' or '' (nothing chosen): see ../action-owners/owner-choice.ts. */
  ownerUserId: string;
  owner: string;
  startOn: DateParts;
  dueOn: DateParts;
  milestones: string;
  /** Always COST_LINES lines, blank ones included: the form shows them all. */
  costs: CostLineForm[];
  professionalLearning: string;
  supportFrom: string;
  /** Which of the school's collaboratives, when it asks its collaborative and belongs to several. */
  supportCollaborativeId: string;
  supportDetail: string;
  status: string;
};

export const LIMITS = {
  description: 1000,
  owner: 200,
  milestones: 2000,
  professionalLearning: 2000,
  supportDetail: 1000,
} as const;
const E = (problem: string) => `pages.planAction.errors.${problem}`;

export type ActionValidation =
  | { ok: true; values: Omit<ActionValues, 'language'>; broker: SupportBroker; costLines: CostLine[] }
  | { ok: false; errors: Record<string, string> };

/**
 * Checks an action as a leader typed it; every problem at once, against the field it belongs to.
 * `people`: whom it may be assigned to (the school's staff); `collaboratives`: the school's active
 * collaboratives, one of which brokers when it asks its collaborative.
 */
export function validateActionForm(
  form: ActionForm,
  people: readonly Person[],
  collaboratives: readonly { id: string }[] = [],
): ActionValidation {
  const errors: Record<string, string> = {};
  if (!form.description) errors.description = E('descriptionMissing');
  else if (form.description.length > LIMITS.description) errors.description = E('descriptionTooLong');
  const owner = checkOwner(form, people, { required: true, maxLength: LIMITS.owner });
  if (!owner.ok) errors[owner.field] = owner.field === 'ownerUserId' ? ownerErrorKey(owner.problem) : E(owner.problem);
  const start = parseDateParts(form.startOn);
  const due = parseDateParts(form.dueOn);
  if (!start.ok) errors['startOn-day'] = E(`start_${start.problem}`);
  if (!due.ok) errors['dueOn-day'] = E(`due_${due.problem}`);
  else if (due.value === null) errors['dueOn-day'] = E('dueMissing');
  if (start.ok && due.ok && start.value && due.value && due.value < start.value)
    errors['dueOn-day'] = E('dueBeforeStart');
  for (const field of ['milestones', 'professionalLearning', 'supportDetail'] as const) {
    if (form[field].length > LIMITS[field]) errors[field] = E(`${field}TooLong`);
  }
  const cost = validateCostLines(form.costs);
  Object.assign(errors, cost.errors);
  if (!isOneOf(SUPPORT_FROM, form.supportFrom)) errors.supportFrom = E('supportFrom');
  else if (form.supportFrom !== 'none' && !form.supportDetail && !errors.supportDetail)
    errors.supportDetail = E('supportDetailMissing');
  const broker = chooseBroker(form, collaboratives);
  if (!broker.ok) errors[broker.field] = E(broker.problem);
  if (!isOneOf(ACTION_STATUSES, form.status)) errors.status = E('status');
  if (Object.keys(errors).length || !owner.ok || !start.ok || !due.ok || !broker.ok)
    return { ok: false, errors: inFormOrder(errors) };
  return {
    ok: true,
    broker: broker.broker,
    values: {
      description: form.description,
      ...owner.values,
      startOn: start.value,
      dueOn: due.value,
      milestones: form.milestones,
      // The sum of the lines, for everything that reads one figure (outputs, older revisions).
      costPence: totalOf(cost.lines),
      professionalLearning: form.professionalLearning,
      supportFrom: form.supportFrom,
      // Detail without a request for support would describe nothing: keep the two consistent.
      supportDetail: form.supportFrom === 'none' ? '' : form.supportDetail,
      status: form.status,
    },
    costLines: cost.lines,
  };
}

/**
 * Who brokers the support asked for: the LA, or the collaborative chosen. A school in one
 * collaborative is not asked which; one in several must choose; one in none cannot ask its
 * collaborative. An id that is not one of the school's collaboratives is refused, never saved.
 */
function chooseBroker(
  form: ActionForm,
  collaboratives: readonly { id: string }[],
): { ok: true; broker: SupportBroker } | { ok: false; field: string; problem: string } {
  if (form.supportFrom === 'la') return { ok: true, broker: { collaborativeId: null } };
  if (form.supportFrom !== 'collaborative') return { ok: true, broker: null };
  const chosen = form.supportCollaborativeId;
  if (!collaboratives.length) return { ok: false, field: 'supportFrom', problem: 'noCollaborative' };
  if (chosen && !collaboratives.some((c) => c.id === chosen))
    return { ok: false, field: 'supportCollaborativeId', problem: 'supportCollaborative' };
  if (!chosen && collaboratives.length > 1)
    return { ok: false, field: 'supportCollaborativeId', problem: 'supportCollaborativeMissing' };
  return { ok: true, broker: { collaborativeId: chosen || collaboratives[0]!.id } };
}

const FORM_ORDER = [
  'description',
  'ownerUserId',
  'owner',
  'startOn-day',
  'dueOn-day',
  'milestones',
  ...Array.from({ length: COST_LINES }, (_, i) => Object.values(costFieldIds(i + 1))).flat(),
  'professionalLearning',
  'supportFrom',
  'supportCollaborativeId',
  'supportDetail',
  'status',
];

/** The error summary lists problems in the order the fields appear on the page. */
function inFormOrder(errors: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(errors).sort(([a], [b]) => FORM_ORDER.indexOf(a) - FORM_ORDER.indexOf(b)));
}

/**
 * A saved action, with its cost lines, back into the form's shape, for editing (`collaborativeId`:
 * the collaborative its support request went to).
 */
export function actionToForm(
  action: PlanAction & { costs: CostLine[] },
  people: readonly Person[],
  collaborativeId = '',
): ActionForm {
  return {
    description: action.description,
    ...ownerToForm(action, people),
    startOn: dateToParts(action.startOn),
    dueOn: dateToParts(action.dueOn),
    milestones: action.milestones,
    costs: costLinesToForm(linesOf(action)),
    professionalLearning: action.professionalLearning,
    supportFrom: action.supportFrom,
    supportCollaborativeId: action.supportFrom === 'collaborative' ? collaborativeId : '',
    supportDetail: action.supportDetail,
    status: action.status,
  };
}

export const EMPTY_ACTION_FORM: ActionForm = {
  description: '',
  ownerUserId: '',
  owner: '',
  startOn: dateToParts(null),
  dueOn: dateToParts(null),
  milestones: '',
  costs: costLinesToForm([]),
  professionalLearning: '',
  supportFrom: 'none',
  supportCollaborativeId: '',
  supportDetail: '',
  status: 'not_started',
};
