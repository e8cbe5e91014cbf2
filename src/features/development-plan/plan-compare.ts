import {
  ACTION_FIELDS,
  PRIORITY_FIELDS,
  type ActionField,
  type PlanSnapshot,
  type PriorityField,
  type SnapshotAction,
  type SnapshotPriority,
} from './plan-snapshot.ts';

import { compareOutlines, outlineChanged, type OutlineComparison } from './outline-compare.ts';

export type FieldChange<F extends string> = { field: F; before: unknown; after: unknown };

export type ActionChange = { before: SnapshotAction; after: SnapshotAction; fields: FieldChange<ActionField>[] };

export type PriorityChange = {
  before: SnapshotPriority;
  after: SnapshotPriority;
  fields: FieldChange<PriorityField>[];
  addedActions: SnapshotAction[];
  removedActions: SnapshotAction[];
  changedActions: ActionChange[];
  addedCriteria: string[];
  removedCriteria: string[];
};

export type PlanComparison = {
  summary: FieldChange<'summary'> | null;
  addedPriorities: SnapshotPriority[];
  removedPriorities: SnapshotPriority[];
  changedPriorities: PriorityChange[];
  unchangedPriorities: SnapshotPriority[];
  outline: OutlineComparison;
  hasChanges: boolean;
};

function changedFields<T, F extends keyof T & string>(before: T, after: T, fields: readonly F[]): FieldChange<F>[] {
  return (
    fields
      // Compared as JSON so a list (an action's cost lines) counts as changed only when its content is.
      .filter((f) => JSON.stringify(before[f] ?? null) !== JSON.stringify(after[f] ?? null))
      .map((field) => ({ field, before: before[field] ?? null, after: after[field] ?? null }))
  );
}

/**
 * Pairs items of two lists: first by id, then by `sameAs` for what is left (a priority carried
 * into a new cycle gets a new id but names the one it came from, or keeps its title; its actions
 * keep their wording).
 */
function pair<T extends { id: string }>(before: T[], after: T[], sameAs: (b: T, a: T) => boolean) {
  const pairs: [T, T][] = [];
  const leftBefore = [...before];
  const leftAfter: T[] = [];
  for (const a of after) {
    const index = leftBefore.findIndex((b) => b.id === a.id);
    if (index >= 0) pairs.push([leftBefore.splice(index, 1)[0]!, a]);
    else leftAfter.push(a);
  }
  const added: T[] = [];
  for (const a of leftAfter) {
    const index = leftBefore.findIndex((b) => sameAs(b, a));
    if (index >= 0) pairs.push([leftBefore.splice(index, 1)[0]!, a]);
    else added.push(a);
  }
  return { pairs, added, removed: leftBefore };
}

/** Criteria are short statements compared as a list of texts (a reworded one is removed + added). */
function listDifference(before: string[], after: string[]) {
  const remaining = [...before];
  const added: string[] = [];
  for (const text of after) {
    const index = remaining.indexOf(text);
    if (index >= 0) remaining.splice(index, 1);
    else added.push(text);
  }
  return { added, removed: remaining };
}

function comparePriority(before: SnapshotPriority, after: SnapshotPriority): PriorityChange {
  const actions = pair(before.actions, after.actions, (b, a) => b.description === a.description);
  const criteria = listDifference(before.criteria, after.criteria);
  return {
    before,
    after,
    fields: changedFields(before, after, PRIORITY_FIELDS),
    addedActions: actions.added,
    removedActions: actions.removed,
    changedActions: actions.pairs
      .map(([b, a]) => ({ before: b, after: a, fields: changedFields(b, a, ACTION_FIELDS) }))
      .filter((c) => c.fields.length > 0),
    addedCriteria: criteria.added,
    removedCriteria: criteria.removed,
  };
}

const isChange = (c: PriorityChange) =>
  c.fields.length +
    c.addedActions.length +
    c.removedActions.length +
    c.changedActions.length +
    c.addedCriteria.length +
    c.removedCriteria.length >
  0;

/** What was added, removed and changed from one revision of the plan to the next. */
export function comparePlanSnapshots(previous: PlanSnapshot, current: PlanSnapshot): PlanComparison {
  const priorities = pair(
    previous.priorities,
    current.priorities,
    (b, a) => a.carriedFromId === b.id || (a.title !== '' && a.title === b.title),
  );
  const compared = priorities.pairs.map(([b, a]) => comparePriority(b, a));
  const summary =
    previous.summary === current.summary
      ? null
      : { field: 'summary' as const, before: previous.summary, after: current.summary };
  const changedPriorities = compared.filter(isChange);
  const outline = compareOutlines(previous.outline, current.outline);
  return {
    summary,
    addedPriorities: priorities.added,
    removedPriorities: priorities.removed,
    changedPriorities,
    unchangedPriorities: compared.filter((c) => !isChange(c)).map((c) => c.after),
    outline,
    hasChanges:
      !!summary ||
      priorities.added.length > 0 ||
      priorities.removed.length > 0 ||
      changedPriorities.length > 0 ||
      outlineChanged(outline),
  };
}
