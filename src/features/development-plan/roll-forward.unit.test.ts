import { describe, expect, it } from 'vitest';
import { planRollForward, termDates, type RollInput, type RollOutlineEntry } from './roll-forward.ts';

const entry = (overrides: Partial<RollOutlineEntry>): RollOutlineEntry => ({
  id: 'o',
  academicYear: 2027,
  continuesPriorityId: null,
  title: 'Oracy across the school',
  summary: 'Talk for learning',
  language: 'cy',
  actions: [],
  ...overrides,
});

const input = (overrides: Partial<RollInput> = {}): RollInput => ({
  fromYear: 2026,
  yearOne: [
    {
      id: 'reading',
      state: 'in_progress',
      actions: [
        { id: 'a1', status: 'done' },
        { id: 'a2', status: 'in_progress' },
        { id: 'a3', status: 'not_started' },
      ],
    },
    { id: 'attendance', state: 'closed', actions: [{ id: 'a4', status: 'in_progress' }] },
    { id: 'draft', state: 'draft', actions: [] },
    { id: 'reviewed', state: 'reviewed', actions: [] },
  ],
  alreadyCarried: {},
  outline: [],
  ...overrides,
});

describe('planRollForward', () => {
  it('moves the window on by one year', () => {
    expect(planRollForward(input()).toYear).toBe(2027);
  });

  it('carries open priorities with their actions not done, and nothing finished', () => {
    expect(planRollForward(input()).carry).toEqual([
      { priorityId: 'reading', actionIds: ['a2', 'a3'] },
      { priorityId: 'draft', actionIds: [] },
    ]);
  });

  it('does not carry twice what starting the new cycle already carried', () => {
    expect(planRollForward(input({ alreadyCarried: { reading: 'reading-copy' } })).carry).toEqual([
      { priorityId: 'draft', actionIds: [] },
    ]);
  });

  it('turns year two of the outline into draft priorities, its actions dated by term, and uses it up', () => {
    const plan = planRollForward(
      input({
        outline: [
          entry({
            id: 'oracy',
            actions: [
              { term: 'autumn', description: 'Audit talk' },
              { term: 'year', description: 'Coaching' },
            ],
          }),
          entry({ id: 'later', academicYear: 2028, title: 'Later' }),
        ],
      }),
    );
    expect(plan.newDrafts).toEqual([
      {
        outlineId: 'oracy',
        title: 'Oracy across the school',
        description: 'Talk for learning',
        language: 'cy',
        carriedFromId: null,
        actions: [
          { description: 'Audit talk', startOn: '2027-09-01', dueOn: '2027-12-31' },
          { description: 'Coaching', startOn: '2027-09-01', dueOn: '2028-07-31' },
        ],
      },
    ]);
    expect(plan.consumed).toEqual(['oracy']);
    expect(plan.repoint).toEqual([]);
  });

  it('adds a continuing entry’s intended actions to the carried priority instead of a second priority', () => {
    const plan = planRollForward(
      input({
        outline: [
          entry({
            id: 'more-reading',
            continuesPriorityId: 'reading',
            actions: [{ term: 'spring', description: 'Reading buddies' }],
          }),
        ],
      }),
    );
    expect(plan.newDrafts).toEqual([]);
    expect(plan.addToCarried).toEqual([
      {
        outlineId: 'more-reading',
        priorityId: 'reading',
        language: 'cy',
        actions: [{ description: 'Reading buddies', startOn: '2028-01-01', dueOn: '2028-03-31' }],
      },
    ]);
    expect(plan.consumed).toEqual(['more-reading']);
  });

  it('makes a new draft naming where it came from when the priority it continues has finished', () => {
    const plan = planRollForward(input({ outline: [entry({ id: 'att', continuesPriorityId: 'attendance' })] }));
    expect(plan.addToCarried).toEqual([]);
    expect(plan.newDrafts.map((d) => [d.outlineId, d.carriedFromId])).toEqual([['att', 'attendance']]);
  });

  it('keeps year three as the new year two, pointing continuations at the carried priority', () => {
    const plan = planRollForward(
      input({
        alreadyCarried: { draft: 'draft-copy' },
        outline: [
          entry({ id: 'y3-reading', academicYear: 2028, continuesPriorityId: 'reading' }),
          entry({ id: 'y3-draft', academicYear: 2028, continuesPriorityId: 'draft' }),
          entry({ id: 'y3-attendance', academicYear: 2028, continuesPriorityId: 'attendance' }),
          entry({ id: 'y3-new', academicYear: 2028 }),
        ],
      }),
    );
    expect(plan.consumed).toEqual([]);
    expect(plan.newDrafts).toEqual([]);
    expect(plan.repoint).toEqual([
      { outlineId: 'y3-reading', priorityId: 'reading' },
      { outlineId: 'y3-draft', priorityId: 'draft' },
    ]);
  });

  it('works for a plan with no year-one cycle and no outline', () => {
    expect(planRollForward({ fromYear: 2026, yearOne: [], alreadyCarried: {}, outline: [] })).toEqual({
      toYear: 2027,
      carry: [],
      addToCarried: [],
      newDrafts: [],
      repoint: [],
      consumed: [],
    });
  });
});

describe('termDates', () => {
  it('dates each term within the school year that starts in September', () => {
    expect(termDates('autumn', 2027)).toEqual({ startOn: '2027-09-01', dueOn: '2027-12-31' });
    expect(termDates('spring', 2027)).toEqual({ startOn: '2028-01-01', dueOn: '2028-03-31' });
    expect(termDates('summer', 2027)).toEqual({ startOn: '2028-04-01', dueOn: '2028-07-31' });
    expect(termDates('year', 2027)).toEqual({ startOn: '2027-09-01', dueOn: '2028-07-31' });
  });
});
