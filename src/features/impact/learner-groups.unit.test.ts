import { describe, expect, it } from 'vitest';
import { groupsWithoutImpactEvidence, learnerGroupsIn } from './learner-groups.ts';

describe('learnerGroupsIn', () => {
  it('finds groups written in English', () => {
    expect(learnerGroupsIn('eFSM learners in Years 3 to 6, especially boys')).toEqual(['efsm', 'boys']);
    expect(learnerGroupsIn('Learners with additional learning needs and EAL learners')).toEqual(['aln', 'eal']);
    expect(learnerGroupsIn('Persistently absent learners and young carers')).toEqual([
      'persistent_absence',
      'young_carers',
    ]);
    expect(learnerGroupsIn('All learners')).toEqual(['all_learners']);
  });

  it('finds groups written in Welsh', () => {
    expect(learnerGroupsIn("Dysgwyr ag ADY a dysgwyr sy'n gymwys i gael prydau ysgol am ddim")).toEqual([
      'efsm',
      'aln',
    ]);
    expect(learnerGroupsIn('Bechgyn a merched Blwyddyn 5, dysgwyr mwy abl')).toEqual(['more_able', 'boys', 'girls']);
  });

  it('finds groups written as codes', () => {
    expect(learnerGroupsIn('persistent_absence, care_experienced')).toEqual(['care_experienced', 'persistent_absence']);
  });

  it('does not read groups into unrelated words', () => {
    expect(learnerGroupsIn('Teachers of the reception class; pupil voice; Welsh oracy')).toEqual([]);
    expect(learnerGroupsIn('')).toEqual([]);
  });
});

describe('groupsWithoutImpactEvidence', () => {
  it('lists groups named by priorities or evidence that no review covers', () => {
    const result = groupsWithoutImpactEvidence({
      priorityLearners: ['eFSM learners', 'Boys in Year 6'],
      evidenceTags: [['aln'], ['girls', 'efsm']],
      figureGroups: ['efsm'],
      reviewEvidenceTags: [['girls']],
    });
    expect(result).toEqual(['aln', 'boys']);
  });

  it('counts a group as covered by figures or by linked evidence alike', () => {
    expect(
      groupsWithoutImpactEvidence({
        priorityLearners: ['EAL learners'],
        evidenceTags: [],
        figureGroups: [],
        reviewEvidenceTags: [['eal']],
      }),
    ).toEqual([]);
    expect(
      groupsWithoutImpactEvidence({
        priorityLearners: ['EAL learners'],
        evidenceTags: [],
        figureGroups: ['eal'],
        reviewEvidenceTags: [],
      }),
    ).toEqual([]);
  });

  it('does not ask for groups nobody named', () => {
    expect(
      groupsWithoutImpactEvidence({
        priorityLearners: [],
        evidenceTags: [],
        figureGroups: ['boys'],
        reviewEvidenceTags: [],
      }),
    ).toEqual([]);
  });

  it('keeps the reference order', () => {
    expect(
      groupsWithoutImpactEvidence({
        priorityLearners: ['girls', 'boys', 'all learners'],
        evidenceTags: [['minority_ethnic']],
        figureGroups: [],
        reviewEvidenceTags: [],
      }),
    ).toEqual(['all_learners', 'boys', 'girls', 'minority_ethnic']);
  });
});
