import { describe, expect, it } from 'vitest';
import {
  countsAsPrimaryCollaborative,
  professionalLearningRule,
  type CollaborativeInput,
  type Person,
  type RuleInput,
} from './professional-learning-rule.ts';

const person = (id: string, extra: Partial<Person> = {}): Person => ({ id, name: `Person ${id}`, ...extra });
const collaborative = (id: string, memberSectors: string[], leaders: Person[]): CollaborativeInput => ({
  id,
  nameEn: `Cluster ${id}`,
  nameCy: `Clwstwr ${id}`,
  memberSectors,
  leaders,
});
const rule = (input: Partial<RuleInput>) =>
  professionalLearningRule({ staff: [], secondarySchools: [], collaboratives: [], completed: new Set(), ...input });

describe('the professional learning rule: LA staff', () => {
  it('is met when every member of staff has completed the programme', () => {
    const result = rule({ staff: [person('a'), person('b')], completed: new Set(['a', 'b']) });
    expect(result.staff).toEqual({ met: true, total: 2, meeting: 2, gaps: [] });
    expect(result.met).toBe(true);
  });

  it('names every member of staff who has not, alphabetically', () => {
    const result = rule({
      staff: [person('z', { name: 'Zara' }), person('a', { name: 'Alun' }), person('m', { name: 'Megan' })],
      completed: new Set(['m']),
    });
    expect(result.staff.met).toBe(false);
    expect(result.staff.gaps.map((p) => p.name)).toEqual(['Alun', 'Zara']);
    expect(result.staff).toMatchObject({ total: 3, meeting: 1 });
    expect(result.met).toBe(false);
  });

  it('counts someone who is both officer and improvement partner once', () => {
    const result = rule({ staff: [person('a'), person('a')], completed: new Set() });
    expect(result.staff).toMatchObject({ total: 1, meeting: 0 });
    expect(result.staff.gaps).toHaveLength(1);
  });

  it('ignores inactive accounts, for and against', () => {
    const result = rule({ staff: [person('gone', { active: false }), person('here')], completed: new Set(['here']) });
    expect(result.staff).toEqual({ met: true, total: 1, meeting: 1, gaps: [] });
  });
});

describe('the professional learning rule: secondary schools', () => {
  it('is met when each school has at least one senior leader who completed it', () => {
    const result = rule({
      secondarySchools: [
        { number: '6814001', name: 'Cathays High', seniorLeaders: [person('h1'), person('l1')] },
        { number: '6815002', name: 'Ysgol Plasmawr', seniorLeaders: [person('h2')] },
      ],
      completed: new Set(['l1', 'h2']),
    });
    expect(result.secondarySchools).toEqual({ met: true, total: 2, meeting: 2, gaps: [] });
  });

  it('tells a school with leaders none of whom completed it from one with no senior leader recorded', () => {
    const result = rule({
      secondarySchools: [
        { number: '6814001', name: 'Willows High', seniorLeaders: [person('h1')] },
        { number: '6814002', name: 'Cardiff High', seniorLeaders: [] },
        { number: '6814003', name: 'Fitzalan High', seniorLeaders: [person('h3', { active: false })] },
      ],
      completed: new Set(['h3']),
    });
    expect(result.secondarySchools.met).toBe(false);
    expect(result.secondarySchools.gaps).toEqual([
      { number: '6814002', name: 'Cardiff High', reason: 'noLeaderRecorded' },
      { number: '6814003', name: 'Fitzalan High', reason: 'noLeaderRecorded' },
      { number: '6814001', name: 'Willows High', reason: 'noneCompleted' },
    ]);
    expect(result.secondarySchools).toMatchObject({ total: 3, meeting: 0 });
  });
});

describe('the professional learning rule: primary clusters and collaboratives', () => {
  it('is met when each has at least one leader who completed it', () => {
    const result = rule({
      collaboratives: [collaborative('c1', ['primary', 'secondary'], [person('lead'), person('head')])],
      completed: new Set(['head']),
    });
    expect(result.collaboratives).toEqual({ met: true, total: 1, meeting: 1, gaps: [] });
  });

  it('names a collaborative whose leaders have not completed it, and one with no leader recorded', () => {
    const result = rule({
      collaboratives: [collaborative('b', ['primary'], [person('x')]), collaborative('a', ['special', 'pru'], [])],
      completed: new Set(),
    });
    expect(result.collaboratives.gaps).toEqual([
      { id: 'a', nameEn: 'Cluster a', nameCy: 'Clwstwr a', reason: 'noLeaderRecorded' },
      { id: 'b', nameEn: 'Cluster b', nameCy: 'Clwstwr b', reason: 'noneCompleted' },
    ]);
    expect(result.collaboratives).toMatchObject({ met: false, total: 2, meeting: 0 });
  });

  it('leaves out a collaborative of secondary schools alone, which the secondary part covers', () => {
    const result = rule({
      collaboratives: [
        collaborative('sec', ['secondary', 'secondary'], [person('x')]),
        collaborative('mid', ['secondary', 'middle'], [person('y')]),
      ],
      completed: new Set(['y']),
    });
    expect(result.collaboratives).toEqual({ met: true, total: 1, meeting: 1, gaps: [] });
  });

  it('counts special, PRU and middle-school collaboratives as primary ones', () => {
    expect(countsAsPrimaryCollaborative(['special'])).toBe(true);
    expect(countsAsPrimaryCollaborative(['pru', 'pru'])).toBe(true);
    expect(countsAsPrimaryCollaborative(['middle', 'secondary'])).toBe(true);
    expect(countsAsPrimaryCollaborative(['secondary'])).toBe(false);
    // A collaborative still forming, with no members yet, is counted: its gap shows it needs leaders.
    expect(countsAsPrimaryCollaborative([])).toBe(true);
  });

  it('does not let an inactive leader meet it', () => {
    const result = rule({
      collaboratives: [collaborative('c', ['primary'], [person('gone', { active: false })])],
      completed: new Set(['gone']),
    });
    expect(result.collaboratives.gaps[0]?.reason).toBe('noLeaderRecorded');
  });
});

describe('the whole rule', () => {
  it('is met only when all three parts are', () => {
    const base = {
      staff: [person('s')],
      secondarySchools: [{ number: '1', name: 'High', seniorLeaders: [person('h')] }],
      collaboratives: [collaborative('c', ['primary'], [person('p')])],
    };
    expect(rule({ ...base, completed: new Set(['s', 'h', 'p']) }).met).toBe(true);
    expect(rule({ ...base, completed: new Set(['h', 'p']) }).met).toBe(false);
    expect(rule({ ...base, completed: new Set(['s', 'p']) }).met).toBe(false);
    expect(rule({ ...base, completed: new Set(['s', 'h']) }).met).toBe(false);
  });

  it('is met where there is nothing to count (an LA with no secondary schools of its own)', () => {
    expect(rule({}).met).toBe(true);
  });
});
