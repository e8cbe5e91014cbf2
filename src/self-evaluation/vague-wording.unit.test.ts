import { describe, expect, it } from 'vitest';
import { vagueWordingPrompts, type PriorityWording } from './vague-wording.ts';

const precise: PriorityWording = {
  title: 'Raise the reading ages of eFSM learners in Years 3 to 6',
  description: 'So that at least 80% read at or above their chronological age by July.',
  learners: 'Learners eligible for free school meals in Years 3 to 6',
  successMeasure: 'Reading ages rise by 12 months or more between September and July',
};
const keys = (p: Partial<PriorityWording>, lang = 'en') =>
  vagueWordingPrompts({ ...precise, ...p }, lang).map((x) => x.key);

describe('vagueWordingPrompts in English', () => {
  it('has nothing to say about a precise priority', () => {
    expect(vagueWordingPrompts(precise, 'en')).toEqual([]);
  });

  it('asks for one focus when the title joins two with "and", "also" or a list', () => {
    expect(keys({ title: 'Improve reading and develop numeracy' })).toContain('oneFocus');
    expect(keys({ title: 'Reading ages of eFSM learners, attendance, and homework' })).toContain('oneFocus');
    expect(keys({ title: 'Reading for boys; also oracy in Year 2' })).toContain('oneFocus');
    expect(keys({ title: 'Reading ages & spelling for Year 4' })).toContain('oneFocus');
  });

  it('does not mistake names that contain "and" for two focuses', () => {
    expect(keys({ title: 'Reading for boys and girls in Year 4' })).not.toContain('oneFocus');
    expect(keys({ title: 'Oracy in Languages, Literacy and Communication' })).not.toContain('oneFocus');
    expect(keys({ title: 'Speaking and listening in progression step 2' })).not.toContain('oneFocus');
    expect(keys({ title: 'Attendance of Years 7 and 8' })).not.toContain('oneFocus');
    expect(keys({ title: 'Reading ages of learners aged 7 and 8' })).not.toContain('oneFocus');
  });

  it('points at a vague verb with nothing measurable or observable, naming the word', () => {
    const prompts = vagueWordingPrompts(
      { ...precise, title: 'Improve reading', description: 'We want to continue to develop a love of reading.' },
      'en',
    );
    expect(prompts).toContainEqual({ key: 'vagueVerb', term: 'improve' });
    expect(keys({ title: 'Raise standards in mathematics', description: '' })).toContain('vagueVerb');
    expect(keys({ title: 'Enhance provision for ALN learners', description: '' })).toContain('vagueVerb');
  });

  it('accepts a vague verb when a number, a target or an outcome someone could see goes with it', () => {
    expect(keys({ title: 'Improve attendance of eFSM learners to 94%', description: '' })).not.toContain('vagueVerb');
    expect(
      keys({ title: 'Develop oracy so that learners can explain their reasoning', description: '' }),
    ).not.toContain('vagueVerb');
    expect(
      keys({ title: 'Improve reading in Year 4', description: 'The proportion reading at their age rises.' }),
    ).not.toContain('vagueVerb');
  });

  it('judges the focus in the title, not every verb in the description', () => {
    expect(
      keys({ title: 'Reading ages of eFSM learners in Year 4', description: 'We will improve how we teach phonics.' }),
    ).not.toContain('vagueVerb');
  });

  it('does not count a year group as a measure', () => {
    expect(keys({ title: 'Improve reading in Year 4', description: '' })).toContain('vagueVerb');
  });

  it('asks who the learners are when none are named, or only "all pupils"', () => {
    expect(keys({ learners: '' })).toContain('noLearners');
    expect(keys({ learners: 'All learners across the school' })).toContain('learnersGeneric');
    expect(keys({ learners: 'Pupils' })).toContain('learnersGeneric');
    expect(keys({ learners: 'More able learners in Year 9' })).toEqual([]);
    expect(keys({ learners: 'eFSM boys' })).toEqual([]);
  });

  it('asks for something observable or countable in the success measure', () => {
    expect(keys({ successMeasure: 'Standards will be better' })).toContain('successNotObservable');
    expect(keys({ successMeasure: 'Year 4 learners are more confident' })).toContain('successNotObservable');
    expect(keys({ successMeasure: 'In lessons we see learners choose their own strategies' })).not.toContain(
      'successNotObservable',
    );
    expect(keys({ successMeasure: 'Attendance of eFSM learners rises from 88% to 92%' })).not.toContain(
      'successNotObservable',
    );
    expect(keys({ successMeasure: 'Most learners can explain how they solved a problem' })).not.toContain(
      'successNotObservable',
    );
  });

  it('says nothing about an empty success measure (readiness lists that)', () => {
    expect(keys({ successMeasure: '' })).not.toContain('successNotObservable');
  });
});

describe('vagueWordingPrompts in Welsh', () => {
  const manwl: PriorityWording = {
    title: 'Codi oedran darllen dysgwyr eFSM ym Mlynyddoedd 3 i 6',
    description: 'Fel bod o leiaf 80% yn darllen ar eu hoedran cronolegol erbyn mis Gorffennaf.',
    learners: 'Dysgwyr sy’n gymwys i gael prydau ysgol am ddim ym Mlwyddyn 3 i 6',
    successMeasure: 'Mae oedran darllen yn codi 12 mis neu fwy rhwng Medi a Gorffennaf',
  };
  const cy = (p: Partial<PriorityWording>, lang = 'cy') =>
    vagueWordingPrompts({ ...manwl, ...p }, lang).map((x) => x.key);

  it('has nothing to say about a precise priority', () => {
    expect(vagueWordingPrompts(manwl, 'cy')).toEqual([]);
  });

  it('asks for one focus when the title joins two with "a", "ac", "hefyd" or "yn ogystal â"', () => {
    expect(cy({ title: 'Gwella darllen a datblygu rhifedd' })).toContain('oneFocus');
    expect(cy({ title: 'Presenoldeb ac ysgrifennu ym Mlwyddyn 5' })).toContain('oneFocus');
    expect(cy({ title: 'Llafaredd, hefyd sillafu' })).toContain('oneFocus');
    expect(cy({ title: 'Darllen yn ogystal â rhifedd' })).toContain('oneFocus');
  });

  it('does not mistake one thing, or the relative "a", for a second focus', () => {
    expect(cy({ title: 'Darllen bechgyn a merched ym Mlwyddyn 4' })).not.toContain('oneFocus');
    expect(cy({ title: 'Llafaredd yn Iechyd a Lles' })).not.toContain('oneFocus');
    expect(cy({ title: 'Dysgwyr a fydd yn sefyll arholiadau rhifedd' })).not.toContain('oneFocus');
    expect(cy({ title: 'Cywirdeb iaith mewn ysgrifennu estynedig ym Mlynyddoedd 5 a 6' })).not.toContain('oneFocus');
  });

  it('does not read the English article "a" as the Welsh "and"', () => {
    expect(keys({ title: 'Reading for pleasure in a Year 5 class' })).not.toContain('oneFocus');
  });

  it('points at "gwella" or "datblygu" (mutated too) with nothing measurable', () => {
    expect(vagueWordingPrompts({ ...manwl, title: 'Gwella darllen', description: '' }, 'cy')).toContainEqual({
      key: 'vagueVerb',
      term: 'gwella',
    });
    expect(cy({ title: 'Parhau i ddatblygu llafaredd', description: '' })).toContain('vagueVerb');
    expect(cy({ title: 'Codi safonau mewn mathemateg', description: '' })).toContain('vagueVerb');
  });

  it('accepts "gwella" with a target or an outcome someone could see', () => {
    expect(cy({ title: 'Gwella presenoldeb dysgwyr eFSM i 94%', description: '' })).not.toContain('vagueVerb');
    expect(
      cy({ title: 'Datblygu llafaredd fel bod dysgwyr yn gallu esbonio eu rhesymu', description: '' }),
    ).not.toContain('vagueVerb');
  });

  it('asks who the learners are when only "pob dysgwr" is named', () => {
    expect(cy({ learners: 'Pob dysgwr' })).toContain('learnersGeneric');
    expect(cy({ learners: 'Disgyblion yr ysgol gyfan' })).toContain('learnersGeneric');
    expect(cy({ learners: 'Bechgyn ym Mlwyddyn 6' })).not.toContain('learnersGeneric');
  });

  it('asks for something observable or countable in the success measure', () => {
    expect(cy({ successMeasure: 'Bydd safonau’n well' })).toContain('successNotObservable');
    expect(
      cy({ successMeasure: 'Mae’r rhan fwyaf o ddysgwyr yn gallu esbonio sut y datryson nhw broblem' }),
    ).not.toContain('successNotObservable');
    expect(cy({ successMeasure: 'Rydym yn gweld dysgwyr yn dewis eu strategaethau eu hunain' })).not.toContain(
      'successNotObservable',
    );
  });

  it('checks Welsh words even when the record says English', () => {
    expect(cy({ title: 'Gwella darllen', description: '' }, 'en')).toContain('vagueVerb');
  });
});
