import { describe, expect, it } from 'vitest';
import { checkInterventionForm, checkNoticeForm, type NoticeForm } from './concern-forms.ts';
import { requiredCopies } from './concern-reference.ts';
import {
  canIssueNotice,
  canMoveTo,
  canRecordIntervention,
  complianceEnds,
  nextStates,
  stateAfterIntervention,
} from './concern-rules.ts';

const kase = (state: string, source = 'la_intelligence', grounds = ['standards']) => ({ state, source, grounds });

describe('the states of a case', () => {
  it.each([
    ['open', 'la_intelligence', []],
    ['open', 'estyn_review', []],
    ['open', 'estyn_special_measures', ['intervention', 'monitoring']],
    ['open', 'estyn_significant_improvement', ['intervention', 'monitoring']],
    ['warning_notice', 'la_intelligence', ['intervention', 'monitoring']],
    ['intervention', 'la_intelligence', ['monitoring']],
    ['monitoring', 'la_intelligence', []],
    ['exited', 'estyn_special_measures', []],
  ])('from %s (source %s) moves only forward, to %j', (state, source, expected) => {
    expect(nextStates(kase(state, source))).toEqual(expected);
  });

  it('never moves back, and never to exited or warning notice by a button', () => {
    expect(canMoveTo(kase('monitoring'), 'intervention')).toBe(false);
    expect(canMoveTo(kase('intervention'), 'warning_notice')).toBe(false);
    expect(canMoveTo(kase('open'), 'exited')).toBe(false);
  });

  it('gives a warning notice only on grounds 1-6 and only before intervention', () => {
    expect(canIssueNotice(kase('open', 'la_intelligence', ['standards', 'special_measures']))).toBe(true);
    expect(canIssueNotice(kase('open', 'estyn_special_measures', ['special_measures']))).toBe(false);
    expect(canIssueNotice(kase('intervention'))).toBe(false);
  });

  it('records interventions after a notice or for an Estyn category, and keeps a later state', () => {
    expect(canRecordIntervention(kase('open'))).toBe(false);
    expect(canRecordIntervention(kase('open', 'estyn_special_measures'))).toBe(true);
    expect(canRecordIntervention(kase('warning_notice'))).toBe(true);
    expect(canRecordIntervention(kase('exited'))).toBe(false);
    expect(stateAfterIntervention('warning_notice')).toBe('intervention');
    expect(stateAfterIntervention('monitoring')).toBe('monitoring');
  });

  it('ends the compliance period the given number of days after issue', () => {
    expect(complianceEnds('2026-01-30', 30)).toBe('2026-03-01');
  });
});

describe('copies of a warning notice', () => {
  it.each([
    ['community', ['headteacher', 'welsh_ministers']],
    [null, ['headteacher', 'welsh_ministers']],
    ['voluntary_aided', ['headteacher', 'welsh_ministers', 'religious_body']],
    ['voluntary_controlled', ['headteacher', 'welsh_ministers', 'religious_body']],
    ['foundation', ['headteacher', 'welsh_ministers', 'foundation_body']],
  ])('for a %s school go to %j', (governance, expected) => {
    expect(requiredCopies(governance)).toEqual(expected);
  });
});

describe('the forms', () => {
  const notice: NoticeForm = {
    grounds: ['standards'],
    reasons: 'R',
    requiredAction: 'A',
    compliancePeriodDays: '30',
    mindedTo: ['directions'],
    mindedToDetail: '',
    copiesTo: ['headteacher', 'welsh_ministers'],
    otherCopies: 'Estyn\n',
    issuedOn: { day: '1', month: '3', year: '2026' },
  };
  const limits = {
    caseGrounds: ['standards'],
    required: ['headteacher', 'welsh_ministers', 'religious_body'],
    openedOn: '2026-02-01',
    today: '2026-03-10',
  };

  it('refuses a notice without a required copy, on a ground the case lacks, or with a period under a day', () => {
    const checked = checkNoticeForm({ ...notice, grounds: ['safety'], compliancePeriodDays: '0' }, limits);
    expect(checked.ok ? {} : checked.errors).toEqual({
      grounds: 'concern.errors.noticeGrounds_missing',
      compliancePeriodDays: 'concern.errors.compliancePeriodDays_invalid',
      copiesTo: 'concern.errors.copiesTo_required',
    });
  });

  it("keeps the statutory copies and the officer's others, in order", () => {
    const checked = checkNoticeForm(
      { ...notice, copiesTo: ['religious_body', 'welsh_ministers', 'headteacher'] },
      limits,
    );
    expect(checked.ok && checked.values.copiesTo).toEqual([
      'headteacher',
      'welsh_ministers',
      'religious_body',
      'Estyn',
    ]);
  });

  it("refuses an interim executive board without the Welsh Ministers' consent, and a decision inside the compliance period", () => {
    const form = {
      kind: 'interim_executive_board',
      decidedOn: { day: '5', month: '3', year: '2026' },
      details: '',
      ministersConsentOn: { day: '', month: '', year: '' },
    };
    const checked = checkInterventionForm(form, {
      today: '2026-03-10',
      openedOn: '2026-01-01',
      complianceEnds: '2026-03-08',
    });
    expect(checked.ok ? {} : checked.errors).toEqual({
      'decidedOn-day': 'concern.errors.decidedOn_beforeCompliance',
      'ministersConsentOn-day': 'concern.errors.ministersConsentOn_missing',
    });
    const fine = checkInterventionForm(
      {
        ...form,
        decidedOn: { day: '9', month: '3', year: '2026' },
        ministersConsentOn: { day: '2', month: '3', year: '2026' },
      },
      { today: '2026-03-10', openedOn: '2026-01-01', complianceEnds: '2026-03-08' },
    );
    expect(fine.ok && fine.values.ministersConsentOn).toBe('2026-03-02');
  });
});
