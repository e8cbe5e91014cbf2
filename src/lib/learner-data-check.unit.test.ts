import { describe, expect, it } from 'vitest';
import { checkLearnerData, isValidUpn, upnCheckLetter } from './learner-data-check.ts';

const names = (text: string, allowedPhrases: string[] = []) =>
  checkLearnerData(text, { allowedPhrases })
    .filter((f) => f.reason === 'full_name')
    .map((f) => f.match);

describe('Unique Pupil Numbers', () => {
  it('computes the check letter as the DfE specification does', () => {
    // python-stdnum's example; by hand: 8x2 + 1x4 + 2x5 + 5x10 + 1x13 = 93, 93 mod 23 = 1 -> B.
    expect(upnCheckLetter('801200005001')).toBe('B');
    expect(isValidUpn('B801200005001')).toBe(true);
    // 2x2 + 7x4 + 1x9 + 6x10 + 4x12 + 9x13 = 266, 266 mod 23 = 13 -> P (I, O and S are skipped).
    expect(upnCheckLetter('207000016049')).toBe('P');
    expect(isValidUpn('A801200005001')).toBe(false);
  });

  it('knows a temporary UPN, whose last character is a letter', () => {
    const check = upnCheckLetter('80120000500A')!;
    expect(isValidUpn(`${check}80120000500A`)).toBe(true);
  });

  it('flags a valid UPN as a UPN and any letter with 12 digits as looking like one', () => {
    expect(checkLearnerData('Spoke to B801200005001 about reading.')).toEqual([
      { reason: 'upn', match: 'B801200005001' },
    ]);
    // A123456789012 happens to have a valid check letter (368 mod 23 = 0 -> A); C123... does not.
    expect(checkLearnerData('Reference A123456789012 in the tracker')).toEqual([
      { reason: 'upn', match: 'A123456789012' },
    ]);
    expect(checkLearnerData('Reference C123456789012 in the tracker')).toEqual([
      { reason: 'upn_pattern', match: 'C123456789012' },
    ]);
    expect(checkLearnerData('upn: b801200005001')).toEqual([{ reason: 'upn', match: 'b801200005001' }]);
  });

  it('sees a UPN written with spaces or hyphens', () => {
    expect(checkLearnerData('B 801 2000 05 001')[0]).toEqual({ reason: 'upn', match: 'B 801 2000 05 001' });
    expect(checkLearnerData('B801-2000-05001')[0]?.reason).toBe('upn');
  });

  it('leaves other numbers alone', () => {
    expect(checkLearnerData('School 6812308 had 214 learners; phone 029 2087 2000.')).toEqual([]);
    expect(checkLearnerData('Room B12, 12 digits 123456789012 with no letter')).toEqual([]);
    expect(checkLearnerData('AB123456789012 is two letters')).toEqual([]);
    expect(checkLearnerData('A1234567890123 is too long')).toEqual([]);
  });
});

describe('full names', () => {
  it('flags a first name and surname in a sentence', () => {
    expect(names('Dylan Williams in Year 5 read aloud with confidence.')).toEqual(['Dylan Williams']);
    expect(names('We listened to Kacper Nowak and Cerys Jones-Evans talk about their work.')).toEqual([
      'Kacper Nowak',
      'Cerys Jones-Evans',
    ]);
    expect(names('Work by Dafydd ap Gwilym was shared.')).toEqual(['Dafydd ap Gwilym']);
  });

  it('flags a name in Welsh text', () => {
    expect(names('Dywedodd Siân Roberts ym Mlwyddyn 6 ei bod yn mwynhau darllen.')).toEqual(['Siân Roberts']);
    expect(names('Roedd Osian Pritchard yn esbonio ei waith yn glir.')).toEqual(['Osian Pritchard']);
    expect(names('Siaradodd Gwenllian Morgan am ei phrosiect.')).toEqual(['Gwenllian Morgan']);
  });

  it('drops an ordinary word that starts a sentence', () => {
    expect(names('Today Dylan Williams led the reading group.')).toEqual(['Dylan Williams']);
    expect(names('Yesterday Dylan read to the class.')).toEqual([]);
    expect(names('Mae Elis Parry wedi gwella.')).toEqual(['Elis Parry']);
  });

  it('catches a known first name before a surname that is also a word', () => {
    expect(names('Feedback from Grace Reading was positive.')).toEqual(['Grace Reading']);
  });

  it('in a Title Case heading, only counts a known first name', () => {
    expect(names('Talk Boost Evaluation Spring Term')).toEqual([]);
    expect(names('Dylan Williams Reading Record')).toEqual(['Dylan Williams']);
  });

  it('flags a possessive full name without the possessive', () => {
    expect(names("We looked at Ffion Hughes's book.")).toEqual(['Ffion Hughes']);
  });

  it('does not flag the usual capitals of school improvement writing', () => {
    const texts = [
      'Learning walk in Year 5 on Monday 3 March.',
      'Strong progress in Expressive Arts and Health and Well-being.',
      'Languages, Literacy and Communication: oracy is improving.',
      'Visit to Ysgol Y Berllan Deg with the cluster.',
      'The Welsh Government guidance on the Curriculum for Wales was discussed.',
      'Mrs Jones and Mr Davies led the session.',
      'Cardiff Council and Rhondda Cynon Taf shared data.',
      'Parent Questionnaire Results',
      'Taith Ddysgu Mathemateg Blwyddyn 6',
      'Dydd Llun 3 Mawrth: gwelwyd cynnydd da.',
      'Llywodraeth Cymru a Cwricwlwm i Gymru',
      'Learners Said they enjoyed it',
      'Estyn inspection report, September 2024.',
      'Dylan read well; Williams is a common surname.',
      'St Mary’s Catholic Primary School visited.',
      'ALN and eFSM learners in KS2 made good progress.',
      'Pen-y-bont ar Ogwr and Vale of Glamorgan schools met.',
    ];
    for (const text of texts) expect(names(text), text).toEqual([]);
  });

  it('does not flag the phrases it is told are fine', () => {
    expect(names('We visited Glan Morfa Primary', [])).toEqual([]);
    expect(names('Shared with Berllan Deg and Llys Hafod', ['Llys Hafod', 'Berllan Deg'])).toEqual([]);
    expect(names('Shared with Berllan Deg', [])).toEqual(['Berllan Deg']);
    // The school's name without its generic words, as people write it.
    expect(names('Shared with Berllan Deg', ['Ysgol Y Berllan Deg'])).toEqual([]);
  });

  it('ignores lower case and single names', () => {
    expect(names('dylan williams read aloud')).toEqual([]);
    expect(names('Dylan read aloud to Cerys.')).toEqual([]);
  });

  it('reports each match once', () => {
    expect(checkLearnerData('Dylan Williams read. Later Dylan Williams wrote.')).toEqual([
      { reason: 'full_name', match: 'Dylan Williams' },
    ]);
  });
});
