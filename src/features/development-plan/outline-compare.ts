import type { SnapshotOutlineEntry } from './plan-snapshot.ts';

export type OutlineComparison = {
  added: SnapshotOutlineEntry[];
  removed: SnapshotOutlineEntry[];
  changed: { before: SnapshotOutlineEntry; after: SnapshotOutlineEntry }[];
};

const sameContent = (a: SnapshotOutlineEntry, b: SnapshotOutlineEntry) =>
  a.academicYear === b.academicYear &&
  a.title === b.title &&
  a.summary === b.summary &&
  a.continuesPriorityId === b.continuesPriorityId &&
  JSON.stringify(a.actions) === JSON.stringify(b.actions);

/** What changed in the outline of years two and three from one revision to the next, entries paired by id. */
export function compareOutlines(before: SnapshotOutlineEntry[], after: SnapshotOutlineEntry[]): OutlineComparison {
  const byId = new Map(before.map((e) => [e.id, e]));
  const afterIds = new Set(after.map((e) => e.id));
  const changed: OutlineComparison['changed'] = [];
  const added: SnapshotOutlineEntry[] = [];
  for (const entry of after) {
    const previous = byId.get(entry.id);
    if (!previous) added.push(entry);
    else if (!sameContent(previous, entry)) changed.push({ before: previous, after: entry });
  }
  return { added, removed: before.filter((e) => !afterIds.has(e.id)), changed };
}

export const outlineChanged = (c: OutlineComparison) => c.added.length + c.removed.length + c.changed.length > 0;
