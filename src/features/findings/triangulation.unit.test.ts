import { describe, expect, it } from 'vitest';
import { triangulation, type TriangulationEvidence } from './triangulation.ts';

const item = (source: string, firstHand = false, fromBeyond = false): TriangulationEvidence => ({
  source,
  firstHand,
  fromBeyond,
});

describe('triangulation', () => {
  it('is weak with no evidence at all, and says everything would strengthen it', () => {
    expect(triangulation([])).toEqual({
      kinds: 0,
      sources: [],
      items: 0,
      firstHand: false,
      beyond: false,
      level: 'weak',
      toStrengthen: ['moreKinds', 'firstHand', 'beyond'],
    });
  });

  it('counts kinds of evidence, not items: three learning walks are one kind', () => {
    const result = triangulation([
      item('learning_walk', true, true),
      item('learning_walk', true),
      item('learning_walk'),
    ]);
    expect(result.kinds).toBe(1);
    expect(result.items).toBe(3);
    expect(result.sources).toEqual(['learning_walk']);
    expect(result.level).toBe('weak');
  });

  it('is strong with three kinds, first-hand evidence and someone from beyond the school', () => {
    const result = triangulation([item('learning_walk', true), item('survey'), item('peer_enquiry', false, true)]);
    expect(result).toMatchObject({ kinds: 3, firstHand: true, beyond: true, level: 'strong', toStrengthen: [] });
  });

  it('is only partial with many kinds but nobody from beyond the school', () => {
    const result = triangulation([
      item('learning_walk', true),
      item('survey'),
      item('learners_work', true),
      item('staff_dialogue', true),
    ]);
    expect(result).toMatchObject({
      kinds: 4,
      firstHand: true,
      beyond: false,
      level: 'partial',
      toStrengthen: ['beyond'],
    });
  });

  it('is only partial with many kinds seen from beyond but nothing first-hand', () => {
    expect(triangulation([item('inspection_report', false, true), item('aggregate_data'), item('survey')]).level).toBe(
      'partial',
    );
  });

  it('is partial with two kinds and either first-hand or from beyond', () => {
    expect(triangulation([item('learning_walk', true), item('survey')]).level).toBe('partial');
    expect(triangulation([item('governor_visit', false, true), item('survey')]).level).toBe('partial');
    expect(triangulation([item('governor_visit', true, true), item('survey')]).toStrengthen).toEqual(['moreKinds']);
  });

  it('is weak with two kinds that are neither first-hand nor from beyond', () => {
    expect(triangulation([item('aggregate_data'), item('survey')]).level).toBe('weak');
  });

  it('is weak with one kind, however first-hand and external it is', () => {
    expect(triangulation([item('peer_enquiry', true, true)]).level).toBe('weak');
  });
});
