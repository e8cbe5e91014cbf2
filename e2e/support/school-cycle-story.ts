import type { Language } from './visitor.ts';

/**
 * What a school records in one improvement cycle, written in the language of the journey: a
 * writing priority that rests on two kinds of evidence, one of them seen from beyond the school.
 */
export type CycleStory = {
  school: string;
  answers: {
    progressingAnswer: string;
    paceAnswer: string;
    howWellAnswer: string;
    howKnowAnswer: string;
    howImproveAnswer: string;
  };
  /** The practitioner's evidence: first with a learner's name in it, then without. */
  classroom: { title: string; namingBody: string; learnerName: string; body: string };
  peerEnquiry: { title: string; body: string };
  finding: { title: string; body: string };
  priority: { title: string; description: string; learners: string; successMeasure: string };
  action: { description: string; owner: string; cost: string; costSource: string };
  criterion: string;
  revisionNote: string;
  /** The governing body's resolution approving the plan, as minuted. */
  resolution: string;
  impact: { whatChanged: string; measure: string; baseline: string; latest: string; commentary: string };
};

export const STORIES: Record<Language, CycleStory> = {
  en: {
    school: 'Bryn Teg Primary School',
    answers: {
      progressingAnswer:
        'Most learners make steady progress in reading and numeracy. Extended writing, especially in Welsh, lags behind.',
      paceAnswer: 'Pace is as expected in Years 1 and 2, but slower than expected in writing in Years 3 to 6.',
      howWellAnswer: 'Well in reading and wellbeing; writing at length in Welsh needs to improve.',
      howKnowAnswer: 'Learning walks, learners’ books and a peer enquiry with a partner school.',
      howImproveAnswer: 'Give learners in Years 3 to 6 regular chances to write at length in Welsh.',
    },
    classroom: {
      title: 'Year 4 writing: learners’ books',
      namingBody: 'In guided writing, Megan Jones wrote a full page in Welsh without help.',
      learnerName: 'Megan Jones',
      body: 'In guided writing, one learner wrote a full page in Welsh without help; most wrote less than half a page.',
    },
    peerEnquiry: {
      title: 'Peer enquiry: writing across the curriculum',
      body: 'Peers from a partner school saw few chances for extended writing in Welsh in Years 3 to 6.',
    },
    finding: {
      title: 'Learners in Years 3 to 6 rarely write at length in Welsh',
      body: 'Both the learners’ books and the peer enquiry show short pieces of writing in Welsh, with few chances to write at length.',
    },
    priority: {
      title: 'Extended writing in Welsh in Years 3 to 6',
      description: 'Learners write at length in Welsh every week, in every area of learning.',
      learners: 'Learners in Years 3 to 6, especially boys',
      successMeasure: 'By July, at least 80% of learners in Years 3 to 6 write a full page in Welsh on their own',
    },
    action: {
      description: 'A weekly extended writing session in Welsh in Years 3 to 6',
      owner: 'Literacy lead',
      cost: '£1,250.50',
      costSource: 'pdg',
    },
    criterion: 'Every learner in Years 3 to 6 writes at length in Welsh at least once a week',
    revisionNote: 'The first revision: the extended writing priority is agreed.',
    resolution: 'Resolved that the school development plan, with its extended writing priority, be approved.',
    impact: {
      whatChanged: 'More learners in Years 3 to 6 now write a full page in Welsh on their own.',
      measure: 'Writing a full page in Welsh (%)',
      baseline: '35%',
      latest: '62%',
      commentary: 'From the termly writing check',
    },
  },
  cy: {
    school: 'Ysgol Gynradd Bryn Teg',
    answers: {
      progressingAnswer:
        'Mae’r rhan fwyaf o’r dysgwyr yn gwneud cynnydd cyson mewn darllen a rhifedd. Mae ysgrifennu estynedig, yn enwedig yn Gymraeg, ar ei hôl hi.',
      paceAnswer:
        'Mae’r cyflymder yn unol â’r disgwyl ym Mlynyddoedd 1 a 2, ond yn arafach na’r disgwyl mewn ysgrifennu ym Mlynyddoedd 3 i 6.',
      howWellAnswer: 'Yn dda mewn darllen a llesiant; mae angen gwella ysgrifennu estynedig yn Gymraeg.',
      howKnowAnswer: 'Teithiau dysgu, llyfrau’r dysgwyr ac ymholiad cymheiriaid gydag ysgol bartner.',
      howImproveAnswer: 'Rhoi cyfleoedd rheolaidd i ddysgwyr Blynyddoedd 3 i 6 ysgrifennu’n estynedig yn Gymraeg.',
    },
    classroom: {
      title: 'Ysgrifennu Blwyddyn 4: llyfrau’r dysgwyr',
      namingBody: 'Yn y sesiwn ysgrifennu dan arweiniad, ysgrifennodd Megan Jones dudalen lawn yn Gymraeg heb help.',
      learnerName: 'Megan Jones',
      body: 'Yn y sesiwn ysgrifennu dan arweiniad, ysgrifennodd un dysgwr dudalen lawn yn Gymraeg heb help; ysgrifennodd y rhan fwyaf lai na hanner tudalen.',
    },
    peerEnquiry: {
      title: 'Ymholiad cymheiriaid: ysgrifennu ar draws y cwricwlwm',
      body: 'Gwelodd cymheiriaid o ysgol bartner ychydig o gyfleoedd i ysgrifennu’n estynedig yn Gymraeg ym Mlynyddoedd 3 i 6.',
    },
    finding: {
      title: 'Anaml y mae dysgwyr Blynyddoedd 3 i 6 yn ysgrifennu’n estynedig yn Gymraeg',
      body: 'Mae llyfrau’r dysgwyr a’r ymholiad cymheiriaid yn dangos darnau byr o ysgrifennu yn Gymraeg, heb lawer o gyfleoedd i ysgrifennu’n estynedig.',
    },
    priority: {
      title: 'Ysgrifennu estynedig yn Gymraeg ym Mlynyddoedd 3 i 6',
      description: 'Dysgwyr yn ysgrifennu’n estynedig yn Gymraeg bob wythnos, ym mhob maes dysgu.',
      learners: 'Dysgwyr Blynyddoedd 3 i 6, yn enwedig bechgyn',
      successMeasure:
        'Erbyn mis Gorffennaf, bydd o leiaf 80% o ddysgwyr Blynyddoedd 3 i 6 yn ysgrifennu tudalen lawn yn Gymraeg ar eu pen eu hunain',
    },
    action: {
      description: 'Sesiwn ysgrifennu estynedig wythnosol yn Gymraeg ym Mlynyddoedd 3 i 6',
      owner: 'Arweinydd llythrennedd',
      cost: '£1,250.50',
      costSource: 'pdg',
    },
    criterion: 'Mae pob dysgwr ym Mlynyddoedd 3 i 6 yn ysgrifennu’n estynedig yn Gymraeg o leiaf unwaith yr wythnos',
    revisionNote: 'Y diwygiad cyntaf: mae’r flaenoriaeth ysgrifennu estynedig wedi’i chytuno.',
    resolution: 'Penderfynwyd cymeradwyo cynllun datblygu’r ysgol, gyda’i blaenoriaeth ysgrifennu estynedig.',
    impact: {
      whatChanged:
        'Mae mwy o ddysgwyr Blynyddoedd 3 i 6 bellach yn ysgrifennu tudalen lawn yn Gymraeg ar eu pen eu hunain.',
      measure: 'Ysgrifennu tudalen lawn yn Gymraeg (%)',
      baseline: '35%',
      latest: '62%',
      commentary: 'O’r gwiriad ysgrifennu bob tymor',
    },
  },
};
