import { describe, expect, it } from 'vitest';
import { checkAction, checkEvidence, checkFinding, checkImpact, checkPriority, parseDrawnFrom } from './se-forms.ts';

const noDate = { day: '', month: '', year: '' };
const national = ['attendance', 'literacy'];

describe('the LA’s evidence', () => {
  it('needs a known source, a real date and a title, and only known themes', () => {
    expect(
      checkEvidence({
        source: 'gossip',
        observedOn: { day: '30', month: '2', year: '2026' },
        title: '',
        body: '',
        nifThemes: ['league_tables'],
      }),
    ).toEqual({
      ok: false,
      errors: {
        source: 'laSelfEvaluation.errors.sourceMissing',
        'observedOn-day': 'laSelfEvaluation.errors.observedOnInvalid',
        title: 'laSelfEvaluation.errors.titleMissing',
        nifThemes: 'laSelfEvaluation.errors.nifThemeInvalid',
      },
    });
    expect(checkEvidence({ source: 'survey', observedOn: noDate, title: 'T', body: '', nifThemes: [] })).toMatchObject({
      ok: false,
      errors: { 'observedOn-day': 'laSelfEvaluation.errors.observedOnMissing' },
    });
    expect(
      checkEvidence({
        source: 'survey',
        observedOn: { day: '3', month: '10', year: '2025' },
        title: 'T',
        body: 'B',
        nifThemes: ['wellbeing_equity'],
      }),
    ).toEqual({
      ok: true,
      values: { source: 'survey', observedOn: '2025-10-03', title: 'T', body: 'B', nifThemes: ['wellbeing_equity'] },
    });
  });
});

describe('the LA’s findings', () => {
  it('is a strength or an area for development, linked by id', () => {
    expect(
      checkFinding({ kind: 'grade', title: 'x'.repeat(201), body: '', nifTheme: '', evidenceIds: ['not-an-id'] }),
    ).toEqual({
      ok: false,
      errors: {
        kind: 'laSelfEvaluation.errors.kindMissing',
        title: 'laSelfEvaluation.errors.titleTooLong',
        evidenceIds: 'laSelfEvaluation.errors.evidenceIdsInvalid',
      },
    });
    expect(checkFinding({ kind: 'strength', title: 'T', body: '', nifTheme: '', evidenceIds: [] })).toMatchObject({
      ok: true,
      values: { nifTheme: null },
    });
  });
});

describe('the LA’s priorities', () => {
  const base = {
    title: 'Attendance',
    description: '',
    nifTheme: '',
    nationalPriorities: [],
    successMeasure: '',
    state: 'draft',
    findingIds: [],
    drawnFrom: '',
  };
  it('may be a draft without a success measure, but not agreed without one', () => {
    expect(checkPriority(base, national).ok).toBe(true);
    expect(checkPriority({ ...base, state: 'agreed' }, national)).toEqual({
      ok: false,
      errors: { successMeasure: 'laSelfEvaluation.errors.successMeasureNeeded' },
    });
    expect(checkPriority({ ...base, state: 'ranked', nationalPriorities: ['league'] }, national)).toEqual({
      ok: false,
      errors: {
        state: 'laSelfEvaluation.errors.stateInvalid',
        nationalPriorities: 'laSelfEvaluation.errors.nationalPrioritiesInvalid',
      },
    });
  });
  it('keeps where it was drawn from out of the stored values', () => {
    const checked = checkPriority({ ...base, drawnFrom: 'theme:curriculum_teaching' }, national);
    expect(checked.ok && 'drawnFrom' in checked.values).toBe(false);
  });
  it('reads a row of the picture only when it names a real theme or national priority', () => {
    expect(parseDrawnFrom('theme:curriculum_teaching', national)).toEqual({
      kind: 'theme',
      code: 'curriculum_teaching',
    });
    expect(parseDrawnFrom('national:attendance', national)).toEqual({ kind: 'national', code: 'attendance' });
    expect(parseDrawnFrom('national:curriculum_teaching', national)).toBeNull();
    expect(parseDrawnFrom('school:6812308', national)).toBeNull();
    expect(parseDrawnFrom('', national)).toBeNull();
  });
});

describe('the plan and its impact', () => {
  it('needs an action described; a due date is optional but must be real', () => {
    expect(
      checkAction({
        description: '',
        ownerUserId: '',
        owner: '',
        dueOn: { day: '1', month: '13', year: '2026' },
        status: 'late',
      }),
    ).toEqual({
      ok: false,
      errors: {
        description: 'laSelfEvaluation.errors.descriptionMissing',
        'dueOn-day': 'laSelfEvaluation.errors.dueOnInvalid',
        status: 'laSelfEvaluation.errors.statusInvalid',
      },
    });
    expect(checkAction({ description: 'D', ownerUserId: '', owner: '', dueOn: noDate, status: 'not_started' })).toEqual(
      {
        ok: true,
        values: { description: 'D', ownerUserId: null, owner: '', dueOn: null, status: 'not_started' },
      },
    );
  });
  it('gives an action to one of the people offered, or someone outside by name, and refuses anyone else', () => {
    const people = [{ id: 'p1', displayName: 'Olwen Officer' }];
    const form = { description: 'D', owner: '', dueOn: noDate, status: 'not_started' };
    expect(checkAction({ ...form, ownerUserId: 'p1' }, people)).toMatchObject({
      ok: true,
      values: { ownerUserId: 'p1', owner: 'Olwen Officer' },
    });
    expect(checkAction({ ...form, ownerUserId: 'outside', owner: 'Estyn link' }, people)).toMatchObject({
      ok: true,
      values: { ownerUserId: null, owner: 'Estyn link' },
    });
    expect(checkAction({ ...form, ownerUserId: 'p2' }, people)).toEqual({
      ok: false,
      errors: { ownerUserId: 'common.owner.errors.ownerUnknown' },
    });
  });
  it('needs what changed and the date of the review', () => {
    expect(checkImpact({ whatChanged: '', reviewedOn: noDate })).toEqual({
      ok: false,
      errors: {
        whatChanged: 'laSelfEvaluation.errors.whatChangedMissing',
        'reviewedOn-day': 'laSelfEvaluation.errors.reviewedOnMissing',
      },
    });
  });
});
