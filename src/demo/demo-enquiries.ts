import { randomUUID } from 'node:crypto';
import type { Db } from '../db/client.ts';
import { searchKey } from '../lib/search-text.ts';
import { insertDemo } from './demo-cycle-repository.ts';
import { insertCollaboration } from './demo-collaboration-repository.ts';
import { SCHOOLS as S, type DemoCollaboratives } from './demo-collaboratives.ts';
import type { DemoSchoolCycle } from './demo-school-cycle.ts';
import type { SketchIds } from './demo-school-sketches.ts';

const day = (offset: number, from: Date) => new Date(from.getTime() + offset * 86_400_000).toISOString().slice(0, 10);
const at = (offset: number, from: Date) => new Date(from.getTime() + offset * 86_400_000);
const PROTOCOL = {
  cy: {
    activities:
      "Taith ddysgu yn y bore gyda'r pennaeth cynorthwyol; edrych ar samplau o waith dysgwyr; sgwrs gyda grŵp o ddysgwyr; sesiwn gwneud synnwyr gyda'r tîm ar ddiwedd y dydd.",
    confidentiality:
      "Mae'r hyn a welir ac a glywir yn aros o fewn y tîm ymholi. Nid oes graddau. Yr ysgol sy'n cynnal biau'r adroddiad ac mae'n penderfynu gyda phwy i'w rannu.",
  },
  en: {
    activities:
      'Morning learning walk with the deputy head; looking at samples of learners’ work; a conversation with a group of learners; a sense-making session with the team at the end of the day.',
    confidentiality:
      'What is seen and heard stays within the enquiry team. There are no grades. The report belongs to the host school, which decides who it is shared with.',
  },
};

type Context = {
  c: DemoCollaboratives;
  demo: DemoSchoolCycle;
  sketches: Map<string, SketchIds>;
  people: { headteacher: string; leader: string };
  now: Date;
};

/** One peer enquiry at each stage, across the demo's four collaboratives. */
export async function loadDemoEnquiries(db: Db, { c, demo, sketches, people, now }: Context) {
  const p = c.people;
  const sketch = (school: string) => sketches.get(school)!;
  const enquiry = async (o: {
    collaborative: string;
    host: string;
    question: string;
    themes: string[];
    lang: 'en' | 'cy';
    state: string;
    start: number;
    by: string;
    facilitator?: string;
    reviewers?: [string, string][];
    context?: string;
    findingId?: string;
  }) => {
    const id = randomUUID();
    const agreed = o.state !== 'proposed';
    await insertCollaboration.enquiry(db, {
      id,
      collaborativeId: o.collaborative,
      hostSchoolNumber: o.host,
      question: o.question,
      context: o.context ?? '',
      findingId: o.findingId ?? null,
      nifThemes: o.themes,
      visitStart: day(o.start, now),
      visitEnd: day(o.start + 1, now),
      state: o.state,
      facilitatorId: agreed ? (o.facilitator ?? null) : null,
      activities: agreed ? PROTOCOL[o.lang].activities : '',
      confidentiality: agreed ? PROTOCOL[o.lang].confidentiality : '',
      language: o.lang,
      createdBy: o.by,
    });
    if (agreed && o.reviewers?.length)
      await insertCollaboration.reviewers(
        db,
        o.reviewers.map(([userId, schoolNumber]) => ({ enquiryId: id, userId, schoolNumber })),
      );
    return id;
  };
  const pack = (enquiryId: string, addedBy: string, items: [string, string][]) =>
    insertCollaboration.pack(
      db,
      items.map(([itemType, itemId]) => ({ enquiryId, itemType, itemId, addedBy })),
    );

  // Proposed: Glantaf asks the Welsh-medium group to look at informal Welsh.
  await enquiry({
    collaborative: c.collaboratives.welshMedium,
    host: S.glantaf,
    lang: 'cy',
    state: 'proposed',
    start: 40,
    by: p('meinir'),
    themes: ['vision_leadership'],
    findingId: sketch(S.glantaf).findingId,
    question:
      "Pa mor aml mae dysgwyr Blynyddoedd 7 i 9 yn dewis siarad Cymraeg y tu allan i wersi, a beth sy'n eu hannog?",
    context: "Mae ein hunanwerthuso'n dangos bod dysgwyr yn troi i'r Saesneg yn gymdeithasol.",
  });
  // Agreed: Pontarddulais Primary, reviewers from Bryniago and the comprehensive.
  await enquiry({
    collaborative: c.collaboratives.swansea,
    host: S.pontarddulaisPrimary,
    lang: 'en',
    state: 'agreed',
    start: 21,
    by: p('helen'),
    themes: ['curriculum_teaching'],
    facilitator: p('owain'),
    reviewers: [
      [p('angharad'), S.bryniago],
      [p('mark'), S.pontarddulaisComp],
    ],
    question: 'How well does our teaching of reading fluency in Years 3 and 4 help learners who are behind?',
  });
  // Preparing: Bryn Tawe has chosen its pack.
  const preparing = await enquiry({
    collaborative: c.collaboratives.welshMedium,
    host: S.brynTawe,
    lang: 'cy',
    state: 'preparing',
    start: 9,
    by: p('geraint'),
    themes: ['curriculum_teaching'],
    facilitator: p('meinir'),
    reviewers: [
      [p('rhys'), S.plasmawr],
      [p('lowri'), S.llangynwyd],
    ],
    question: 'I ba raddau mae dysgwyr Cyfnod Allweddol 3 yn defnyddio eu sgiliau rhifedd mewn pynciau eraill?',
  });
  await pack(preparing, p('geraint'), [
    ['evidence', sketch(S.brynTawe).evidenceIds[0]!],
    ['evidence', sketch(S.brynTawe).evidenceIds[1]!],
    ['finding', sketch(S.brynTawe).findingId],
  ]);
  // On site today: Pen-y-groes hosts; the demo headteacher is one of the reviewers.
  const onSite = await enquiry({
    collaborative: c.collaboratives.cluster,
    host: S.penYGroes,
    lang: 'cy',
    state: 'on_site',
    start: 0,
    by: p('lead'),
    themes: ['curriculum_teaching'],
    facilitator: p('partner'),
    reviewers: [
      [people.headteacher, S.berllanDeg],
      [p('ioan'), S.broEdern],
    ],
    question: 'Sut mae ein dysgwyr Blynyddoedd 4 i 6 yn cynnal cywirdeb iaith mewn ysgrifennu estynedig?',
  });
  await pack(onSite, p('lead'), [
    ['evidence', sketch(S.penYGroes).evidenceIds[0]!],
    ['finding', sketch(S.penYGroes).findingId],
    ['priority', sketch(S.penYGroes).priorityIds[0]!],
  ]);
  await insertCollaboration.notes(db, [
    {
      enquiryId: onSite,
      authorId: p('ioan'),
      observedOn: day(0, now),
      activity: 'learning_walk',
      hostColleague: 'Nia Lewis',
      language: 'cy',
      body: "Blwyddyn 5: roedd y rhan fwyaf o ddysgwyr yn cynllunio'n ofalus. Mewn darnau hirach, roedd gwallau treiglo'n cynyddu ar ôl y paragraff cyntaf.",
    },
  ]);
  // Making sense: Lakeside and the primary group.
  const makingSense = await enquiry({
    collaborative: c.collaboratives.primaries,
    host: S.lakeside,
    lang: 'en',
    state: 'making_sense',
    start: -3,
    by: p('sarah'),
    themes: ['curriculum_teaching'],
    facilitator: p('partner'),
    reviewers: [
      [p('james'), S.llanedeyrn],
      [p('bethan'), S.glyncoed],
    ],
    question: 'How well do learners in Years 5 and 6 explain their mathematical reasoning?',
  });
  await pack(makingSense, p('sarah'), [
    ['evidence', sketch(S.lakeside).evidenceIds[0]!],
    ['finding', sketch(S.lakeside).findingId],
  ]);
  await insertCollaboration.notes(db, [
    {
      enquiryId: makingSense,
      authorId: p('james'),
      observedOn: day(-3, now),
      activity: 'learners_work',
      hostColleague: 'Sarah Khan',
      language: 'en',
      body: 'In 12 Year 6 books, most written methods were correct; explanations were one line or missing in 8 of them.',
    },
    {
      enquiryId: makingSense,
      authorId: p('bethan'),
      observedOn: day(-3, now),
      activity: 'listening_to_learners',
      hostColleague: 'Deputy head, Year 5 lead',
      language: 'en',
      body: 'Six Year 5 learners could explain their reasoning aloud with confidence, using the class sentence starters.',
    },
  ]);
  await insertCollaboration.findings(db, [
    {
      enquiryId: makingSense,
      kind: 'strength',
      text: 'Learners explain their reasoning well aloud, helped by shared sentence starters.',
      language: 'en',
      createdBy: p('james'),
    },
    {
      enquiryId: makingSense,
      kind: 'area_for_development',
      text: 'Written explanations are short or missing, so reasoning is lost in books.',
      language: 'en',
      createdBy: p('bethan'),
    },
    {
      enquiryId: makingSense,
      kind: 'question',
      text: 'Could the sentence starters used aloud be used in writing too?',
      language: 'en',
      createdBy: p('partner'),
    },
  ]);
  // Report drafted: the demo school's own enquiry, waiting for its headteacher to agree the report.
  const drafted = await enquiry({
    collaborative: c.collaboratives.cluster,
    host: S.berllanDeg,
    lang: 'cy',
    state: 'report_drafted',
    start: -10,
    by: people.headteacher,
    themes: ['wellbeing_equity'],
    facilitator: p('partner'),
    reviewers: [
      [p('lead'), S.penYGroes],
      [p('sioned'), S.yWern],
    ],
    question: "Sut mae ein clwb bore yn helpu teuluoedd dysgwyr sy'n absennol yn aml?",
    findingId: demo.findingIds[1],
  });
  await pack(drafted, people.headteacher, [
    ['evidence', demo.evidenceIds[4]!],
    ['evidence', demo.evidenceIds[5]!],
    ['finding', demo.findingIds[1]!],
    ['priority', demo.attendancePriorityId],
  ]);
  await insertCollaboration.notes(db, [
    {
      enquiryId: drafted,
      authorId: p('sioned'),
      observedOn: day(-10, now),
      activity: 'staff_dialogue',
      hostColleague: 'Dafydd Evans',
      language: 'cy',
      body: "Mae staff y clwb bore yn adnabod pob teulu; mae'r drefn yn dawel ac yn groesawgar.",
    },
  ]);
  await insertCollaboration.findings(db, [
    {
      enquiryId: drafted,
      kind: 'strength',
      text: "Mae'r clwb bore'n rhoi dechrau tawel i'r dydd ac mae teuluoedd yn ei werthfawrogi.",
      language: 'cy',
      createdBy: p('lead'),
    },
    {
      enquiryId: drafted,
      kind: 'area_for_development',
      text: "Nid yw'r ysgol eto'n cofnodi pa ddysgwyr sy'n dod i'r clwb, felly mae'n anodd gweld ei effaith ar bresenoldeb.",
      language: 'cy',
      createdBy: p('sioned'),
    },
  ]);
  await insertCollaboration.report(
    db,
    drafted,
    "Gwelodd y tîm glwb bore croesawgar sy'n rhoi dechrau tawel i'r dydd. Awgrymwn gofnodi pwy sy'n mynychu er mwyn gweld ei effaith ar bresenoldeb, a rhannu'r dull gyda Phen-y-groes.",
  );

  // Report agreed: Bryniago's report is now evidence in its cycle.
  const reportAgreed = await enquiry({
    collaborative: c.collaboratives.swansea,
    host: S.bryniago,
    lang: 'cy',
    state: 'report_agreed',
    start: -18,
    by: p('angharad'),
    themes: ['curriculum_teaching'],
    facilitator: p('owain'),
    reviewers: [
      [p('helen'), S.pontarddulaisPrimary],
      [p('tom'), S.pontlliw],
    ],
    question: 'Sut gallwn ni helpu teuluoedd i ddarllen yn Gymraeg gartref?',
  });
  const report1 =
    "Mae'r ysgol yn cynnig llyfrau Cymraeg da i fynd adref. Nid yw rhieni di-Gymraeg yn siŵr sut i helpu. Awgrym: sesiynau darllen i deuluoedd a llyfrau gyda sain.";
  await agreeReport(
    db,
    reportAgreed,
    S.bryniago,
    sketch(S.bryniago).cycleId,
    'Ymholiad cymheiriaid: Sut gallwn ni helpu teuluoedd i ddarllen yn Gymraeg gartref?',
    report1,
    p('angharad'),
    at(-12, now),
    'cy',
    ['curriculum_teaching'],
  );

  // Follow-up: Bro Edern gets support from Plasmawr, now an action in its plan.
  const followUp = await enquiry({
    collaborative: c.collaboratives.welshMedium,
    host: S.broEdern,
    lang: 'cy',
    state: 'follow_up',
    start: -35,
    by: p('ioan'),
    themes: ['wellbeing_equity'],
    facilitator: p('meinir'),
    reviewers: [
      [p('rhys'), S.plasmawr],
      [p('iwan'), S.garthOlwg],
    ],
    question: "Beth sy'n cadw dysgwyr Blwyddyn 9 rhag dod i'r ysgol yn rheolaidd?",
  });
  const report2 =
    "Mae dysgwyr Blwyddyn 9 yn teimlo bod y diwrnod yn hir ac nad oes oedolyn penodol yn eu holi pan fyddant yn absennol. Mae gan Plasmawr gynllun mentora sy'n gweithio'n dda.";
  await agreeReport(
    db,
    followUp,
    S.broEdern,
    sketch(S.broEdern).cycleId,
    'Ymholiad cymheiriaid: presenoldeb Blwyddyn 9',
    report2,
    p('ioan'),
    at(-28, now),
    'cy',
    ['wellbeing_equity'],
  );
  const mentoring = randomUUID();
  await insertDemo.actions(db, [
    {
      id: mentoring,
      priorityId: sketch(S.broEdern).priorityIds[1]!,
      description: 'Cynllun mentora Blwyddyn 9 gyda chefnogaeth Plasmawr',
      owner: 'Ioan Rees',
      ownerUserId: c.people('ioan'),
      dueOn: day(60, now),
      supportFrom: 'collaborative',
      supportDetail: 'Ysgol Gyfun Gymraeg Plasmawr',
      status: 'in_progress',
      language: 'cy',
    },
  ]);
  await insertCollaboration.followUps(db, [
    {
      enquiryId: followUp,
      description: 'Rhannu cynllun mentora Plasmawr a hyfforddi dau fentor',
      supportingSchoolNumber: S.plasmawr,
      dueOn: day(60, now),
      planActionId: mentoring,
      language: 'cy',
      createdBy: p('ioan'),
    },
  ]);

  // Closed: the demo school's enquiry last half-term, whose report is already in its cycle.
  const closed = await enquiry({
    collaborative: c.collaboratives.cluster,
    host: S.berllanDeg,
    lang: 'cy',
    state: 'closed',
    start: -70,
    by: people.headteacher,
    themes: ['curriculum_teaching'],
    facilitator: p('partner'),
    reviewers: [
      [p('lead'), S.penYGroes],
      [p('ioan'), S.broEdern],
    ],
    question: 'Pa mor gywir yw ysgrifennu estynedig dysgwyr Blynyddoedd 5 a 6?',
    findingId: demo.writingFindingId,
  });
  await insertCollaboration.notes(db, [
    {
      enquiryId: closed,
      authorId: p('ioan'),
      observedOn: day(-70, now),
      activity: 'learners_work',
      hostColleague: 'Dafydd Evans',
      language: 'cy',
      body: 'Cynllunio cryf ac ymarfer llafar da; cywirdeb yn gostwng mewn darnau hirach.',
    },
  ]);
  await insertCollaboration.report(
    db,
    closed,
    "Mae cynllunio ac ymarfer llafar yn gryf. Cywirdeb iaith mewn darnau hirach yw'r bwlch. Cytunwyd ar gymedroli ar y cyd gyda'r clwstwr.",
  );
  await insertCollaboration.reportAgreed(db, closed, demo.peerVisitEvidenceId, people.headteacher, at(-60, now));
  await insertCollaboration.followUps(db, [
    {
      enquiryId: closed,
      description: "Cymedroli ysgrifennu ar y cyd gyda'r clwstwr",
      supportingSchoolNumber: S.penYGroes,
      dueOn: day(14, now),
      planActionId: demo.moderationActionId,
      language: 'cy',
      createdBy: people.headteacher,
    },
  ]);

  // Cancelled: Springwood withdrew when its deputy went on leave.
  await enquiry({
    collaborative: c.collaboratives.primaries,
    host: S.springwood,
    lang: 'en',
    state: 'cancelled',
    start: 5,
    by: p('priya'),
    themes: ['curriculum_teaching'],
    facilitator: p('partner'),
    reviewers: [[p('sarah'), S.lakeside]],
    question: 'How well do our practical maths lessons build fluency?',
  });
  await insertCollaboration.cancelReason(
    db,
    S.springwood,
    'Our deputy head, who leads maths, is on leave this term. We will propose this again in the summer term.',
  );
}

async function agreeReport(
  db: Db,
  enquiryId: string,
  school: string,
  cycleId: string,
  title: string,
  report: string,
  by: string,
  when: Date,
  language: string,
  themes: string[],
) {
  const evidenceId = randomUUID();
  await insertDemo.evidence(db, [
    {
      id: evidenceId,
      schoolNumber: school,
      cycleId,
      source: 'peer_enquiry',
      observedOn: when.toISOString().slice(0, 10),
      firstHand: true,
      fromBeyond: true,
      title,
      body: report,
      language,
      nifThemes: themes,
      curated: true,
      createdBy: by,
      searchText: searchKey(`${title} ${report}`),
    },
  ]);
  await insertCollaboration.report(db, enquiryId, report);
  await insertCollaboration.reportAgreed(db, enquiryId, evidenceId, by, when, false);
}
