import { describe, expect, it } from 'vitest';
import { linesOf, totalOf, validateCostLines, type CostLine } from './cost-lines.ts';
import { costTotals, spendingYear } from './cost-totals.ts';
import { presentCosts } from './cost-presenter.ts';

const action = (id: string, costs: CostLine[], dates: { startOn?: string | null; dueOn?: string | null } = {}) => ({
  id,
  description: `Action ${id}`,
  language: 'en',
  startOn: dates.startOn ?? null,
  dueOn: dates.dueOn ?? null,
  costPence: totalOf(costs),
  costs,
});
const line = (amountPence: number, source: CostLine['source'], grantName = ''): CostLine => ({
  amountPence,
  source,
  grantName,
});

describe('costTotals', () => {
  const reading = {
    id: 'p1',
    title: 'Reading',
    language: 'en',
    actions: [
      action('a1', [line(100_000, 'pdg'), line(25_050, 'school_budget')], { startOn: '2026-09-01' }),
      action('a2', [line(33, 'pdg')], { startOn: '2027-08-31' }),
    ],
  };
  const attendance = {
    id: 'p2',
    title: 'Presenoldeb',
    language: 'cy',
    actions: [
      action('a3', [line(50_000, 'other_grant', 'Arts Council'), line(1_000, 'other_grant', 'Big Lottery')], {
        dueOn: '2027-09-01',
      }),
      action('a4', [], { startOn: '2026-10-01' }),
    ],
  };
  const totals = costTotals([reading, attendance], 2026);

  it('adds up each priority, including one with nothing costed', () => {
    expect(totals.byPriority).toEqual([
      { id: 'p1', title: 'Reading', language: 'en', totalPence: 125_083 },
      { id: 'p2', title: 'Presenoldeb', language: 'cy', totalPence: 51_000 },
    ]);
    expect(costTotals([{ ...reading, actions: [] }], 2026).byPriority[0]!.totalPence).toBe(0);
  });

  it('adds up each funding source in the list order, each other grant by its name', () => {
    expect(totals.bySource).toEqual([
      { source: 'pdg', grantName: '', totalPence: 100_033 },
      { source: 'school_budget', grantName: '', totalPence: 25_050 },
      { source: 'other_grant', grantName: 'Arts Council', totalPence: 50_000 },
      { source: 'other_grant', grantName: 'Big Lottery', totalPence: 1_000 },
    ]);
  });

  it('adds up each academic year, by the start date, else the due date', () => {
    expect(totals.byYear).toEqual([
      { year: 2026, totalPence: 125_083 },
      { year: 2027, totalPence: 51_000 },
    ]);
  });

  it('puts an undated action in the plan year', () => {
    expect(spendingYear({ startOn: null, dueOn: null }, 2028)).toBe(2028);
    expect(spendingYear({ startOn: '2027-08-31', dueOn: '2027-09-01' }, 2020)).toBe(2026);
    expect(spendingYear({ startOn: null, dueOn: '2027-09-01' }, 2020)).toBe(2027);
  });

  it('keeps every penny: the parts add up to the whole with nothing rounded', () => {
    const thirds = costTotals(
      [{ ...reading, actions: [action('x', [line(33, 'pdg'), line(33, 'laeg'), line(34, 'school_budget')])] }],
      2026,
    );
    expect(thirds.totalPence).toBe(100);
    expect(presentCosts(thirds).totalText).toBe('£1');
    expect(presentCosts(thirds).bySource.map((s) => s.totalText)).toEqual(['£0.33', '£0.34', '£0.33']);
    expect(totals.totalPence).toBe(176_083);
    expect(presentCosts(totals).totalText).toBe('£1,760.83');
  });

  it('is empty, not zero rows, for a plan with no costs', () => {
    const empty = costTotals([], 2026);
    expect(empty).toMatchObject({ totalPence: 0, bySource: [], byYear: [], rows: [] });
    expect(presentCosts(costTotals([{ ...reading, actions: [action('a', [])] }], 2026)).hasCosts).toBe(false);
  });

  it('reads a cost saved before sources were asked for as not decided yet', () => {
    const old = { ...action('old', []), costPence: 45_000, costs: undefined };
    expect(linesOf(old)).toEqual([line(45_000, 'not_decided')]);
    expect(costTotals([{ ...reading, actions: [old] }], 2026).bySource).toEqual([
      { source: 'not_decided', grantName: '', totalPence: 45_000 },
    ]);
  });
});

describe('validateCostLines', () => {
  const blank = { amount: '', source: '', grantName: '' };

  it('keeps lines typed in full, skips blank ones and drops a name a source does not take', () => {
    expect(
      validateCostLines([
        { amount: '£1,000', source: 'pdg', grantName: 'ignored' },
        blank,
        { amount: '50.5', source: 'other_grant', grantName: 'Arts Council' },
      ]),
    ).toEqual({ lines: [line(100_000, 'pdg'), line(5_050, 'other_grant', 'Arts Council')], errors: {} });
    expect(validateCostLines([blank, blank, blank])).toEqual({ lines: [], errors: {} });
  });

  it('says what is missing or wrong on each line, by field', () => {
    const { errors } = validateCostLines([
      { amount: '', source: 'pdg', grantName: '' },
      { amount: '-5', source: 'bitcoin', grantName: '' },
      { amount: '£5,000,000.01', source: 'other_grant', grantName: '' },
    ]);
    expect(errors).toEqual({
      cost1: 'pages.planAction.errors.costAmountMissing',
      cost2: 'pages.planAction.errors.cost',
      costSource2: 'pages.planAction.errors.costSource',
      cost3: 'pages.planAction.errors.costTooLarge',
      costGrant3: 'pages.planAction.errors.costGrantMissing',
    });
    expect(validateCostLines([{ amount: '5', source: '', grantName: 'x'.repeat(201) }]).errors).toEqual({
      costSource1: 'pages.planAction.errors.costSourceMissing',
      costGrant1: 'pages.planAction.errors.costGrantTooLong',
    });
  });

  it('accepts £5 million on a line, the most one may be', () => {
    expect(validateCostLines([{ amount: '£5,000,000', source: 'laeg', grantName: '' }]).lines).toEqual([
      line(500_000_000, 'laeg'),
    ]);
  });
});
