import { randomUUID } from 'node:crypto';
import type { Db } from '../db/client.ts';
import { searchKey } from '../lib/search-text.ts';
import { academicYearOf, type FundingSource } from '../reference/reference-data.ts';
import { outputItemId } from '../sharing/share-repository.ts';
import type { planActions, priorities } from '../db/schema/index.ts';
import { insertDemo } from './demo-cycle-repository.ts';
import { saveRevision } from '../features/development-plan/revision-service.ts';
import { approveRevision } from '../features/development-plan/approval-service.ts';
import { appendAudit } from '../audit/audit-repository.ts';
import { todayInWales } from '../lib/clock.ts';
import { insertDelegation } from '../school/approval-delegation-repository.ts';
import { loadDemoPlanOutline } from './demo-plan-outline.ts';
import { findRevision } from '../features/development-plan/revision-repository.ts';
import { findSchoolContext } from '../school/school-repository.ts';

type People = { headteacher: string; leader: string; practitioner: string; governor: string };
const day = (offset: number, from: Date) => new Date(from.getTime() + offset * 86_400_000).toISOString().slice(0, 10);

/**
 * A living Welsh-medium primary: last year's cycle with its impact reviewed, and this year's
 * with evidence, findings, priorities, a plan approved by governors and things shared.
 * Written in Welsh and English, as a real staff would.
 */
export async function loadDemoSchoolCycle(db: Db, school: string, people: People, now: Date) {
  const year = academicYearOf(now);
  const lastCycle = randomUUID();
  const cycle = randomUUID();
  await insertDemo.cycle(db, {
    id: lastCycle,
    schoolNumber: school,
    academicYear: year - 1,
    stage: 'closed',
    language: 'cy',
    createdBy: people.headteacher,
    howWellAnswer: "Mae'r rhan fwyaf o ddysgwyr yn gwneud cynnydd da, ond roedd presenoldeb dysgwyr eFSM yn rhy isel.",
    howKnowAnswer: 'Data presenoldeb tymhorol a gwrando ar ddysgwyr.',
    howImproveAnswer: 'Gweithio gyda theuluoedd ar bresenoldeb.',
  });
  await insertDemo.cycle(db, {
    id: cycle,
    schoolNumber: school,
    academicYear: year,
    stage: 'priorities_agreed',
    language: 'cy',
    createdBy: people.headteacher,
    progressingAnswer:
      'Ar y cyfan, ydyn. Mae dysgwyr yn datblygu ehangder a dyfnder gwybodaeth yn dda, ond mae mireinio sgiliau ysgrifennu estynedig yn Gymraeg yn arafach ym Mlynyddoedd 5 a 6.',
    paceAnswer:
      "Mae cyflymder y cynnydd mewn rhifedd yn unol â'n disgwyliadau; mewn ysgrifennu estynedig mae'n arafach na'r disgwyl, yn enwedig i fechgyn.",
    howWellAnswer:
      "Rydym yn gwneud yn dda o ran llesiant a darllen. Mae ysgrifennu estynedig yn Gymraeg a phresenoldeb rhai dysgwyr yn feysydd i'w datblygu.",
    howKnowAnswer:
      'Teithiau dysgu, samplau o waith dysgwyr, gwrando ar ddysgwyr, data presenoldeb, ac ymweliad gan gydweithwyr o Ysgol Gynradd Gymraeg Pen-y-groes.',
    howImproveAnswer:
      "Canolbwyntio ar ysgrifennu estynedig ym Mlynyddoedd 5 a 6 gyda'r clwstwr, a pharhau â'r gwaith ar bresenoldeb gyda'r awdurdod lleol.",
  });

  const ev = (title: string, body: string, o: Partial<typeof base>) => ({
    ...base,
    ...o,
    id: randomUUID(),
    title,
    body,
    searchText: searchKey(`${title} ${body}`),
  });
  const base = {
    schoolNumber: school,
    cycleId: cycle,
    source: 'learning_walk',
    observedOn: day(-40, now),
    firstHand: true,
    fromBeyond: false,
    language: 'cy',
    nifThemes: [] as string[],
    areas: [] as string[],
    principles: [] as string[],
    learnerGroups: [] as string[],
    nationalPriorities: [] as string[],
    curated: true,
    createdBy: people.leader,
  };
  const evidence = [
    ev(
      'Taith ddysgu: ysgrifennu ym Mlwyddyn 6',
      "Roedd y rhan fwyaf o ddysgwyr yn cynllunio'n dda ond yn colli cywirdeb iaith mewn darnau hirach. Roedd bechgyn yn fwy tebygol o ysgrifennu darnau byr.",
      {
        nifThemes: ['curriculum_teaching'],
        areas: ['languages_literacy'],
        principles: ['refining_skills'],
        learnerGroups: ['boys'],
        nationalPriorities: ['literacy'],
      },
    ),
    ev(
      'Samplau gwaith: ysgrifennu estynedig Blwyddyn 5',
      'O 28 sampl, roedd 17 (61%) yn dangos cywirdeb iaith priodol mewn darnau estynedig. Treigladau a chenedl enwau oedd y gwallau mwyaf cyffredin.',
      {
        source: 'learners_work',
        observedOn: day(-35, now),
        nifThemes: ['curriculum_teaching'],
        areas: ['languages_literacy', 'skill_literacy'],
        principles: ['refining_skills'],
        nationalPriorities: ['literacy'],
      },
    ),
    ev(
      'Gwrando ar ddysgwyr: beth sy’n gwneud ysgrifennu’n anodd',
      'Dywedodd dysgwyr Blwyddyn 6 eu bod yn mwynhau ysgrifennu am eu diddordebau ond nad ydynt yn siŵr sut i wirio eu gwaith eu hunain.',
      {
        source: 'listening_to_learners',
        observedOn: day(-30, now),
        nifThemes: ['curriculum_teaching'],
        areas: ['languages_literacy'],
        principles: ['effective_learner'],
      },
    ),
    ev(
      'Peer visit from Ysgol Gynradd Gymraeg Pen-y-groes',
      'Two colleagues from our cluster looked at Year 5 and 6 writing with us. They saw strong planning and oral rehearsal, and agreed that accuracy in longer pieces is the gap.',
      {
        source: 'peer_enquiry',
        observedOn: day(-25, now),
        fromBeyond: true,
        language: 'en',
        nifThemes: ['curriculum_teaching'],
        areas: ['languages_literacy'],
        nationalPriorities: ['literacy'],
        createdBy: people.headteacher,
      },
    ),
    ev(
      'Attendance data: autumn half-term',
      'Whole-school attendance 94.1%. Persistent absence 13.8% (15.2% at the same point last year). eFSM attendance 92.0%.',
      {
        source: 'aggregate_data',
        observedOn: day(-20, now),
        firstHand: false,
        language: 'en',
        nifThemes: ['wellbeing_equity'],
        learnerGroups: ['persistent_absence', 'efsm'],
        nationalPriorities: ['attendance'],
      },
    ),
    ev(
      'Parent and carer survey: attendance and wellbeing',
      '112 families replied. 91% say their child feels safe at school; 22 families asked for more help with morning routines.',
      {
        source: 'survey',
        observedOn: day(-18, now),
        firstHand: false,
        language: 'en',
        nifThemes: ['wellbeing_equity'],
        areas: ['health_wellbeing'],
        nationalPriorities: ['attendance', 'wellbeing'],
      },
    ),
    ev(
      'Arsylwi ar arferion: rhifedd Blwyddyn 3',
      "Roedd dysgwyr yn esbonio eu rhesymu'n hyderus wrth ddatrys problemau arian. Roedd modelu gan yr athro yn glir.",
      {
        source: 'observation',
        observedOn: day(-15, now),
        nifThemes: ['curriculum_teaching'],
        areas: ['mathematics_numeracy'],
        principles: ['deepening_understanding'],
        nationalPriorities: ['numeracy'],
      },
    ),
    ev(
      'Governor visit: wellbeing and the nurture room',
      'The chair of governors visited the nurture room and talked with staff about how it supports learners who find mornings hard.',
      {
        source: 'governor_visit',
        observedOn: day(-12, now),
        fromBeyond: true,
        language: 'en',
        nifThemes: ['wellbeing_equity'],
        areas: ['health_wellbeing'],
        learnerGroups: ['persistent_absence'],
        createdBy: people.governor,
      },
    ),
    ev(
      'Deialog staff: cysondeb asesu ysgrifennu',
      'Cytunodd staff Blynyddoedd 5 a 6 ar ddisgwyliadau cyffredin ar gyfer cam cynnydd 3 mewn ysgrifennu estynedig.',
      {
        source: 'staff_dialogue',
        observedOn: day(-8, now),
        nifThemes: ['curriculum_teaching'],
        areas: ['languages_literacy'],
        principles: ['refining_skills'],
      },
    ),
    ev(
      'Reading for pleasure: library loans',
      'Library loans in Years 1 and 2 up by a third since the daily reading time began.',
      {
        source: 'aggregate_data',
        observedOn: day(-5, now),
        firstHand: false,
        language: 'en',
        curated: false,
        createdBy: people.practitioner,
        areas: ['languages_literacy'],
        nationalPriorities: ['literacy'],
      },
    ),
  ];
  await insertDemo.evidence(db, evidence);
  const e = evidence.map((x) => x.id);

  const finding = (
    kind: string,
    title: string,
    body: string,
    nifTheme: string,
    language: string,
    otherLanguage: Record<string, string> = {},
  ) => ({
    id: randomUUID(),
    otherLanguage,
    schoolNumber: school,
    cycleId: cycle,
    kind,
    title,
    body,
    nifTheme,
    language,
    createdBy: people.leader,
  });
  const findings = [
    finding(
      'area_for_development',
      'Cywirdeb iaith mewn ysgrifennu estynedig ym Mlynyddoedd 5 a 6',
      "Mae dysgwyr yn cynllunio'n dda ond mae cywirdeb yn gostwng mewn darnau hirach, yn enwedig i fechgyn.",
      'curriculum_teaching',
      'cy',
      {
        title: 'Accuracy of language in extended writing in Years 5 and 6',
        body: 'Learners plan well but accuracy falls in longer pieces, especially for boys.',
      },
    ),
    finding(
      'area_for_development',
      'Persistent absence remains above 10%',
      'Persistent absence has fallen but is still 13.8%; some families need help with morning routines.',
      'wellbeing_equity',
      'en',
    ),
    finding(
      'strength',
      'Mae dysgwyr yn esbonio eu rhesymu mathemategol yn hyderus',
      'Gwelwyd rhesymu clir mewn gwersi rhifedd Blwyddyn 3.',
      'curriculum_teaching',
      'cy',
    ),
    finding(
      'strength',
      'Learners feel safe and supported',
      'Nearly all families say their child feels safe; the nurture room supports learners who find mornings hard.',
      'wellbeing_equity',
      'en',
    ),
  ];
  await insertDemo.findings(db, findings);
  const f = findings.map((x) => x.id);
  await insertDemo.findingEvidence(
    db,
    [
      [0, 0],
      [0, 1],
      [0, 2],
      [0, 3],
      [0, 8],
      [1, 4],
      [1, 5],
      [1, 7],
      [2, 6],
      [3, 5],
      [3, 7],
    ].map(([fi, ei]) => ({ findingId: f[fi!]!, evidenceId: e[ei!]! })),
  );

  type PriorityRow = typeof priorities.$inferInsert & { id: string; title: string };
  const pr = (o: Omit<PriorityRow, 'id' | 'schoolNumber' | 'cycleId'> & { cycleId?: string }): PriorityRow => ({
    id: randomUUID(),
    schoolNumber: school,
    cycleId: cycle,
    origin: 'self_evaluation',
    createdBy: people.headteacher,
    ...o,
  });
  const lastYearAttendance = pr({
    cycleId: lastCycle,
    title: 'Codi presenoldeb dysgwyr eFSM ym Mlynyddoedd 3 i 6 o 89% i 93%',
    learners: 'Dysgwyr eFSM ym Mlynyddoedd 3 i 6',
    successMeasure: 'Presenoldeb dysgwyr eFSM yn 93% neu uwch yn nhymor yr haf',
    nifTheme: 'wellbeing_equity',
    nationalPriorities: ['attendance'],
    state: 'reviewed',
    language: 'cy',
    // Issue 16: what leaves the school carries its other-language version, written beside the original.
    otherLanguage: {
      title: 'Raise the attendance of eFSM learners in Years 3 to 6 from 89% to 93%',
      learners: 'eFSM learners in Years 3 to 6',
      successMeasure: 'Attendance of eFSM learners at 93% or above in the summer term',
    },
  });
  const lastYearReading = pr({
    cycleId: lastCycle,
    title: 'Daily reading for pleasure in Years 1 and 2',
    learners: 'All learners in Years 1 and 2',
    successMeasure: 'Every class reads for pleasure for 20 minutes a day; library loans rise by a quarter',
    nifTheme: 'curriculum_teaching',
    nationalPriorities: ['literacy'],
    state: 'closed',
    language: 'en',
    otherLanguage: {
      title: 'Darllen er pleser bob dydd ym Mlynyddoedd 1 a 2',
      learners: 'Pob dysgwr ym Mlynyddoedd 1 a 2',
      successMeasure: 'Pob dosbarth yn darllen er pleser am 20 munud y dydd; benthyciadau llyfrgell yn codi chwarter',
    },
  });
  const writing = pr({
    title: 'Cywirdeb iaith mewn ysgrifennu estynedig yn Gymraeg ym Mlynyddoedd 5 a 6',
    description: 'Gwella cywirdeb treigladau a chenedl enwau mewn darnau estynedig ar draws y cwricwlwm.',
    learners: 'Dysgwyr Blynyddoedd 5 a 6, yn enwedig bechgyn',
    successMeasure:
      'Mewn samplau gwaith tymhorol, 80% o ddysgwyr yn ysgrifennu darnau estynedig gyda chywirdeb iaith priodol (61% ym mis Hydref)',
    nifTheme: 'curriculum_teaching',
    nationalPriorities: ['literacy'],
    state: 'in_progress',
    language: 'cy',
    otherLanguage: {
      title: 'Accuracy of language in extended writing in Welsh in Years 5 and 6',
      description: 'Improve the accuracy of mutations and noun gender in extended pieces across the curriculum.',
      learners: 'Learners in Years 5 and 6, especially boys',
      successMeasure:
        'In termly work samples, 80% of learners write extended pieces with appropriate accuracy of language (61% in October)',
    },
  });
  const attendance = pr({
    title: 'Reduce persistent absence in Years 3 to 6 to below 10%',
    description: 'Work with families on morning routines, with the LA attendance officer and the nurture room.',
    learners: 'Persistently absent learners in Years 3 to 6 and their families',
    successMeasure: 'Persistent absence below 10% by the summer term (13.8% at October half-term)',
    nifTheme: 'wellbeing_equity',
    nationalPriorities: ['attendance'],
    state: 'agreed',
    language: 'en',
    carriedFromId: lastYearAttendance.id,
  });
  const numeracy = pr({
    title: 'Numeracy reasoning in Years 3 and 4',
    description: 'Build on strong reasoning in Year 3.',
    learners: '',
    successMeasure: '',
    nifTheme: 'curriculum_teaching',
    nationalPriorities: ['numeracy'],
    state: 'draft',
    language: 'en',
    createdBy: people.leader,
  });
  await insertDemo.priorities(db, [lastYearAttendance, lastYearReading, writing, attendance, numeracy]);
  await insertDemo.priorityFindings(db, [
    { priorityId: writing.id, findingId: f[0]! },
    { priorityId: attendance.id, findingId: f[1]! },
  ]);
  await insertDemo.criteria(db, [
    {
      priorityId: writing.id,
      text: 'Mae 80% o samplau gwaith Blwyddyn 6 yn dangos cywirdeb iaith priodol',
      otherLanguage: { text: '80% of Year 6 work samples show appropriate accuracy of language' },
      position: 0,
    },
    {
      priorityId: writing.id,
      text: "Mae'r bwlch rhwng bechgyn a merched wedi haneru",
      otherLanguage: { text: 'The gap between boys and girls has halved' },
      position: 1,
    },
    { priorityId: attendance.id, text: 'Persistent absence below 10% in the summer term', position: 0 },
    { priorityId: attendance.id, text: 'Every family identified has a named contact and a plan', position: 1 },
  ]);
  const action = (priorityId: string, o: Omit<typeof planActions.$inferInsert, 'priorityId'>) => ({
    priorityId,
    status: 'in_progress',
    language: 'cy',
    ...o,
  });
  const moderationActionId = randomUUID();
  const [checklistsId, samplesId, clubId, contactId] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
  // Each action's cost is the sum of its lines, split across the sources a Welsh school pays from.
  const costs: Record<string, { amountPence: number; source: FundingSource; grantName?: string }[]> = {
    [moderationActionId]: [
      { amountPence: 30_000, source: 'professional_learning_grant' },
      { amountPence: 15_000, source: 'school_budget' },
    ],
    [checklistsId]: [{ amountPence: 12_000, source: 'school_budget' }],
    [samplesId]: [{ amountPence: 20_000, source: 'laeg' }],
    [clubId]: [
      { amountPence: 80_000, source: 'pdg' },
      { amountPence: 40_000, source: 'school_budget' },
    ],
    [contactId]: [{ amountPence: 25_000, source: 'other_grant', grantName: 'Community Focused Schools grant' }],
  };
  const costOf = (id: string) => ({ id, costPence: costs[id]!.reduce((sum, l) => sum + l.amountPence, 0) });
  await insertDemo.actions(db, [
    action(writing.id, {
      description: "Sesiynau cymedroli ysgrifennu gyda'r clwstwr",
      owner: 'Dafydd Evans',
      ownerUserId: people.leader,
      startOn: day(-50, now),
      dueOn: day(14, now),
      milestones: 'Cytuno ar ddisgwyliadau cam cynnydd 3',
      ...costOf(moderationActionId),
      professionalLearning: 'Asesu ysgrifennu ar gyfer cam cynnydd 3',
      supportFrom: 'collaborative',
      supportDetail: 'Cymedroli ar y cyd gyda Chlwstwr Bro Edern',
    }),
    action(writing.id, {
      ...costOf(checklistsId),
      description: 'Gwirio gwaith eich hun: rhestrau gwirio treigladau ym mhob dosbarth',
      owner: 'Catrin Hughes',
      ownerUserId: people.practitioner,
      startOn: day(-40, now),
      dueOn: day(-20, now),
      milestones: 'Rhestrau gwirio ar waith ym Mlynyddoedd 5 a 6',
      status: 'in_progress',
    }),
    action(writing.id, {
      ...costOf(samplesId),
      description: 'Samplau gwaith tymor y gwanwyn',
      owner: 'Elin Jones',
      ownerUserId: people.headteacher,
      startOn: day(60, now),
      dueOn: day(90, now),
      milestones: "70% o samplau'n gywir",
      status: 'not_started',
    }),
    action(attendance.id, {
      description: 'Morning routines club for identified families',
      owner: 'Elin Jones',
      ownerUserId: people.headteacher,
      startOn: day(-30, now),
      dueOn: day(120, now),
      milestones: 'Club running three mornings a week',
      ...costOf(clubId),
      supportFrom: 'la',
      supportDetail: 'LA attendance officer: half a day a week',
      language: 'en',
    }),
    action(attendance.id, {
      ...costOf(contactId),
      description: 'Named contact and plan for every persistently absent learner’s family',
      owner: 'Dafydd Evans',
      ownerUserId: people.leader,
      startOn: day(-30, now),
      dueOn: day(-5, now),
      milestones: 'All plans in place',
      language: 'en',
    }),
  ]);
  await insertDemo.actionCosts(
    db,
    Object.entries(costs).flatMap(([actionId, lines]) => lines.map((l, i) => ({ actionId, line: i + 1, ...l }))),
  );
  const planId = randomUUID();
  await insertDemo.plan(db, {
    id: planId,
    schoolNumber: school,
    firstYear: year,
    language: 'cy',
    summary:
      "Eleni rydym yn canolbwyntio ar ddau beth: cywirdeb ysgrifennu estynedig yn Gymraeg ym Mlynyddoedd 5 a 6, a lleihau absenoldeb parhaus. Rydym yn gweithio gyda'n clwstwr a'r awdurdod lleol ar y ddau.",
  });
  await loadDemoPlanOutline(db, {
    school,
    planId,
    year,
    writingId: writing.id,
    attendanceId: attendance.id,
    createdBy: people.headteacher,
  });
  // The revision and the governors' approval go through the plan's own rules, as a school's would.
  // The school's own context, so the events the revision and approval record name it.
  const context = (await findSchoolContext(db, school)) ?? {
    number: school,
    name: '',
    laCode: '',
    governingBodyId: null,
  };
  const saved = await saveRevision(
    db,
    people.headteacher,
    context,
    planId,
    year,
    "Cynllun i'w gymeradwyo gan y corff llywodraethu",
  );
  if (saved.ok) {
    const revision = (await findRevision(db, planId, saved.number))!;
    // The governing body delegated its governor to record the approval, which its meeting resolved.
    if (context.governingBodyId) {
      const delegation = await insertDelegation(db, {
        governingBodyId: context.governingBodyId,
        userId: people.governor,
        createdBy: null,
      });
      await appendAudit(db, {
        actorId: null,
        action: 'approval-delegate',
        entityType: 'approval_delegation',
        entityId: delegation?.id ?? null,
        after: { governingBodyId: context.governingBodyId, userId: people.governor },
      });
    }
    const meeting = {
      meeting: 'full_governing_body' as const,
      committee: null,
      meetingOn: todayInWales(now),
      minute: '7.2',
      resolution:
        "Penderfynwyd cymeradwyo cynllun datblygu'r ysgol ar gyfer y tair blynedd nesaf, gan gynnwys y blaenoriaethau ar gyfer ysgrifennu estynedig a phresenoldeb.",
    };
    await approveRevision(
      db,
      people.governor,
      context,
      planId,
      { id: revision.id, number: saved.number },
      meeting,
      now,
    );
  }

  const reviewId = randomUUID();
  await insertDemo.review(db, {
    id: reviewId,
    priorityId: lastYearAttendance.id,
    whatChanged:
      "Cododd presenoldeb dysgwyr eFSM ym Mlynyddoedd 3 i 6 o 88.7% i 92.4%. Ni chyrhaeddwyd y targed o 93%, felly mae'r gwaith yn parhau eleni gyda ffocws ar absenoldeb parhaus.",
    reviewedOn: `${year}-07-10`,
    language: 'cy',
  });
  await insertDemo.figures(db, [
    {
      reviewId,
      learnerGroup: 'efsm',
      measure: 'Presenoldeb %',
      baseline: '88.7',
      latest: '92.4',
      commentary: 'Gwelliant ym mhob blwyddyn',
    },
    {
      reviewId,
      learnerGroup: 'persistent_absence',
      measure: 'Absenoldeb parhaus %',
      baseline: '17.9',
      latest: '15.2',
      commentary: '',
    },
  ]);
  const shareRow = (itemType: string, itemId: string, audience: string) => ({
    itemType,
    itemId,
    schoolNumber: school,
    audience,
    sharedBy: people.headteacher,
  });
  await insertDemo.shares(db, [
    shareRow('priority', writing.id, 'governors'),
    shareRow('priority', attendance.id, 'governors'),
    shareRow('priority', attendance.id, 'la'),
    shareRow('finding', f[1]!, 'la'),
    shareRow('evidence', e[4]!, 'la'),
    shareRow('evidence', e[7]!, 'governors'),
    shareRow('output', outputItemId(school, 'sdp_summary'), 'governors'),
    shareRow('output', outputItemId(school, 'sdp_summary'), 'public'),
    shareRow('output', outputItemId(school, 'governors_report'), 'governors'),
    shareRow('output', outputItemId(school, 'self_evaluation'), 'governors'),
    shareRow('output', outputItemId(school, 'self_evaluation'), 'la'),
  ]);
  // What the collaboration demo builds on: last term's peer enquiry became this evidence and this action.
  return {
    cycleId: cycle,
    peerVisitEvidenceId: e[3]!,
    writingFindingId: f[0]!,
    writingPriorityId: writing.id,
    attendancePriorityId: attendance.id,
    lastYearAttendancePriorityId: lastYearAttendance.id,
    numeracyPriorityId: numeracy.id,
    moderationActionId,
    evidenceIds: e,
    findingIds: f,
  };
}
export type DemoSchoolCycle = Awaited<ReturnType<typeof loadDemoSchoolCycle>>;
