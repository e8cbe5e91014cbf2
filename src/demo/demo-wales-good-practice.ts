import { appendAudit } from '../audit/audit-repository.ts';
import type { Db } from '../db/client.ts';
import { searchKey } from '../lib/search-text.ts';
import type { DemoLaContext } from './demo-la-context.ts';
import { demoWales } from './demo-wales-practice-repository.ts';

type Story = {
  lang: 'en' | 'cy';
  title: string;
  summary: string;
  whatWeDid: string;
  learners: string;
  impact: string;
  themes: string[];
  national: string[];
  areas: string[];
  /** Its other-language version (issue 16), for the stories whose schools wrote one. */
  other?: Record<string, string>;
};

// Eight school stories (four in Welsh) and four LA ones, across the three NIF themes.
const SCHOOL_STORIES: Story[] = [
  {
    lang: 'en',
    title: 'Talk for reading in the early years',
    summary: 'Ten minutes of structured talk before every reading session raised reading confidence.',
    whatWeDid:
      'Staff trained together in talk routines, modelled them in each class and reviewed them at a half-termly learning walk.',
    learners: 'Nursery and Reception learners, with a focus on those eligible for free school meals.',
    impact:
      'The share of learners reading with confidence at the end of Reception rose from 61% to 78% over two years.',
    themes: ['curriculum_teaching'],
    national: ['literacy'],
    areas: ['languages_literacy', 'skill_literacy'],
    other: {
      title: 'Siarad er mwyn darllen yn y blynyddoedd cynnar',
      summary: 'Deg munud o siarad strwythuredig cyn pob sesiwn ddarllen yn codi hyder wrth ddarllen.',
    },
  },
  {
    lang: 'cy',
    title: 'Rhifedd bob dydd yn yr awyr agored',
    summary: 'Tasgau rhifedd byr yn yr awyr agored bob bore yn rhoi hyder i ddysgwyr.',
    whatWeDid:
      'Cynlluniodd yr adran gyfres o dasgau mesur ac amcangyfrif ar dir yr ysgol, gyda phob dosbarth yn eu defnyddio am ddeg munud bob bore.',
    learners: 'Dysgwyr Blwyddyn 3 a 4, yn enwedig y rhai oedd yn llai hyderus gyda rhif.',
    impact: 'Dywedodd 85% o ddysgwyr eu bod yn mwynhau mathemateg, o gymharu â 60% y flwyddyn gynt.',
    themes: ['curriculum_teaching'],
    national: ['numeracy'],
    areas: ['mathematics_numeracy', 'skill_numeracy'],
    other: {
      title: 'Everyday numeracy outdoors',
      summary: 'Short outdoor numeracy tasks every morning give learners confidence.',
      whatWeDid:
        'The department planned a series of measuring and estimating tasks in the school grounds, with each class using them for ten minutes every morning.',
      learners: 'Learners in Years 3 and 4, especially those less confident with number.',
      impact: '85% of learners said they enjoy mathematics, compared with 60% the year before.',
    },
  },
  {
    lang: 'en',
    title: 'A family attendance worker shared across the cluster',
    summary: 'Three primaries share one family worker who calls on families as soon as a pattern of absence starts.',
    whatWeDid:
      'The cluster pooled funding for a family engagement worker, agreed one early-help process and met half-termly to review patterns.',
    learners: 'Learners whose attendance fell below 90%, in three primary schools.',
    impact: 'Persistent absence across the three schools fell from 19% to 12% in a year.',
    themes: ['wellbeing_equity'],
    national: ['attendance', 'wellbeing'],
    areas: ['health_wellbeing'],
  },
  {
    lang: 'cy',
    title: 'Llais y dysgwr wrth gynllunio’r cwricwlwm',
    summary: 'Grŵp o ddysgwyr yn helpu i gynllunio themâu pob tymor.',
    whatWeDid:
      'Bob tymor mae cyngor y dysgwyr yn cwrdd ag athrawon i drafod syniadau, ac mae’r athrawon yn dangos sut y defnyddiwyd eu syniadau.',
    learners: 'Dysgwyr o bob blwyddyn yn yr ysgol gynradd.',
    impact: 'Mae arolwg y dysgwyr yn dangos cynnydd yn y nifer sy’n teimlo bod eu barn yn cyfrif, o 55% i 81%.',
    themes: ['vision_leadership', 'curriculum_teaching'],
    national: [],
    areas: ['humanities'],
  },
  {
    lang: 'en',
    title: 'Middle leaders leading enquiry',
    summary: 'Every middle leader runs one small enquiry a year and shares it with the cluster.',
    whatWeDid:
      'Middle leaders chose an enquiry question from the self-evaluation, gathered evidence with a colleague and presented findings at a cluster meeting.',
    learners: 'All learners in the departments involved; the enquiries focused on Years 7 to 9.',
    impact: 'Eleven enquiries in two years; four changed practice across the school, including feedback in science.',
    themes: ['vision_leadership'],
    national: [],
    areas: ['science_technology'],
  },
  {
    lang: 'cy',
    title: 'Trochi iaith i ddysgwyr hwyr',
    summary: 'Rhaglen drochi fer yn helpu dysgwyr newydd i ymuno â dosbarthiadau Cymraeg.',
    whatWeDid: 'Sesiynau trochi dyddiol am chwe wythnos, gyda chymorth staff y ganolfan iaith ac adnoddau i deuluoedd.',
    learners: 'Dysgwyr sy’n ymuno â’r ysgol ym Mlwyddyn 2 neu’n hwyrach heb lawer o Gymraeg.',
    impact: 'Roedd pob dysgwr yn gallu dilyn gwersi yn Gymraeg ar ôl un tymor.',
    themes: ['wellbeing_equity', 'curriculum_teaching'],
    national: ['literacy'],
    areas: ['languages_literacy'],
  },
  {
    lang: 'en',
    title: 'Digital portfolios that learners own',
    summary: 'Learners choose and reflect on their best work in a digital portfolio shared with families.',
    whatWeDid:
      'Each class set up portfolios, taught learners to write short reflections and invited families to comment termly.',
    learners: 'Learners in Years 5 and 6.',
    impact: 'Family engagement with learning rose: 70% of families commented at least once a term.',
    themes: ['curriculum_teaching'],
    national: [],
    areas: ['skill_digital', 'expressive_arts'],
  },
  {
    lang: 'cy',
    title: 'Lles staff a dysgwyr: amser tawel bob dydd',
    summary: 'Deg munud o amser tawel ar ôl cinio yn gwella ffocws yn y prynhawn.',
    whatWeDid:
      'Cyflwynwyd amser tawel gydag ymarferion anadlu a darllen er pleser, a hyfforddwyd staff gan y tîm lles.',
    learners: 'Pob dysgwr yn Nghyfnod Allweddol 2.',
    impact: 'Gostyngodd y digwyddiadau ymddygiad yn y prynhawn o draean.',
    themes: ['wellbeing_equity'],
    national: ['wellbeing'],
    areas: ['health_wellbeing'],
  },
];

const LA_STORIES: Story[] = [
  {
    lang: 'en',
    title: 'Brokering school-to-school support across the authority',
    summary: 'Schools with evidenced strengths support others through a simple brokering process.',
    whatWeDid:
      'The LA mapped strengths from what schools shared, matched requests within a fortnight and recorded impact with both schools.',
    learners: 'Learners in the 24 schools that received support in the first year.',
    impact: 'Both schools reported the support as useful in 22 of 24 cases; 15 priorities moved to reviewed.',
    themes: ['vision_leadership'],
    national: [],
    areas: [],
  },
  {
    lang: 'en',
    title: 'An attendance summit with every headteacher',
    summary: 'One day for heads, governors and services to agree shared actions on attendance.',
    whatWeDid:
      'The LA shared aggregate attendance patterns by phase, heads agreed three shared actions, and clusters planned their own.',
    learners: 'Learners in all schools, especially those with attendance below 90%.',
    impact: 'Attendance rose by 1.4 percentage points in the following year.',
    themes: ['wellbeing_equity'],
    national: ['attendance'],
    areas: [],
  },
  {
    lang: 'cy',
    title: 'Rhwydwaith dysgu proffesiynol i arweinwyr canol',
    summary: 'Rhwydwaith misol i arweinwyr canol ar draws yr awdurdod.',
    whatWeDid:
      'Sesiynau misol dan arweiniad penaethiaid, gydag ymholiadau bach rhwng ysgolion a chyflwyniadau ar ddiwedd y flwyddyn.',
    learners: 'Dysgwyr yr ysgolion sy’n rhan o’r rhwydwaith.',
    impact: 'Dywedodd 90% o’r arweinwyr fod y rhwydwaith wedi newid eu harfer.',
    themes: ['vision_leadership'],
    national: [],
    areas: [],
  },
  {
    lang: 'cy',
    title: 'Cefnogi rhifedd yn y cyfnod pontio',
    summary: 'Clystyrau yn cytuno ar ddisgwyliadau rhifedd rhwng Blwyddyn 6 a 7.',
    whatWeDid:
      'Cyfarfu athrawon Blwyddyn 6 a 7 i gymedroli gwaith dysgwyr dienw a chytuno ar ddisgwyliadau ar gam cynnydd 3.',
    learners: 'Dysgwyr sy’n symud o Flwyddyn 6 i Flwyddyn 7.',
    impact: 'Mae adrannau mathemateg yn adrodd llai o ailadrodd gwaith ym Mlwyddyn 7.',
    themes: ['curriculum_teaching'],
    national: ['numeracy'],
    areas: ['mathematics_numeracy'],
  },
];

const LA_NAMES: Record<string, string> = { '681': 'Cardiff Caerdydd', '670': 'Swansea Abertawe' };

/** Issue 7 demo: a dozen case studies from eight Cardiff and Swansea schools and the two LAs; one school draft. */
export async function loadDemoGoodPractice(db: Db, ctx: DemoLaContext): Promise<number> {
  const schools = (await demoWales.collaborativeSchools(db, ['681', '670'])).slice(0, SCHOOL_STORIES.length);
  const day = 24 * 60 * 60 * 1000;
  const row = (
    story: Story,
    i: number,
    owner: { schoolNumber: string | null; laCode: string | null; name: string },
    createdBy: string | null,
    published: boolean,
  ) => ({
    schoolNumber: owner.schoolNumber,
    laCode: owner.laCode,
    title: story.title,
    summary: story.summary,
    whatWeDid: story.whatWeDid,
    learners: story.learners,
    impact: story.impact,
    nifThemes: story.themes,
    nationalPriorities: story.national,
    areas: story.areas,
    language: story.lang,
    otherLanguage: story.other ?? {},
    createdBy,
    status: published ? 'published' : 'draft',
    publishedAt: published ? new Date(ctx.now.getTime() - (i + 1) * 9 * day) : null,
    searchText: searchKey(
      [
        story.title,
        story.summary,
        story.whatWeDid,
        story.learners,
        story.impact,
        ...Object.values(story.other ?? {}),
        owner.name,
      ].join(' '),
    ),
  });
  const rows = [
    // The last school story stays a draft: only its school's writers see it.
    ...schools.map((school, i) =>
      row(
        SCHOOL_STORIES[i]!,
        i,
        { schoolNumber: school.number, laCode: null, name: school.name },
        ctx.headteacher,
        i < schools.length - 1,
      ),
    ),
    ...LA_STORIES.map((story, i) => {
      const laCode = i % 2 === 0 ? '681' : '670';
      return row(
        story,
        i + schools.length,
        { schoolNumber: null, laCode, name: LA_NAMES[laCode]! },
        laCode === '681' ? ctx.c.people('officer') : ctx.c.people('emyr'),
        true,
      );
    }),
  ];
  await demoWales.caseStudies(db, rows);
  await appendAudit(db, {
    actorId: null,
    action: 'case-study-create',
    entityType: 'case_study',
    entityId: 'demo',
    after: { demo: true, count: rows.length },
  });
  return rows.length;
}
