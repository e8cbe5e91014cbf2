import type { Db } from '../db/client.ts';
import { schoolsSharing } from '../features/la-self-evaluation/picture-repository.ts';
import { academicYearOf } from '../reference/reference-data.ts';
import type { DemoLaContext } from './demo-la-context.ts';
import { insertLaSelfEvaluation as insert } from './demo-la-self-evaluation-repository.ts';

const day = (offset: number, from: Date) => new Date(from.getTime() + offset * 86_400_000).toISOString().slice(0, 10);

type Lang = 'en' | 'cy';
type Item = { title: string; body: string; lang: Lang };
type Plan = {
  laCode: string;
  officer: string;
  lang: Lang;
  stage: string;
  answers: [string, string, string];
  evidence: (Item & { source: string; daysAgo: number; themes: string[] })[];
  findings: (Item & { kind: string; theme: string; evidence: number[] })[];
  priorities: (Item & {
    theme: string;
    national: string[];
    measure: string;
    state: string;
    findings: number[];
    drawnFrom: { kind: 'theme' | 'national'; code: string } | null;
    actions: { description: string; owner: string; dueIn: number; status: string; lang: Lang }[];
    impact?: { whatChanged: string; daysAgo: number; lang: Lang };
  })[];
};

/** The LA's own cycle for Cardiff (mostly English) and Swansea (mostly Welsh): evidence, findings, priorities drawn from the picture, actions and an impact review. */
export async function loadDemoLaSelfEvaluation(db: Db, ctx: DemoLaContext): Promise<void> {
  for (const plan of [cardiff(ctx), swansea(ctx)]) await loadPlan(db, ctx.now, plan);
}

async function loadPlan(db: Db, now: Date, plan: Plan) {
  const cycleId = await insert.cycle(db, {
    laCode: plan.laCode,
    academicYear: academicYearOf(now),
    stage: plan.stage,
    howWellAnswer: plan.answers[0],
    howKnowAnswer: plan.answers[1],
    howImproveAnswer: plan.answers[2],
    language: plan.lang,
    createdBy: plan.officer,
  });
  if (!cycleId) return;
  const evidenceIds: string[] = [];
  for (const e of plan.evidence) {
    evidenceIds.push(
      await insert.evidence(db, {
        cycleId,
        source: e.source,
        observedOn: day(-e.daysAgo, now),
        title: e.title,
        body: e.body,
        nifThemes: e.themes,
        language: e.lang,
        createdBy: plan.officer,
      }),
    );
  }
  const findingIds: string[] = [];
  for (const f of plan.findings) {
    findingIds.push(
      await insert.finding(
        db,
        {
          cycleId,
          kind: f.kind,
          title: f.title,
          body: f.body,
          nifTheme: f.theme,
          language: f.lang,
          createdBy: plan.officer,
        },
        f.evidence.map((i) => evidenceIds[i]!),
      ),
    );
  }
  for (const p of plan.priorities) {
    // The count is taken from what schools really shared, as drawing on the picture does; a row nobody shared in was not drawn on.
    const count = (p.drawnFrom && (await schoolsSharing(db, plan.laCode, p.drawnFrom))) || null;
    const priorityId = await insert.priority(
      db,
      {
        cycleId,
        title: p.title,
        description: p.body,
        nifTheme: p.theme,
        nationalPriorities: p.national,
        successMeasure: p.measure,
        state: p.state,
        schoolsSharing: count,
        language: p.lang,
        createdBy: plan.officer,
      },
      p.findings.map((i) => findingIds[i]!),
    );
    await insert.actions(
      db,
      p.actions.map((a) => ({
        priorityId,
        description: a.description,
        owner: a.owner,
        dueOn: day(a.dueIn, now),
        status: a.status,
        language: a.lang,
      })),
    );
    if (p.impact)
      await insert.impact(db, {
        priorityId,
        whatChanged: p.impact.whatChanged,
        reviewedOn: day(-p.impact.daysAgo, now),
        language: p.impact.lang,
        createdBy: plan.officer,
      });
  }
}

function cardiff(ctx: DemoLaContext): Plan {
  return {
    laCode: '681',
    officer: ctx.c.people('officer'),
    lang: 'en',
    stage: 'priorities_agreed',
    answers: [
      'Clusters now plan together and most headteachers value them. Support for attendance and for writing at transition is less consistent from school to school.',
      'Headteachers’ survey, improvement partners’ notes from cluster meetings, what schools chose to share with us and with their collaboratives, aggregate attendance figures and peer enquiry reports schools shared.',
      'Draw our priorities from what schools shared: writing across the transition years and a shared approach to attendance; grow school-based system leadership.',
    ],
    evidence: [
      {
        source: 'survey',
        daysAgo: 60,
        themes: ['vision_leadership'],
        title: 'Headteachers’ survey on working in clusters',
        body: '41 of 52 headteachers who answered say the cluster helps them improve; 9 ask for more time for peer enquiry.',
        lang: 'en',
      },
      {
        source: 'aggregate_data',
        daysAgo: 45,
        themes: ['wellbeing_equity'],
        title: 'Attendance, autumn half-term (aggregate)',
        body: 'Persistent absence in secondary schools above the Wales figure; the gap for eFSM learners widest in Years 8 and 9.',
        lang: 'en',
      },
      {
        source: 'staff_dialogue',
        daysAgo: 30,
        themes: ['curriculum_teaching', 'vision_leadership'],
        title: 'Improvement partners’ notes from cluster meetings',
        body: 'Transition plans for writing in three of four clusters; moderation of learners’ work across the phases is new and valued.',
        lang: 'en',
      },
      {
        source: 'peer_enquiry',
        daysAgo: 20,
        themes: ['curriculum_teaching'],
        title: 'Ymholiadau cymheiriaid a rannwyd: ysgrifennu',
        body: 'Mae dau adroddiad a rannwyd gan ysgolion yn nodi bod disgwyliadau ysgrifennu yn wahanol rhwng Blwyddyn 6 a Blwyddyn 7.',
        lang: 'cy',
      },
    ],
    findings: [
      {
        kind: 'strength',
        theme: 'vision_leadership',
        evidence: [0, 2],
        title: 'Clusters now plan transition together',
        body: 'Headteachers value the clusters and improvement partners see shared planning in most of them.',
        lang: 'en',
      },
      {
        kind: 'area_for_development',
        theme: 'wellbeing_equity',
        evidence: [1],
        title: 'Support for attendance differs from school to school',
        body: 'Schools use different approaches; the LA’s services are not yet joined up with clusters.',
        lang: 'en',
      },
      {
        kind: 'area_for_development',
        theme: 'curriculum_teaching',
        evidence: [2, 3],
        title: 'Disgwyliadau ysgrifennu wrth bontio',
        body: 'Nid yw disgwyliadau ysgrifennu wedi’u cytuno eto rhwng y sector cynradd a’r uwchradd.',
        lang: 'cy',
      },
    ],
    priorities: [
      {
        title: 'Writing from Year 5 to Year 8: shared expectations in every cluster',
        body: 'Support clusters to agree expectations for writing across transition, using moderation of anonymised work.',
        theme: 'curriculum_teaching',
        national: ['literacy'],
        measure:
          'Every cluster has agreed expectations for writing at progression step 3 to 4 by the summer term; schools report them in their own reviews.',
        state: 'in_progress',
        findings: [0, 2],
        drawnFrom: { kind: 'theme', code: 'curriculum_teaching' },
        lang: 'en',
        actions: [
          {
            description: 'Fund two moderation sessions for each cluster',
            owner: 'Head of school improvement',
            dueIn: -10,
            status: 'done',
            lang: 'en',
          },
          {
            description: 'Share a bank of anonymised writing samples',
            owner: 'Literacy adviser',
            dueIn: 21,
            status: 'in_progress',
            lang: 'en',
          },
          {
            description: 'Cytuno disgwyliadau gyda’r clwstwr cyfrwng Cymraeg',
            owner: 'Partner gwella',
            dueIn: 60,
            status: 'not_started',
            lang: 'cy',
          },
        ],
        impact: {
          whatChanged:
            'Three of four clusters have agreed writing expectations; schools in those clusters report more consistent feedback in Year 7. The Welsh-medium cluster has started.',
          daysAgo: 5,
          lang: 'en',
        },
      },
      {
        title: 'Attendance: one approach across schools and LA services',
        body: 'Join the education welfare service with clusters so schools share what works on persistent absence.',
        theme: 'wellbeing_equity',
        national: ['attendance'],
        measure:
          'Persistent absence falls in the secondary schools that shared attendance as a priority, and no group of learners falls behind.',
        state: 'agreed',
        findings: [1],
        drawnFrom: { kind: 'national', code: 'attendance' },
        lang: 'en',
        actions: [
          {
            description: 'Name an education welfare officer for each cluster',
            owner: 'Head of inclusion',
            dueIn: 14,
            status: 'in_progress',
            lang: 'en',
          },
          {
            description: 'Run a cluster workshop on what works for persistent absence',
            owner: 'Improvement partner',
            dueIn: 45,
            status: 'not_started',
            lang: 'en',
          },
        ],
      },
      {
        title: 'Grow school-based system leadership',
        body: 'More headteachers and senior leaders facilitate peer enquiry in other schools.',
        theme: 'vision_leadership',
        national: [],
        measure:
          'Twelve school leaders complete the national professional learning on facilitating collaborative improvement this year.',
        state: 'draft',
        findings: [0],
        drawnFrom: null,
        lang: 'en',
        actions: [
          {
            description: 'Invite leaders to the spring cohort',
            owner: 'Professional learning lead',
            dueIn: 30,
            status: 'not_started',
            lang: 'en',
          },
        ],
      },
    ],
  };
}

function swansea(ctx: DemoLaContext): Plan {
  return {
    laCode: '670',
    officer: ctx.c.people('emyr'),
    lang: 'cy',
    stage: 'making_sense',
    answers: [
      'Mae’r grwpiau cydweithredol yn cryfhau, yn enwedig rhwng ysgolion cyfrwng Cymraeg. Mae rhifedd yn y blynyddoedd canol a lles dysgwyr ar ôl y pandemig yn feysydd i’w datblygu.',
      'Arolwg o benaethiaid, nodiadau’r partner gwella, blaenoriaethau a rannodd ysgolion â’r awdurdod lleol ac â’u grwpiau cydweithredol, a data cyfanredol.',
      'Tynnu ar y darlun lleol: rhifedd ar draws y camau cynnydd, a llesiant fel sail i bresenoldeb.',
    ],
    evidence: [
      {
        source: 'survey',
        daysAgo: 50,
        themes: ['vision_leadership'],
        title: 'Arolwg penaethiaid ar gydweithio',
        body: 'Mae’r rhan fwyaf o benaethiaid yn dweud bod y grŵp cydweithredol yn eu helpu; mae rhai am gael mwy o amser ar gyfer ymholiadau cymheiriaid.',
        lang: 'cy',
      },
      {
        source: 'staff_dialogue',
        daysAgo: 35,
        themes: ['curriculum_teaching'],
        title: 'Nodiadau’r partner gwella: rhifedd',
        body: 'Mae sawl ysgol wedi rhannu blaenoriaeth ar rifedd yn y blynyddoedd canol; ychydig o waith cymedroli sydd ar y cyd.',
        lang: 'cy',
      },
      {
        source: 'aggregate_data',
        daysAgo: 25,
        themes: ['wellbeing_equity'],
        title: 'Wellbeing survey of learners (aggregate)',
        body: 'Learners’ sense of belonging lower in Years 7 and 8 than in Year 6, across the authority.',
        lang: 'en',
      },
    ],
    findings: [
      {
        kind: 'strength',
        theme: 'vision_leadership',
        evidence: [0],
        title: 'Mae ysgolion cyfrwng Cymraeg yn cydweithio’n gryf',
        body: 'Mae’r grŵp cydweithredol cyfrwng Cymraeg yn cynllunio a chymedroli gyda’i gilydd.',
        lang: 'cy',
      },
      {
        kind: 'area_for_development',
        theme: 'curriculum_teaching',
        evidence: [1],
        title: 'Rhifedd yn y blynyddoedd canol',
        body: 'Nid oes dealltwriaeth gyffredin o gynnydd mewn rhifedd rhwng camau cynnydd 2 a 3.',
        lang: 'cy',
      },
      {
        kind: 'area_for_development',
        theme: 'wellbeing_equity',
        evidence: [2],
        title: 'Belonging after transition',
        body: 'Learners feel less that they belong after moving to secondary school.',
        lang: 'en',
      },
    ],
    priorities: [
      {
        title: 'Rhifedd: dealltwriaeth gyffredin o gynnydd o gam 2 i gam 3',
        body: 'Cefnogi clystyrau i gymedroli gwaith dysgwyr dienw mewn rhifedd.',
        theme: 'curriculum_teaching',
        national: ['numeracy'],
        measure: 'Mae pob clwstwr wedi cynnal dwy sesiwn gymedroli rhifedd ac wedi cytuno disgwyliadau erbyn yr haf.',
        state: 'in_progress',
        findings: [1],
        drawnFrom: { kind: 'national', code: 'numeracy' },
        lang: 'cy',
        actions: [
          {
            description: 'Trefnu sesiynau cymedroli rhifedd i bob clwstwr',
            owner: 'Ymgynghorydd rhifedd',
            dueIn: -5,
            status: 'done',
            lang: 'cy',
          },
          {
            description: 'Rhannu enghreifftiau dienw o waith dysgwyr',
            owner: 'Partner gwella',
            dueIn: 28,
            status: 'in_progress',
            lang: 'cy',
          },
        ],
        impact: {
          whatChanged:
            'Mae pedwar clwstwr wedi cytuno disgwyliadau rhifedd; mae athrawon yn dweud bod trafodaethau pontio yn fwy penodol.',
          daysAgo: 3,
          lang: 'cy',
        },
      },
      {
        title: 'Llesiant a pherthyn wrth bontio',
        body: 'Gweithio gyda’r grwpiau cydweithredol ar berthyn a llesiant ym Mlynyddoedd 6 i 8.',
        theme: 'wellbeing_equity',
        national: ['wellbeing', 'attendance'],
        measure: 'Mae ymdeimlad dysgwyr o berthyn ym Mlwyddyn 7 yn codi yn yr arolwg nesaf, i bob grŵp o ddysgwyr.',
        state: 'agreed',
        findings: [2],
        drawnFrom: { kind: 'theme', code: 'wellbeing_equity' },
        lang: 'cy',
        actions: [
          {
            description: 'Share the transition wellbeing toolkit with every cluster',
            owner: 'Wellbeing lead',
            dueIn: 20,
            status: 'not_started',
            lang: 'en',
          },
          {
            description: 'Gwahodd dysgwyr Blwyddyn 7 i gyngor ieuenctid y sir',
            owner: 'Swyddog cyfranogiad',
            dueIn: 50,
            status: 'not_started',
            lang: 'cy',
          },
        ],
      },
    ],
  };
}
