import type { Language } from './visitor.ts';

/**
 * One peer enquiry, written in the language of the journey: a host school asks how well its
 * learners know how to improve their writing, and a partner school's practitioner helps it find out.
 */
export type EnquiryStory = {
  collaborative: { nameEn: string; nameCy: string };
  host: string;
  partner: string;
  people: { headteacher: string; lead: string; facilitator: string; reviewer: string };
  /** What the host's self-evaluation already holds: the question comes from the finding. */
  evidence: { title: string; body: string };
  finding: { title: string; body: string };
  priority: string;
  question: string;
  context: string;
  activities: string;
  note: { activity: string; hostColleague: string; body: string };
  findings: { strength: string; question: string };
  report: string;
  followUp: { description: string; owner: string };
};

export const ENQUIRY_STORIES: Record<Language, EnquiryStory> = {
  en: {
    collaborative: { nameEn: 'Morfa cluster', nameCy: 'Clwstwr Morfa' },
    host: 'Parc Morfa Primary School',
    partner: 'Ysgol Bro Alaw',
    people: {
      headteacher: 'Catrin Howells',
      lead: 'Gareth Pryce',
      facilitator: 'Siân Rowlands',
      reviewer: 'Owain Jenkins',
    },
    evidence: {
      title: 'Reading conferences in Year 5',
      body: 'Most learners could say what they enjoy about a book, but not how to improve their own writing.',
    },
    finding: {
      title: 'Learners rarely say how to improve their writing',
      body: 'In reading conferences and in their books, learners talk about what they enjoy but seldom about their next steps.',
    },
    priority: 'Learners know their next steps in writing',
    question: 'How well do learners in Years 5 and 6 know how to improve their writing?',
    context:
      'Our self-evaluation shows learners talk readily about what they enjoy, but seldom about their next steps.',
    activities: 'A learning walk in Years 5 and 6, listening to learners, and looking at their writing books.',
    note: {
      activity: 'listening_to_learners',
      hostColleague: 'Deputy headteacher, Mrs Ffion Lewis',
      body: 'Six learners in Year 6 explained the targets in their books; two could say what they would change in their next piece.',
    },
    findings: {
      strength: 'Learners value the written feedback in their books.',
      question: 'How could learners set their own next steps in writing?',
    },
    report:
      'Learners value written feedback and can find their targets. Fewer can say how they will improve their next piece of writing. The school could help learners set their own next steps.',
    followUp: {
      description: 'Ysgol Bro Alaw shares how its learners set their own writing targets',
      owner: 'English lead',
    },
  },
  cy: {
    collaborative: { nameEn: 'Teifi cluster', nameCy: 'Clwstwr Teifi' },
    host: 'Ysgol Gynradd Glan Teifi',
    partner: 'Ysgol y Dderwen',
    people: { headteacher: 'Nia Prys', lead: 'Huw Bowen', facilitator: 'Mererid Jones', reviewer: 'Iwan Morgan' },
    evidence: {
      title: 'Cynadleddau darllen ym Mlwyddyn 5',
      body: 'Roedd y rhan fwyaf o ddysgwyr yn gallu dweud beth maen nhw’n ei fwynhau mewn llyfr, ond nid sut i wella eu hysgrifennu eu hunain.',
    },
    finding: {
      title: 'Anaml y mae dysgwyr yn dweud sut i wella eu hysgrifennu',
      body: 'Mewn cynadleddau darllen ac yn eu llyfrau, mae dysgwyr yn sôn am yr hyn y maen nhw’n ei fwynhau ond anaml am eu camau nesaf.',
    },
    priority: 'Dysgwyr yn gwybod beth yw eu camau nesaf wrth ysgrifennu',
    question: 'Pa mor dda y mae dysgwyr Blynyddoedd 5 a 6 yn gwybod sut i wella eu hysgrifennu?',
    context:
      'Mae ein hunanwerthuso’n dangos bod dysgwyr yn sôn yn rhwydd am yr hyn y maen nhw’n ei fwynhau, ond anaml am eu camau nesaf.',
    activities: 'Taith ddysgu ym Mlynyddoedd 5 a 6, gwrando ar ddysgwyr, ac edrych ar eu llyfrau ysgrifennu.',
    note: {
      activity: 'listening_to_learners',
      hostColleague: 'Y dirprwy bennaeth, Mrs Ffion Lewis',
      body: 'Esboniodd chwe dysgwr ym Mlwyddyn 6 y targedau yn eu llyfrau; roedd dau yn gallu dweud beth fydden nhw’n ei newid yn eu darn nesaf.',
    },
    findings: {
      strength: 'Mae dysgwyr yn gwerthfawrogi’r adborth ysgrifenedig yn eu llyfrau.',
      question: 'Sut y gallai dysgwyr osod eu camau nesaf eu hunain wrth ysgrifennu?',
    },
    report:
      'Mae dysgwyr yn gwerthfawrogi adborth ysgrifenedig ac yn gallu dod o hyd i’w targedau. Llai ohonyn nhw sy’n gallu dweud sut y byddan nhw’n gwella eu darn nesaf o ysgrifennu. Gallai’r ysgol helpu dysgwyr i osod eu camau nesaf eu hunain.',
    followUp: {
      description: 'Ysgol y Dderwen yn rhannu sut mae ei dysgwyr yn gosod eu targedau ysgrifennu eu hunain',
      owner: 'Arweinydd y Gymraeg',
    },
  },
};

/**
 * A member's look round the collaborative's space, in the language of the journey: three member
 * schools, two of them sharing priorities on the same theme, a meeting to record and a session
 * on progression already held.
 */
export type SpaceStory = {
  collaborative: { nameEn: string; nameCy: string };
  schools: { own: string; partner: string; third: string };
  member: string;
  priorities: { own: string; partner: string; third: string };
  meeting: { title: string; location: string; agenda: string; attendees: string; notes: string };
  action: { description: string; owner: string };
  session: { focus: string; expectations: string };
};

export const SPACE_STORIES: Record<Language, SpaceStory> = {
  en: {
    collaborative: { nameEn: 'Llynfi cluster', nameCy: 'Clwstwr Llynfi' },
    schools: {
      own: 'Cwm Llynfi Primary School',
      partner: 'Ysgol Gymraeg Llangynwyd',
      third: 'Nantyffyllon Primary School',
    },
    member: 'Rhian Evans',
    priorities: {
      own: 'Oracy across the curriculum',
      partner: 'Numeracy in real-life contexts',
      third: 'Attendance after the pandemic',
    },
    meeting: {
      title: 'Spring term cluster meeting',
      location: 'Cwm Llynfi Primary School, hall',
      agenda: 'Our common ground: oracy and numeracy\nPlanning the next peer enquiry',
      attendees: 'Rhian Evans, headteacher, Cwm Llynfi Primary School\nThe headteacher of Ysgol Gymraeg Llangynwyd',
      notes: 'The schools agreed to plan oracy and numeracy together next term.',
    },
    action: { description: 'Share the oracy planning with every member school', owner: 'Rhian Evans' },
    session: {
      focus: 'Year 6 to 7 transition: writing',
      expectations: 'Learners at this step write at length for different readers and check their own work.',
    },
  },
  cy: {
    collaborative: { nameEn: 'Ogwen cluster', nameCy: 'Clwstwr Ogwen' },
    schools: { own: 'Ysgol Pen y Bryn', partner: 'Ysgol Llanllechid', third: 'Ysgol Dyffryn Ogwen' },
    member: 'Gwenllian Parry',
    priorities: {
      own: 'Llafaredd ar draws y cwricwlwm',
      partner: 'Rhifedd mewn cyd-destunau go iawn',
      third: 'Presenoldeb ar ôl y pandemig',
    },
    meeting: {
      title: 'Cyfarfod clwstwr tymor y gwanwyn',
      location: 'Neuadd Ysgol Pen y Bryn',
      agenda: 'Ein tir cyffredin: llafaredd a rhifedd\nCynllunio’r ymholiad cymheiriaid nesaf',
      attendees: 'Gwenllian Parry, pennaeth, Ysgol Pen y Bryn\nPennaeth Ysgol Llanllechid',
      notes: 'Cytunodd yr ysgolion i gynllunio llafaredd a rhifedd gyda’i gilydd y tymor nesaf.',
    },
    action: { description: 'Rhannu’r cynllunio llafaredd gyda phob ysgol sy’n aelod', owner: 'Gwenllian Parry' },
    session: {
      focus: 'Pontio o Flwyddyn 6 i 7: ysgrifennu',
      expectations:
        'Mae dysgwyr ar y cam hwn yn ysgrifennu’n estynedig i wahanol ddarllenwyr ac yn gwirio eu gwaith eu hunain.',
    },
  },
};
