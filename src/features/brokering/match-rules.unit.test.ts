import { describe, expect, it } from 'vitest';
import {
  decodeReasons,
  encodeReasons,
  rankSuggestions,
  reasonsFor,
  type Candidate,
  type MatchRequest,
  type SchoolFacts,
} from './match-rules.ts';

const facts = (number: string, extra: Partial<SchoolFacts> = {}): SchoolFacts => ({
  number,
  laCode: '681',
  sector: 'primary',
  pupils: 300,
  wmCode: 'EM',
  languageCategory: null,
  religiousCharacter: 'none',
  efsm: 20,
  ...extra,
});
const request = (extra: Partial<MatchRequest> = {}): MatchRequest => ({
  school: facts('6810001'),
  nifTheme: 'curriculum_teaching',
  nationalPriorities: ['literacy'],
  areas: ['languages_literacy'],
  collaborativeSchools: [],
  excludedSchools: [],
  ...extra,
});
let offers = 0;
const candidate = (
  number: string,
  extra: Partial<SchoolFacts> = {},
  offer: Partial<Candidate['offer']> = {},
  evidenceCount = 0,
): Candidate => ({
  school: { ...facts(number, extra), name: `School ${number}` },
  offer: {
    id: `00000000-0000-0000-0000-${String(++offers).padStart(12, '0')}`,
    title: 'Reading',
    nifTheme: 'curriculum_teaching',
    nationalPriorities: [],
    areas: [],
    language: 'en',
    ...offer,
  },
  evidenceCount,
});
// A school like nothing about the requester, in another LA: only the offer's theme connects them.
const unlike = {
  laCode: '670',
  sector: 'secondary',
  pupils: 1200,
  wmCode: 'WM',
  religiousCharacter: 'roman_catholic',
  efsm: 40,
};
const codes = (r: { code: string }[]) => r.map((x) => x.code);

describe('why a school is suggested', () => {
  it('gives each reason with the values shown beside it', () => {
    const c = candidate(
      '6810002',
      { efsm: 21.0, pupils: 360 },
      { nationalPriorities: ['literacy', 'numeracy'], areas: ['languages_literacy'] },
      3,
    );
    expect(
      reasonsFor(request({ school: facts('6810001', { efsm: 18.2 }), collaborativeSchools: ['6810002'] }), c),
    ).toEqual([
      { code: 'same_theme', values: { theme: 'curriculum_teaching' } },
      { code: 'shared_national', values: { code: 'literacy' } },
      { code: 'shared_area', values: { code: 'languages_literacy' } },
      { code: 'evidenced', values: { count: 3 } },
      { code: 'same_phase', values: { sector: 'primary' } },
      { code: 'similar_size', values: { ours: 300, theirs: 360 } },
      { code: 'same_language', values: { wm: 'EM' } },
      { code: 'efsm_close', values: { ours: 18.2, theirs: 21.0 } },
      { code: 'same_la' },
      { code: 'same_collaborative' },
    ]);
  });

  it('says nothing of what differs', () => {
    expect(reasonsFor(request(), candidate('6700002', unlike))).toEqual([
      { code: 'same_theme', values: { theme: 'curriculum_teaching' } },
    ]);
  });

  it('counts size as similar within 30% either way, and eFSM within 5 points only when both recorded', () => {
    const r = request();
    expect(codes(reasonsFor(r, candidate('1', { pupils: 390 })))).toContain('similar_size');
    expect(codes(reasonsFor(r, candidate('2', { pupils: 391 })))).not.toContain('similar_size');
    expect(codes(reasonsFor(r, candidate('3', { pupils: 210 })))).toContain('similar_size');
    expect(codes(reasonsFor(r, candidate('4', { pupils: null })))).not.toContain('similar_size');
    expect(codes(reasonsFor(r, candidate('5', { efsm: 25 })))).toContain('efsm_close');
    expect(codes(reasonsFor(r, candidate('6', { efsm: 25.1 })))).not.toContain('efsm_close');
    expect(codes(reasonsFor(r, candidate('7', { efsm: null })))).not.toContain('efsm_close');
    expect(
      codes(reasonsFor(request({ school: facts('6810001', { efsm: null }) }), candidate('8', { efsm: 20 }))),
    ).not.toContain('efsm_close');
  });

  it('compares the 2025 language category when both have one, and a religious character only when there is one', () => {
    const r = request({ school: facts('6810001', { languageCategory: '3P', religiousCharacter: 'church_in_wales' }) });
    expect(reasonsFor(r, candidate('1', { languageCategory: '3P', wmCode: 'WM' }))).toContainEqual({
      code: 'same_language',
      values: { category: '3P' },
    });
    expect(codes(reasonsFor(r, candidate('2', { languageCategory: '1', wmCode: 'EM' })))).not.toContain(
      'same_language',
    );
    expect(reasonsFor(r, candidate('3', { religiousCharacter: 'church_in_wales' }))).toContainEqual({
      code: 'same_religious',
      values: { religious: 'church_in_wales' },
    });
    expect(codes(reasonsFor(request(), candidate('4', { religiousCharacter: 'none' })))).not.toContain(
      'same_religious',
    );
  });
});

describe('ranking the suggestions', () => {
  it('puts evidenced strength in a similar school first, then less similar, then unevidenced', () => {
    const similarEvidenced = candidate('6810010', {}, {}, 4);
    const unlikeEvidenced = candidate('6700011', unlike, {}, 4);
    const similarBare = candidate('6810012', {}, {}, 0);
    const ranked = rankSuggestions(request(), [similarBare, unlikeEvidenced, similarEvidenced]);
    expect(ranked.map((s) => s.school.number)).toEqual(['6810010', '6810012', '6700011']);
    expect(ranked[0]!.score).toBeGreaterThan(ranked[1]!.score);
  });

  it('favours a similar eFSM figure and the same collaborative', () => {
    const close = candidate('6810020', { efsm: 22 }, {}, 1);
    const far = candidate('6810021', { efsm: 35 }, {}, 1);
    expect(rankSuggestions(request(), [far, close]).map((s) => s.school.number)).toEqual(['6810020', '6810021']);
    const r = request({ collaborativeSchools: ['6810021'], school: facts('6810001', { efsm: null }) });
    expect(rankSuggestions(r, [close, far]).map((s) => s.school.number)).toEqual(['6810021', '6810020']);
  });

  it('breaks ties by evidence then by name, so the order is stable', () => {
    const b = { ...candidate('6810031'), school: { ...facts('6810031'), name: 'Beta' } };
    const a = { ...candidate('6810032'), school: { ...facts('6810032'), name: 'Alpha' } };
    expect(rankSuggestions(request(), [b, a]).map((s) => s.school.name)).toEqual(['Alpha', 'Beta']);
  });

  it('leaves out the requesting school, schools causing concern, and offers that answer nothing', () => {
    const r = request({ excludedSchools: ['6810041'] });
    const ranked = rankSuggestions(r, [
      candidate('6810001', {}, {}, 9),
      candidate('6810041', {}, {}, 9),
      candidate('6810042', {}, { nifTheme: 'wellbeing_equity' }, 9),
      candidate('6810043', {}, { nifTheme: 'wellbeing_equity', areas: ['languages_literacy'] }),
      candidate('6810044', {}, { nifTheme: null, nationalPriorities: ['literacy'] }),
    ]);
    expect(ranked.map((s) => s.school.number).sort()).toEqual(['6810043', '6810044']);
  });

  it('suggests a school once, with its best offer, and no more than the limit', () => {
    const weak = candidate('6810050', {}, { title: 'Weak' }, 0);
    const strong = candidate('6810050', {}, { title: 'Strong' }, 3);
    const ranked = rankSuggestions(request(), [
      weak,
      strong,
      ...['1', '2', '3', '4', '5'].map((n) => candidate(`681006${n}`)),
    ]);
    expect(ranked).toHaveLength(5);
    expect(ranked.filter((s) => s.school.number === '6810050').map((s) => s.offer.title)).toEqual(['Strong']);
  });
});

describe('stored reasons', () => {
  it('round-trip, and unknown or broken ones are dropped', () => {
    const reasons = [{ code: 'efsm_close' as const, values: { ours: 18.2, theirs: 21 } }, { code: 'same_la' as const }];
    expect(decodeReasons(encodeReasons(reasons))).toEqual(reasons);
    expect(decodeReasons(['{"code":"league_position"}', 'not json'])).toEqual([]);
  });
});
