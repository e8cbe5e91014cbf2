import type { PlanSnapshot, SnapshotSection } from './plan-repository.ts';

export type DiffPart = { kind: 'same' | 'added' | 'removed'; text: string };
export type SectionComparison = {
  sectionId: string;
  titleEn: string;
  titleCy: string;
  status: 'unchanged' | 'changed' | 'added' | 'removed';
  before: string;
  after: string;
  /** Word by word; null when the texts are too long to diff cheaply (then they are shown side by side). */
  diff: DiffPart[] | null;
};

// Words with the spaces after them, so joining the parts gives the text back.
const tokens = (text: string) => text.match(/\S+\s*|\s+/g) ?? [];
const MAX_CELLS = 400_000;

/** A word-level diff by longest common subsequence (answers are a few hundred words: small tables). */
export function wordDiff(before: string, after: string): DiffPart[] | null {
  const a = tokens(before);
  const b = tokens(after);
  if ((a.length + 1) * (b.length + 1) > MAX_CELLS) return null;
  const width = b.length + 1;
  const lcs = new Uint32Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lcs[i * width + j] =
        a[i]!.trim() === b[j]!.trim()
          ? lcs[(i + 1) * width + j + 1]! + 1
          : Math.max(lcs[(i + 1) * width + j]!, lcs[i * width + j + 1]!);
    }
  }
  const parts: DiffPart[] = [];
  const push = (kind: DiffPart['kind'], text: string) => {
    const last = parts.at(-1);
    if (last?.kind === kind) last.text += text;
    else parts.push({ kind, text });
  };
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i]!.trim() === b[j]!.trim()) {
      push('same', b[j]!);
      i++;
      j++;
    } else if (lcs[(i + 1) * width + j]! >= lcs[i * width + j + 1]!) push('removed', a[i++]!);
    else push('added', b[j++]!);
  }
  while (i < a.length) push('removed', a[i++]!);
  while (j < b.length) push('added', b[j++]!);
  return parts;
}

/** Section by section (matched by the template's section), what changed from one version to another. */
export function comparePlanVersions(
  older: PlanSnapshot,
  newer: PlanSnapshot,
): { sections: SectionComparison[]; changed: number } {
  const oldById = new Map(older.sections.map((s) => [s.sectionId, s]));
  const newIds = new Set(newer.sections.map((s) => s.sectionId));
  const compare = (before: SnapshotSection | undefined, after: SnapshotSection | undefined): SectionComparison => {
    const s = (after ?? before)!;
    const b = before?.body ?? '';
    const a = after?.body ?? '';
    const status = !before ? 'added' : !after ? 'removed' : b.trim() === a.trim() ? 'unchanged' : 'changed';
    return {
      sectionId: s.sectionId,
      titleEn: s.titleEn,
      titleCy: s.titleCy,
      status,
      before: b,
      after: a,
      diff: status === 'changed' ? wordDiff(b, a) : null,
    };
  };
  const sections = [
    ...newer.sections.map((s) => compare(oldById.get(s.sectionId), s)),
    ...older.sections.filter((s) => !newIds.has(s.sectionId)).map((s) => compare(s, undefined)),
  ];
  return { sections, changed: sections.filter((s) => s.status !== 'unchanged').length };
}
