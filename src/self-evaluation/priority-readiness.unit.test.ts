import { describe, expect, it } from 'vitest';
import {
  allowedTransitions,
  canMove,
  LA_READINESS_PARTS,
  needsReadiness,
  priorityReadiness,
  readinessChecklist,
} from './priority-readiness.ts';

const ready = {
  findingCount: 1,
  nifTheme: 'curriculum_teaching',
  learners: 'Learners eligible for free school meals in Years 3 to 6',
  successMeasure: 'Reading ages rise by 12 months in a year',
};

describe('priorityReadiness', () => {
  it('is ready with a finding, a NIF theme, the learners and how the school will know', () => {
    expect(priorityReadiness(ready)).toEqual([]);
  });

  it('lists every missing part, in the order the page shows them', () => {
    expect(priorityReadiness({ findingCount: 0, nifTheme: null, learners: '', successMeasure: '' })).toEqual([
      'finding',
      'nifTheme',
      'learners',
      'successMeasure',
    ]);
  });

  it('treats blank text as missing', () => {
    expect(priorityReadiness({ ...ready, learners: '   ', successMeasure: '\n' })).toEqual([
      'learners',
      'successMeasure',
    ]);
  });

  it('needs at least one linked finding', () => {
    expect(priorityReadiness({ ...ready, findingCount: 0 })).toEqual(['finding']);
    expect(priorityReadiness({ ...ready, findingCount: 3 })).toEqual([]);
  });

  it('needs a NIF theme', () => {
    expect(priorityReadiness({ ...ready, nifTheme: '' })).toEqual(['nifTheme']);
  });
});

describe('readiness of an LA priority', () => {
  const laReady = {
    findingCount: 1,
    nifTheme: 'wellbeing_equity',
    successMeasure: 'Persistent absence falls below the Wales figure',
  };

  it('asks for a finding, a NIF theme and how the LA will know, never for learners', () => {
    expect(priorityReadiness(laReady, LA_READINESS_PARTS)).toEqual([]);
    expect(priorityReadiness({ findingCount: 0, nifTheme: null, successMeasure: ' ' }, LA_READINESS_PARTS)).toEqual([
      'finding',
      'nifTheme',
      'successMeasure',
    ]);
  });

  it('lists its parts, done or not, in the order the page shows them', () => {
    expect(readinessChecklist({ ...laReady, findingCount: 0 }, LA_READINESS_PARTS)).toEqual([
      { part: 'finding', done: false },
      { part: 'nifTheme', done: true },
      { part: 'successMeasure', done: true },
    ]);
  });

  it('judges a school priority on all four parts, learners among them', () => {
    expect(readinessChecklist({ ...ready, learners: '' }).map((item) => [item.part, item.done])).toEqual([
      ['finding', true],
      ['nifTheme', true],
      ['learners', false],
      ['successMeasure', true],
    ]);
  });
});

describe('priority states', () => {
  it('moves forward one step at a time: draft, agreed, in progress, reviewed, closed', () => {
    expect(canMove('draft', 'agreed')).toBe(true);
    expect(canMove('agreed', 'in_progress')).toBe(true);
    expect(canMove('in_progress', 'reviewed')).toBe(true);
    expect(canMove('reviewed', 'closed')).toBe(true);
  });

  it('does not skip a step', () => {
    expect(canMove('draft', 'in_progress')).toBe(false);
    expect(canMove('draft', 'reviewed')).toBe(false);
    expect(canMove('agreed', 'reviewed')).toBe(false);
  });

  it('goes back to draft only from agreed', () => {
    expect(canMove('agreed', 'draft')).toBe(true);
    expect(canMove('in_progress', 'draft')).toBe(false);
    expect(canMove('reviewed', 'draft')).toBe(false);
  });

  it('closes from any open state, and nothing leaves closed', () => {
    for (const from of ['draft', 'agreed', 'in_progress', 'reviewed']) expect(canMove(from, 'closed')).toBe(true);
    expect(allowedTransitions('closed')).toEqual([]);
  });

  it('knows nothing of unknown states', () => {
    expect(allowedTransitions('archived')).toEqual([]);
    expect(canMove('draft', 'archived')).toBe(false);
  });

  it('needs readiness for agreed and beyond, but not to close or to go back to draft', () => {
    expect(['agreed', 'in_progress', 'reviewed'].every(needsReadiness)).toBe(true);
    expect(needsReadiness('closed')).toBe(false);
    expect(needsReadiness('draft')).toBe(false);
  });
});
