import { describe, expect, it } from 'vitest';
import { comparePlanSnapshots } from './plan-compare.ts';
import { readSnapshot, type PlanSnapshot, type SnapshotAction, type SnapshotPriority } from './plan-snapshot.ts';

const action = (id: string, overrides: Partial<SnapshotAction> = {}): SnapshotAction => ({
  id,
  description: `Action ${id}`,
  owner: 'Deputy head',
  startOn: '2026-09-01',
  dueOn: '2027-03-31',
  milestones: '',
  costPence: null,
  costs: [],
  professionalLearning: '',
  supportFrom: 'none',
  supportDetail: '',
  status: 'not_started',
  language: 'en',
  ...overrides,
});
const priority = (id: string, overrides: Partial<SnapshotPriority> = {}): SnapshotPriority => ({
  id,
  carriedFromId: null,
  title: `Priority ${id}`,
  description: '',
  nifTheme: 'curriculum_teaching',
  learners: 'eFSM learners',
  successMeasure: 'Reading ages rise',
  state: 'agreed',
  language: 'en',
  criteria: [],
  actions: [],
  ...overrides,
});
const snapshot = (priorities: SnapshotPriority[], summary = 'Our plan'): PlanSnapshot => ({
  format: 1,
  firstYear: 2026,
  academicYear: 2026,
  summary,
  summaryLanguage: 'en',
  priorities,
  outline: [],
});

describe('comparePlanSnapshots', () => {
  it('finds nothing between identical revisions', () => {
    const a = snapshot([priority('p1', { actions: [action('a1')], criteria: ['90% read at age'] })]);
    const result = comparePlanSnapshots(a, structuredClone(a));
    expect(result.hasChanges).toBe(false);
    expect(result.unchangedPriorities.map((p) => p.id)).toEqual(['p1']);
    expect(result.changedPriorities).toEqual([]);
  });

  it('reports the summary, added and removed priorities', () => {
    const result = comparePlanSnapshots(
      snapshot([priority('p1'), priority('p2')], 'Old'),
      snapshot([priority('p1'), priority('p3')], 'New'),
    );
    expect(result.summary).toEqual({ field: 'summary', before: 'Old', after: 'New' });
    expect(result.addedPriorities.map((p) => p.id)).toEqual(['p3']);
    expect(result.removedPriorities.map((p) => p.id)).toEqual(['p2']);
    expect(result.hasChanges).toBe(true);
  });

  it('reports changed priority fields, field by field', () => {
    const result = comparePlanSnapshots(
      snapshot([priority('p1')]),
      snapshot([priority('p1', { title: 'Sharper', state: 'in_progress' })]),
    );
    expect(result.changedPriorities).toHaveLength(1);
    expect(result.changedPriorities[0]!.fields).toEqual([
      { field: 'title', before: 'Priority p1', after: 'Sharper' },
      { field: 'state', before: 'agreed', after: 'in_progress' },
    ]);
  });

  it('reports actions added, removed and changed per field', () => {
    const before = snapshot([priority('p1', { actions: [action('a1'), action('a2')] })]);
    const after = snapshot([
      priority('p1', { actions: [action('a1', { status: 'done', costPence: 125050 }), action('a3')] }),
    ]);
    const change = comparePlanSnapshots(before, after).changedPriorities[0]!;
    expect(change.fields).toEqual([]);
    expect(change.addedActions.map((a) => a.id)).toEqual(['a3']);
    expect(change.removedActions.map((a) => a.id)).toEqual(['a2']);
    expect(change.changedActions).toEqual([
      expect.objectContaining({
        fields: [
          { field: 'costPence', before: null, after: 125050 },
          { field: 'status', before: 'not_started', after: 'done' },
        ],
      }),
    ]);
  });

  it('reports success criteria added and removed', () => {
    const before = snapshot([priority('p1', { criteria: ['A', 'B'] })]);
    const after = snapshot([priority('p1', { criteria: ['B', 'C'] })]);
    const change = comparePlanSnapshots(before, after).changedPriorities[0]!;
    expect(change.addedCriteria).toEqual(['C']);
    expect(change.removedCriteria).toEqual(['A']);
  });

  it('follows a priority carried into a new cycle, and its actions by their wording', () => {
    const before = snapshot([priority('p1', { actions: [action('a1', { description: 'Train staff' })] })]);
    const after = snapshot([
      priority('p9', {
        carriedFromId: 'p1',
        actions: [action('a9', { description: 'Train staff', status: 'in_progress' })],
      }),
    ]);
    const result = comparePlanSnapshots(before, after);
    expect(result.addedPriorities).toEqual([]);
    expect(result.removedPriorities).toEqual([]);
    expect(result.changedPriorities[0]!.changedActions[0]!.fields).toEqual([
      { field: 'status', before: 'not_started', after: 'in_progress' },
    ]);
  });

  it('pairs priorities by title when nothing else links them', () => {
    const result = comparePlanSnapshots(
      snapshot([priority('p1', { title: 'Reading' })]),
      snapshot([priority('p2', { title: 'Reading', state: 'in_progress' })]),
    );
    expect(result.addedPriorities).toEqual([]);
    expect(result.changedPriorities[0]!.fields).toEqual([{ field: 'state', before: 'agreed', after: 'in_progress' }]);
  });

  it('treats a missing value and null alike', () => {
    const before = snapshot([priority('p1', { nifTheme: null })]);
    const after = snapshot([priority('p1')]);
    delete (after.priorities[0] as Partial<SnapshotPriority>).nifTheme;
    expect(comparePlanSnapshots(before, after).hasChanges).toBe(false);
  });
});

describe('readSnapshot', () => {
  it('reads a snapshot it wrote unchanged', () => {
    const a = snapshot([priority('p1', { actions: [action('a1')], criteria: ['C'] })]);
    expect(readSnapshot(structuredClone(a), { academicYear: 2026 })).toEqual(a);
  });

  it('reads a partial or hand-written snapshot without breaking', () => {
    const read = readSnapshot(
      { summary: 'demo', priorities: ['Reading', { title: 'Attendance', actions: ['Call families'] }] },
      { academicYear: 2026 },
    );
    expect(read.firstYear).toBe(2026);
    expect(read.priorities.map((p) => p.title)).toEqual(['Reading', 'Attendance']);
    expect(read.priorities[1]!.actions[0]).toMatchObject({
      description: 'Call families',
      status: 'not_started',
      supportFrom: 'none',
    });
    expect(readSnapshot(null, { academicYear: 2026 }).priorities).toEqual([]);
  });
});

describe('an action’s cost lines between revisions', () => {
  const pdg = { amountPence: 45_000, source: 'pdg' as const, grantName: '' };
  const undecided = { amountPence: 45_000, source: 'not_decided' as const, grantName: '' };

  it('are a change when the split changes, even with the same total', () => {
    const before = snapshot([priority('p1', { actions: [action('a1', { costPence: 45_000, costs: [pdg] })] })]);
    const split = [
      { ...pdg, amountPence: 30_000 },
      { amountPence: 15_000, source: 'school_budget' as const, grantName: '' },
    ];
    const after = snapshot([priority('p1', { actions: [action('a1', { costPence: 45_000, costs: split })] })]);
    expect(comparePlanSnapshots(before, after).changedPriorities[0]!.changedActions[0]!.fields).toEqual([
      { field: 'costs', before: [pdg], after: split },
    ]);
    expect(comparePlanSnapshots(before, structuredClone(before)).hasChanges).toBe(false);
  });

  it('read from a revision kept before sources as one line not decided yet, so nothing seems changed', () => {
    const old = readSnapshot(
      { priorities: [{ id: 'p1', title: 'R', actions: [{ id: 'a1', description: 'D', costPence: 45_000 }] }] },
      { academicYear: 2026 },
    );
    expect(old.priorities[0]!.actions[0]!.costs).toEqual([undecided]);
    const now = structuredClone(old);
    expect(comparePlanSnapshots(old, now).hasChanges).toBe(false);
    const hostile = readSnapshot(
      {
        priorities: [
          {
            actions: [
              {
                costPence: 5,
                costs: [
                  { amountPence: 'x', source: 'pdg' },
                  { amountPence: 5, source: 'cash' },
                ],
              },
            ],
          },
        ],
      },
      { academicYear: 2026 },
    );
    expect(hostile.priorities[0]!.actions[0]!.costs).toEqual([
      { amountPence: 5, source: 'not_decided', grantName: '' },
    ]);
  });
});
