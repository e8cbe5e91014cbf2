import type { Db } from '../db/client.ts';
import { academicYearOf } from '../reference/reference-data.ts';
import type { DemoLaContext } from './demo-la-context.ts';
import { demoWalesNational } from './demo-wales-national-repository.ts';

const DESCRIPTIONS = [
  {
    code: 'attendance',
    descriptionEn:
      'Every learner attends school regularly. Schools and local authorities work with families early, understand the reasons for absence and remove barriers, especially for learners affected by poverty.',
    descriptionCy:
      'Bod pob dysgwr yn mynychu’r ysgol yn rheolaidd. Mae ysgolion ac awdurdodau lleol yn gweithio gyda theuluoedd yn gynnar, yn deall y rhesymau dros absenoldeb ac yn cael gwared ar rwystrau, yn enwedig i ddysgwyr y mae tlodi yn effeithio arnynt.',
  },
  {
    code: 'literacy',
    descriptionEn:
      'Every learner reads, writes, speaks and listens with confidence in Welsh and English, building on each progression step from the early years onwards.',
    descriptionCy:
      'Bod pob dysgwr yn darllen, ysgrifennu, siarad a gwrando yn hyderus yn Gymraeg ac yn Saesneg, gan adeiladu ar bob cam cynnydd o’r blynyddoedd cynnar ymlaen.',
  },
  {
    code: 'numeracy',
    descriptionEn:
      'Every learner uses number, measurement and data confidently across the curriculum and in everyday life, with clear progression in mathematics and numeracy.',
    descriptionCy:
      'Bod pob dysgwr yn defnyddio rhif, mesur a data yn hyderus ar draws y cwricwlwm ac ym mywyd pob dydd, gyda chynnydd clir mewn mathemateg a rhifedd.',
  },
  {
    code: 'wellbeing',
    descriptionEn:
      'Supporting the national priorities: learners and staff feel safe, valued and ready to learn. Wellbeing underpins attendance and progress in literacy and numeracy.',
    descriptionCy:
      'Yn ategu’r blaenoriaethau cenedlaethol: bod dysgwyr a staff yn teimlo’n ddiogel, yn cael eu gwerthfawrogi ac yn barod i ddysgu. Mae llesiant yn sail i bresenoldeb ac i gynnydd mewn llythrennedd a rhifedd.',
  },
];

const iso = (d: Date) => d.toISOString().slice(0, 10);

/**
 * Issue 7 demo, national part: descriptions of the four national priorities, six national support
 * offers (one withdrawn), and national-aggregate shares from about 300 schools across all 22 LAs
 * for this year and last, so /national shows real figures. Returns the number of schools added.
 */
export async function loadDemoWalesNational(db: Db, ctx: DemoLaContext): Promise<number> {
  const year = academicYearOf(ctx.now);
  const daysAgo = (n: number) => iso(new Date(ctx.now.getTime() - n * 86_400_000));
  await demoWalesNational.describe(db, DESCRIPTIONS);
  await demoWalesNational.offers(db, [
    {
      kind: 'professional_learning',
      programmeCode: 'facilitating_collaborative_improvement',
      nationalPriorities: [],
      url: 'https://hwb.gov.wales/professional-development',
      titleEn: 'Facilitating collaborative school improvement',
      titleCy: 'Hwyluso gwella ysgolion ar y cyd',
      descriptionEn:
        'The national programme for everyone who facilitates a collaborative: convening schools, peer enquiry, and keeping improvement done with schools, not to them. Required for facilitators.',
      descriptionCy:
        'Y rhaglen genedlaethol i bawb sy’n hwyluso grŵp cydweithredol: dod ag ysgolion ynghyd, ymholiad cymheiriaid, a sicrhau bod gwella’n cael ei wneud gydag ysgolion, nid iddynt. Yn ofynnol i hwyluswyr.',
      publishedOn: daysAgo(200),
    },
    {
      kind: 'professional_learning',
      programmeCode: 'peer_enquiry',
      nationalPriorities: ['literacy', 'numeracy'],
      url: '',
      titleEn: 'Leading peer enquiry',
      titleCy: 'Arwain ymholiad cymheiriaid',
      descriptionEn:
        'Four sessions for senior and middle leaders on framing an enquiry question, gathering first-hand evidence and reporting findings to a host school.',
      descriptionCy:
        'Pedair sesiwn i uwch arweinwyr ac arweinwyr canol ar lunio cwestiwn ymholiad, casglu tystiolaeth uniongyrchol ac adrodd canfyddiadau i ysgol letyol.',
      publishedOn: daysAgo(150),
    },
    {
      kind: 'resource',
      programmeCode: null,
      nationalPriorities: ['attendance'],
      url: 'https://www.gov.wales/school-attendance',
      titleEn: 'Attendance toolkit for schools',
      titleCy: 'Pecyn cymorth presenoldeb i ysgolion',
      descriptionEn:
        'Practical steps for early family engagement, spotting patterns of absence and working with education welfare services.',
      descriptionCy:
        'Camau ymarferol ar gyfer ymgysylltu’n gynnar â theuluoedd, sylwi ar batrymau absenoldeb a gweithio gyda gwasanaethau lles addysg.',
      publishedOn: daysAgo(120),
    },
    {
      kind: 'service',
      programmeCode: null,
      nationalPriorities: ['literacy'],
      url: '',
      titleEn: 'National reading support network',
      titleCy: 'Rhwydwaith cenedlaethol cymorth darllen',
      descriptionEn:
        'Schools can ask for a reading specialist to work alongside staff for a term, in Welsh or English.',
      descriptionCy:
        'Gall ysgolion ofyn i arbenigwr darllen weithio ochr yn ochr â staff am dymor, yn Gymraeg neu’n Saesneg.',
      publishedOn: daysAgo(90),
    },
    {
      kind: 'resource',
      programmeCode: null,
      nationalPriorities: ['numeracy'],
      url: 'https://hwb.gov.wales/curriculum-for-wales',
      titleEn: 'Progression in mathematics and numeracy',
      titleCy: 'Cynnydd mewn mathemateg a rhifedd',
      descriptionEn:
        'Materials for moderating learners’ work across progression steps 2 to 4, for use by clusters at transition.',
      descriptionCy:
        'Deunyddiau ar gyfer cymedroli gwaith dysgwyr ar draws camau cynnydd 2 i 4, i glystyrau eu defnyddio wrth bontio.',
      publishedOn: daysAgo(60),
    },
    {
      kind: 'funding',
      programmeCode: null,
      nationalPriorities: ['wellbeing', 'attendance'],
      url: '',
      withdrawnOn: daysAgo(10),
      titleEn: 'Wellbeing grant 2023 to 2024',
      titleCy: 'Grant llesiant 2023 i 2024',
      descriptionEn: 'Funding for whole-school wellbeing approaches. This round has closed.',
      descriptionCy: 'Cyllid ar gyfer dulliau llesiant ysgol gyfan. Mae’r rownd hon wedi cau.',
      publishedOn: daysAgo(400),
    },
  ]);
  return demoWalesNational.volume(db, { year, perLa: 14 });
}
