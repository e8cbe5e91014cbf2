import { randomUUID } from 'node:crypto';
import type { Db } from '../db/client.ts';
import { encodeReasons, type Reason } from '../features/brokering/match-rules.ts';
import { insertBrokering as insert } from './demo-brokering-repository.ts';
import { SCHOOLS as S } from './demo-collaboratives.ts';
import type { DemoLaContext } from './demo-la-context.ts';

/**
 * Brokering in Cardiff and Swansea: schools' published figures, strengths offered from their
 * findings, requests waiting for a match (with the LA and with a collaborative), support agreed
 * and under way, and support whose impact has been recorded, so both schools' support pages and
 * support logs have something in them. Pontlliw offers a strength but has a concern case open:
 * the broker never sees it suggested.
 */
export async function loadDemoBrokering(db: Db, ctx: DemoLaContext): Promise<void> {
  const { c, demoSchool, sketches } = ctx;
  const day = (n: number) => new Date(ctx.now.getTime() + n * 86_400_000).toISOString().slice(0, 10);
  const sketch = (school: string) => sketches.get(school)!;
  const p = c.people;

  await insert.profiles(
    db,
    [
      [
        S.berllanDeg,
        '24.3',
        '14.1',
        '9.5',
        'A two-form entry Welsh-medium primary; most families speak English at home.',
        ctx.headteacher,
        'en',
      ],
      [
        S.lakeside,
        '21.7',
        '16.0',
        '11.2',
        'A large primary near the lake, with a growing number of families new to the area.',
        p('sarah'),
        'en',
      ],
      [S.glyncoed, '27.9', '18.4', '6.1', '', p('bethan'), 'en'],
      [S.springwood, '19.8', '12.2', '8.0', 'A one-form entry primary with a nurture class.', p('priya'), 'en'],
      [S.yWern, '12.4', '10.5', '3.2', 'Ysgol Gymraeg un dosbarth mynediad yng ngogledd Caerdydd.', p('sioned'), 'cy'],
      [S.llanedeyrn, '41.2', '22.5', '14.8', '', p('james'), 'en'],
      [
        S.pontarddulaisPrimary,
        '16.5',
        '13.0',
        '1.4',
        'A primary at the heart of a former mining town.',
        p('helen'),
        'en',
      ],
      [
        S.bryniago,
        '11.2',
        '9.8',
        '0.6',
        'Ysgol Gymraeg ym Mhontarddulais; daw llawer o ddysgwyr o gartrefi di-Gymraeg.',
        p('angharad'),
        'cy',
      ],
      [S.pontarddulaisComp, '17.3', '15.1', '1.1', '', p('mark'), 'en'],
      [S.pontlliw, '15.2', '11.7', '0.8', '', p('tom'), 'en'],
      [S.llangynwyd, '22.0', '17.6', '1.9', '', p('lowri'), 'cy'],
    ].map(([schoolNumber, efsm, aln, eal, context, by, language]) => ({
      schoolNumber: schoolNumber!,
      efsmThreeYear: efsm!,
      alnPercent: aln!,
      ealPercent: eal!,
      context: context!,
      updatedBy: by!,
      language: language!,
    })),
  );

  // Two Swansea strengths, with the evidence they rest on.
  const bryniagoStrength = randomUUID();
  const compStrength = randomUUID();
  await insert.findings(db, [
    {
      id: bryniagoStrength,
      schoolNumber: S.bryniago,
      cycleId: sketch(S.bryniago).cycleId,
      kind: 'strength',
      title: 'Mae dysgwyr yn darllen yn hyderus yn Gymraeg erbyn Blwyddyn 2',
      nifTheme: 'curriculum_teaching',
      language: 'cy',
      createdBy: p('angharad'),
    },
    {
      id: compStrength,
      schoolNumber: S.pontarddulaisComp,
      cycleId: sketch(S.pontarddulaisComp).cycleId,
      kind: 'strength',
      title: 'Short reading interventions raise Year 7 reading ages',
      nifTheme: 'curriculum_teaching',
      language: 'en',
      createdBy: p('mark'),
    },
  ]);
  const links: [string, string[]][] = [
    [bryniagoStrength, sketch(S.bryniago).evidenceIds],
    [compStrength, sketch(S.pontarddulaisComp).evidenceIds],
    [sketch(S.yWern).findingId, sketch(S.yWern).evidenceIds],
    [sketch(S.springwood).findingId, sketch(S.springwood).evidenceIds],
    [sketch(S.pontlliw).findingId, sketch(S.pontlliw).evidenceIds],
    [sketch(S.llangynwyd).findingId, sketch(S.llangynwyd).evidenceIds],
  ];
  await insert.findingEvidence(
    db,
    links.flatMap(([findingId, ids]) => ids.map((evidenceId) => ({ findingId, evidenceId }))),
  );

  const offer = (
    schoolNumber: string,
    findingId: string,
    title: string,
    description: string,
    nifTheme: string,
    areas: string[],
    nationalPriorities: string[],
    language: string,
    createdBy: string,
  ) => ({
    id: randomUUID(),
    schoolNumber,
    findingId,
    title,
    description,
    nifTheme,
    areas,
    nationalPriorities,
    language,
    createdBy,
    createdAt: new Date(ctx.now.getTime() - 40 * 86_400_000),
  });
  const reasoningOffer = offer(
    S.berllanDeg,
    demoSchool.findingIds[2]!,
    'Rhesymu mathemategol ym Mlynyddoedd 3 a 4',
    "Gwersi i'w gweld, a chynllunio ar y cyd ar sut rydym yn annog dysgwyr i esbonio eu rhesymu.",
    'curriculum_teaching',
    ['mathematics_numeracy'],
    ['numeracy'],
    'cy',
    ctx.headteacher,
  );
  const safeOffer = offer(
    S.berllanDeg,
    demoSchool.findingIds[3]!,
    'A nurture room that helps with mornings',
    'How our nurture room and family contact help learners who find mornings hard.',
    'wellbeing_equity',
    ['health_wellbeing'],
    ['attendance', 'wellbeing'],
    'en',
    ctx.headteacher,
  );
  const wernOffer = offer(
    S.yWern,
    sketch(S.yWern).findingId,
    'Datrys problemau mewn grwpiau',
    'Sut rydym yn trefnu gwaith grŵp mewn mathemateg.',
    'curriculum_teaching',
    ['mathematics_numeracy'],
    ['numeracy'],
    'cy',
    p('sioned'),
  );
  const springwoodOffer = offer(
    S.springwood,
    sketch(S.springwood).findingId,
    'Practical maths that learners enjoy',
    'Visits to see practical maths lessons in Years 3 to 6.',
    'curriculum_teaching',
    ['mathematics_numeracy'],
    ['numeracy'],
    'en',
    p('priya'),
  );
  const bryniagoOffer = offer(
    S.bryniago,
    bryniagoStrength,
    'Darllen yn Gymraeg yn y blynyddoedd cynnar',
    'Rhannu ein dull o ddysgu darllen i ddysgwyr o gartrefi di-Gymraeg.',
    'curriculum_teaching',
    ['languages_literacy'],
    ['literacy'],
    'cy',
    p('angharad'),
  );
  const compOffer = offer(
    S.pontarddulaisComp,
    compStrength,
    'Reading interventions for Year 7',
    'Our six-week reading intervention, its materials and how we train staff.',
    'curriculum_teaching',
    ['languages_literacy'],
    ['literacy'],
    'en',
    p('mark'),
  );
  const outdoorOffer = offer(
    S.pontlliw,
    sketch(S.pontlliw).findingId,
    'Outdoor learning in the Foundation Phase',
    'Planning outdoor learning across the curriculum.',
    'curriculum_teaching',
    [],
    ['wellbeing'],
    'en',
    p('tom'),
  );
  const safeLlangynwyd = offer(
    S.llangynwyd,
    sketch(S.llangynwyd).findingId,
    'Llesiant wrth bontio i Flwyddyn 7',
    "Sut rydym yn helpu dysgwyr Blwyddyn 7 i deimlo'n ddiogel.",
    'wellbeing_equity',
    ['health_wellbeing'],
    ['wellbeing'],
    'cy',
    p('lowri'),
  );
  await insert.offers(db, [
    reasoningOffer,
    safeOffer,
    wernOffer,
    springwoodOffer,
    bryniagoOffer,
    compOffer,
    outdoorOffer,
    safeLlangynwyd,
  ]);

  const request = (
    schoolNumber: string,
    priorityId: string,
    need: string,
    language: string,
    createdBy: string,
    status: string,
    brokerCollaborativeId: string | null,
    daysAgo: number,
  ) =>
    insert.request(db, {
      schoolNumber,
      priorityId,
      need,
      language,
      createdBy,
      status,
      brokerCollaborativeId,
      createdAt: new Date(ctx.now.getTime() - daysAgo * 86_400_000),
    });
  const r = (code: Reason['code'], values?: Reason['values']): Reason => (values ? { code, values } : { code });

  // Cardiff: two requests waiting for the LA, one for the north-east primaries' collaborative.
  await request(
    S.lakeside,
    sketch(S.lakeside).priorityIds[0]!,
    'We would like to see how another school gets learners in Years 5 and 6 to explain their reasoning in writing, and to plan a unit together.',
    'en',
    p('sarah'),
    'open',
    null,
    6,
  );
  await request(
    S.glyncoed,
    sketch(S.glyncoed).priorityIds[1]!,
    'Help to set up morning support for families of learners who are persistently absent.',
    'en',
    p('bethan'),
    'open',
    null,
    3,
  );
  await request(
    S.llanedeyrn,
    sketch(S.llanedeyrn).priorityIds[1]!,
    'Ideas for developing oracy in every class, ideally from a school with a similar community.',
    'en',
    p('james'),
    'open',
    c.collaboratives.primaries,
    9,
  );
  // Cardiff: the demo school receives support with its writing priority, and gave support whose impact is recorded.
  const writing = await request(
    S.berllanDeg,
    demoSchool.writingPriorityId,
    'Hoffem weld sut mae ysgol Gymraeg arall yn datblygu cywirdeb iaith mewn ysgrifennu hirach.',
    'cy',
    ctx.headteacher,
    'matched',
    null,
    50,
  );
  await insert.agreement(db, {
    requestId: writing,
    supportingSchoolNumber: S.yWern,
    offerId: wernOffer.id,
    what: 'Dau ymweliad i weld gwersi ysgrifennu ym Mlwyddyn 5 a sesiwn cynllunio ar y cyd.',
    days: '2.0',
    costPence: 40000,
    startsOn: day(-30),
    endsOn: day(30),
    language: 'cy',
    agreedBy: p('officer'),
    status: 'agreed',
    reasons: encodeReasons([
      r('same_theme', { theme: 'curriculum_teaching' }),
      r('evidenced', { count: 1 }),
      r('same_phase', { sector: 'primary' }),
      r('same_language', { wm: 'WM' }),
      r('same_la'),
    ]),
  });
  const springwoodReasoning = await request(
    S.springwood,
    sketch(S.springwood).priorityIds[0]!,
    'Support to get learners to explain their mathematical reasoning.',
    'en',
    p('priya'),
    'closed',
    null,
    150,
  );
  await insert.agreement(db, {
    requestId: springwoodReasoning,
    supportingSchoolNumber: S.berllanDeg,
    offerId: reasoningOffer.id,
    what: 'Three coaching sessions for the Year 3 and 4 teachers, and a visit to see reasoning lessons.',
    days: '1.5',
    costPence: 30000,
    startsOn: day(-120),
    endsOn: day(-25),
    language: 'en',
    agreedBy: p('partner'),
    status: 'completed',
    impact:
      'Book looks show most learners in Years 3 and 4 now write a sentence explaining their method; teachers plan reasoning questions into every unit.',
    impactRecordedAt: new Date(ctx.now.getTime() - 10 * 86_400_000),
    reasons: encodeReasons([
      r('same_theme', { theme: 'curriculum_teaching' }),
      r('shared_national', { code: 'numeracy' }),
      r('evidenced', { count: 1 }),
      r('same_phase', { sector: 'primary' }),
      r('efsm_close', { ours: 19.8, theirs: 24.3 }),
      r('same_la'),
    ]),
  });

  // Swansea: one request waiting for the LA, one matched through the Pontarddulais cluster.
  await request(
    S.pontarddulaisPrimary,
    sketch(S.pontarddulaisPrimary).priorityIds[0]!,
    'We need help with reading fluency in Years 3 and 4: how to choose texts and run short daily practice.',
    'en',
    p('helen'),
    'open',
    null,
    4,
  );
  const transition = await request(
    S.pontarddulaisComp,
    sketch(S.pontarddulaisComp).priorityIds[0]!,
    'Working with a feeder primary on reading before learners arrive in Year 7.',
    'en',
    p('mark'),
    'matched',
    c.collaboratives.swansea,
    35,
  );
  await insert.agreement(db, {
    requestId: transition,
    supportingSchoolNumber: S.bryniago,
    offerId: bryniagoOffer.id,
    what: 'Joint reading sessions for Year 6 and Year 7 teachers, one each half-term.',
    days: '3.0',
    costPence: null,
    startsOn: day(-20),
    endsOn: day(90),
    language: 'en',
    agreedBy: p('owain'),
    status: 'agreed',
    reasons: encodeReasons([
      r('same_theme', { theme: 'curriculum_teaching' }),
      r('shared_national', { code: 'literacy' }),
      r('evidenced', { count: 1 }),
      r('same_la'),
      r('same_collaborative'),
    ]),
  });
}
