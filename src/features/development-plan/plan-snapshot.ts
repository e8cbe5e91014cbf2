import { FUNDING_SOURCES, isOneOf } from '../../reference/reference-data.ts';
import { linesOf, type CostLine } from './cost-lines.ts';

/**
 * The plan as it stood when a revision was saved for governors: frozen as JSON in
 * plan_revisions.snapshot, so later edits never change what the governing body approved.
 */
export const SNAPSHOT_FORMAT = 1;

export type SnapshotAction = {
  id: string;
  description: string;
  owner: string;
  startOn: string | null;
  dueOn: string | null;
  milestones: string;
  /** The total of `costs`, kept on its own so revisions frozen before the split still read. */
  costPence: number | null;
  costs: CostLine[];
  professionalLearning: string;
  supportFrom: string;
  supportDetail: string;
  status: string;
  language: string;
};

export type SnapshotPriority = {
  id: string;
  carriedFromId: string | null;
  title: string;
  description: string;
  nifTheme: string | null;
  learners: string;
  successMeasure: string;
  state: string;
  language: string;
  criteria: string[];
  actions: SnapshotAction[];
};

/** An entry of the outline of years two and three (issue 15), so governors approve all three years. */
export type SnapshotOutlineEntry = {
  id: string;
  academicYear: number;
  continuesPriorityId: string | null;
  title: string;
  summary: string;
  language: string;
  actions: { term: string; description: string }[];
};

export type PlanSnapshot = {
  format: typeof SNAPSHOT_FORMAT;
  firstYear: number;
  academicYear: number;
  summary: string;
  summaryLanguage: string;
  priorities: SnapshotPriority[];
  outline: SnapshotOutlineEntry[];
};

export const PRIORITY_FIELDS = [
  'title',
  'description',
  'nifTheme',
  'learners',
  'successMeasure',
  'state',
] as const satisfies readonly (keyof SnapshotPriority)[];
export const ACTION_FIELDS = [
  'description',
  'owner',
  'startOn',
  'dueOn',
  'milestones',
  'costPence',
  'costs',
  'professionalLearning',
  'supportFrom',
  'supportDetail',
  'status',
] as const satisfies readonly (keyof SnapshotAction)[];
export type PriorityField = (typeof PRIORITY_FIELDS)[number];
export type ActionField = (typeof ACTION_FIELDS)[number];

type PriorityRow = Omit<SnapshotPriority, 'criteria' | 'actions'> & Record<string, unknown>;
type ActionRow = Omit<SnapshotAction, 'costs'> & { costs?: CostLine[] | null; priorityId: string } & Record<
    string,
    unknown
  >;

/** Only the fields a revision keeps, in a fixed order, whatever else the rows carry. */
export function buildSnapshot(
  plan: { firstYear: number; summary: string; language: string },
  academicYear: number,
  priorities: PriorityRow[],
  criteria: { priorityId: string; text: string }[],
  actions: ActionRow[],
  outline: SnapshotOutlineEntry[] = [],
): PlanSnapshot {
  return {
    format: SNAPSHOT_FORMAT,
    firstYear: plan.firstYear,
    academicYear,
    summary: plan.summary,
    summaryLanguage: plan.language,
    priorities: priorities.map((p) => ({
      id: p.id,
      carriedFromId: p.carriedFromId,
      title: p.title,
      description: p.description,
      nifTheme: p.nifTheme,
      learners: p.learners,
      successMeasure: p.successMeasure,
      state: p.state,
      language: p.language,
      criteria: criteria.filter((c) => c.priorityId === p.id).map((c) => c.text),
      actions: actions
        .filter((a) => a.priorityId === p.id)
        .map((a) => ({
          id: a.id,
          description: a.description,
          owner: a.owner,
          startOn: a.startOn,
          dueOn: a.dueOn,
          milestones: a.milestones,
          costPence: a.costPence,
          costs: linesOf(a),
          professionalLearning: a.professionalLearning,
          supportFrom: a.supportFrom,
          supportDetail: a.supportDetail,
          status: a.status,
          language: a.language,
        })),
    })),
    outline: outline.map((o) => ({
      id: o.id,
      academicYear: o.academicYear,
      continuesPriorityId: o.continuesPriorityId,
      title: o.title,
      summary: o.summary,
      language: o.language,
      actions: o.actions.map((a) => ({ term: a.term, description: a.description })),
    })),
  };
}

const text = (value: unknown, fallback = ''): string => (typeof value === 'string' ? value : fallback);
const textOrNull = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

function readCostLine(value: unknown): CostLine[] {
  const c = (value && typeof value === 'object' ? value : {}) as Record<string, unknown>;
  if (typeof c.amountPence !== 'number' || !isOneOf(FUNDING_SOURCES, c.source)) return [];
  return [{ amountPence: c.amountPence, source: c.source, grantName: text(c.grantName) }];
}

function readAction(value: unknown, index: number): SnapshotAction {
  const a = (value && typeof value === 'object' ? value : { description: text(value) }) as Record<string, unknown>;
  return {
    id: text(a.id, `action-${index}`),
    description: text(a.description),
    owner: text(a.owner),
    startOn: textOrNull(a.startOn),
    dueOn: textOrNull(a.dueOn),
    milestones: text(a.milestones),
    costPence: typeof a.costPence === 'number' ? a.costPence : null,
    // A revision frozen before costs had sources holds only the total: read as one undecided line.
    costs: linesOf({
      costPence: typeof a.costPence === 'number' ? a.costPence : null,
      costs: Array.isArray(a.costs) ? a.costs.flatMap(readCostLine) : [],
    }),
    professionalLearning: text(a.professionalLearning),
    supportFrom: text(a.supportFrom, 'none'),
    supportDetail: text(a.supportDetail),
    status: text(a.status, 'not_started'),
    language: text(a.language, 'en'),
  };
}

const OUTLINE_TERM_CODES = ['autumn', 'spring', 'summer', 'year'];

function readOutlineEntry(value: unknown, index: number): SnapshotOutlineEntry {
  const o = (value && typeof value === 'object' ? value : { title: text(value) }) as Record<string, unknown>;
  const actions = Array.isArray(o.actions) ? (o.actions as unknown[]) : [];
  return {
    id: text(o.id, `outline-${index}`),
    academicYear: typeof o.academicYear === 'number' ? o.academicYear : 0,
    continuesPriorityId: textOrNull(o.continuesPriorityId),
    title: text(o.title),
    summary: text(o.summary),
    language: text(o.language, 'en'),
    actions: actions.map((a) => {
      const r = (a && typeof a === 'object' ? a : { description: text(a) }) as Record<string, unknown>;
      const term = text(r.term, 'year');
      return { term: OUTLINE_TERM_CODES.includes(term) ? term : 'year', description: text(r.description) };
    }),
  };
}

function readPriority(value: unknown, index: number): SnapshotPriority {
  // A bare title is the least a revision can hold; anything missing reads as blank.
  const p = (value && typeof value === 'object' ? value : { title: text(value) }) as Record<string, unknown>;
  return {
    id: text(p.id, `priority-${index}`),
    carriedFromId: textOrNull(p.carriedFromId),
    title: text(p.title),
    description: text(p.description),
    nifTheme: textOrNull(p.nifTheme),
    learners: text(p.learners),
    successMeasure: text(p.successMeasure),
    state: text(p.state, 'agreed'),
    language: text(p.language, 'en'),
    criteria: Array.isArray(p.criteria) ? p.criteria.map((c) => text(c)).filter(Boolean) : [],
    actions: Array.isArray(p.actions) ? p.actions.map(readAction) : [],
  };
}

/**
 * A stored snapshot read back defensively: revisions are kept for years, and one written by an
 * older version of this code (or by hand) must still show, never break the page.
 */
export function readSnapshot(value: unknown, revision: { academicYear: number }): PlanSnapshot {
  const s = (value && typeof value === 'object' ? value : {}) as Record<string, unknown>;
  return {
    format: SNAPSHOT_FORMAT,
    firstYear: typeof s.firstYear === 'number' ? s.firstYear : revision.academicYear,
    academicYear: typeof s.academicYear === 'number' ? s.academicYear : revision.academicYear,
    summary: text(s.summary),
    summaryLanguage: text(s.summaryLanguage, 'en'),
    priorities: Array.isArray(s.priorities) ? s.priorities.map(readPriority) : [],
    // Revisions saved before the outline existed have none.
    outline: Array.isArray(s.outline) ? s.outline.map(readOutlineEntry) : [],
  };
}
