import type { Db } from '../db/client.ts';
import { SCHOOLS as S } from './demo-collaboratives.ts';
import type { DemoLaContext } from './demo-la-context.ts';
import { insertConcern } from './demo-la-concern-repository.ts';

/** A date `days` from the demo's today, as YYYY-MM-DD. */
const day = (days: number, now: Date) => new Date(now.getTime() + days * 86_400_000).toISOString().slice(0, 10);

/**
 * Schools causing concern for Cardiff and Swansea (DOMAIN.md section 6): a case under intervention
 * after a warning notice (Llanedeyrn, whose headteacher James and chair Susan can read it), an
 * exited Estyn case, a Swansea school in special measures being monitored and a newly opened
 * case. Restricted: nothing here appears on collaborative pages.
 */
export async function loadDemoConcern(db: Db, ctx: DemoLaContext): Promise<void> {
  const { now, c } = ctx;
  const d = (n: number) => day(n, now);
  const cardiff = c.people('officer');
  const swansea = c.people('emyr');

  const llanedeyrn = await insertConcern.case(db, {
    schoolNumber: S.llanedeyrn,
    laCode: '681',
    source: 'la_intelligence',
    grounds: ['standards', 'management'],
    state: 'intervention',
    openedOn: d(-120),
    createdBy: cardiff,
    language: 'en',
    summary:
      "Two years of falling outcomes in reading and numeracy at the end of the primary phase, with the governing body's standards committee not meeting since the autumn. Raised by the improvement partner after two visits.",
  });
  await insertConcern.notice(db, {
    caseId: llanedeyrn,
    grounds: ['standards', 'management'],
    issuedOn: d(-90),
    compliancePeriodDays: 30,
    createdBy: cardiff,
    language: 'en',
    reasons:
      "Reading and numeracy outcomes have fallen for two years and the school's own self-evaluation does not identify why. The standards committee of the governing body has not met since September, so governors are not holding leaders to account.",
    requiredAction:
      'Agree a recovery plan for reading and numeracy with the local authority within 15 school days; reconvene the standards committee and report to it every half term.',
    mindedTo: ['advice_collaboration', 'additional_governors'],
    mindedToDetail:
      'The local authority would require the school to work with Lakeside Primary, whose reading practice is strong.',
    copiesTo: ['headteacher', 'welsh_ministers', 'Estyn'],
  });
  await insertConcern.interventions(db, [
    {
      caseId: llanedeyrn,
      kind: 'advice_collaboration',
      decidedOn: d(-55),
      createdBy: cardiff,
      language: 'en',
      details:
        'The governing body must collaborate with Lakeside Primary on reading for two terms, with termly reports to the local authority.',
    },
  ]);
  await insertConcern.supportItems(db, [
    {
      caseId: llanedeyrn,
      action: 'Reading coaching for Year 5 and 6 teachers, led by Lakeside Primary',
      owner: 'Improvement partner',
      reviewOn: d(14),
      language: 'en',
    },
    {
      caseId: llanedeyrn,
      action: 'Governor training on holding leaders to account',
      owner: 'Chair of governors',
      reviewOn: d(35),
      language: 'en',
    },
    {
      caseId: llanedeyrn,
      action: 'Reconvene the standards committee',
      owner: 'Chair of governors',
      reviewOn: d(-40),
      status: 'done',
      reviewNotes: 'The committee met on time and agreed its terms of reference.',
      language: 'en',
    },
  ]);

  const brynCelyn = await insertConcern.case(db, {
    schoolNumber: S.brynCelyn,
    laCode: '681',
    source: 'estyn_significant_improvement',
    grounds: ['significant_improvement'],
    state: 'exited',
    openedOn: d(-560),
    exitedOn: d(-80),
    createdBy: cardiff,
    language: 'en',
    summary:
      'Estyn judged that the school required significant improvement, mainly in the quality of teaching and in leadership.',
    exitReason: "Estyn's monitoring visit found sufficient progress and removed the school from the category.",
  });
  await insertConcern.supportItems(db, [
    {
      caseId: brynCelyn,
      action: 'Leadership mentoring for the new deputy headteacher',
      owner: 'Improvement partner',
      reviewOn: d(-100),
      status: 'done',
      reviewNotes: 'Completed; the deputy now leads the teaching and learning group.',
      language: 'en',
    },
  ]);

  const pontlliw = await insertConcern.case(db, {
    schoolNumber: S.pontlliw,
    laCode: '670',
    source: 'estyn_special_measures',
    grounds: ['special_measures'],
    state: 'monitoring',
    openedOn: d(-200),
    createdBy: swansea,
    language: 'cy',
    summary:
      'Barnodd Estyn fod angen mesurau arbennig ar yr ysgol, yn bennaf oherwydd safonau ysgrifennu ac arweinyddiaeth.',
  });
  await insertConcern.interventions(db, [
    {
      caseId: pontlliw,
      kind: 'additional_governors',
      decidedOn: d(-170),
      createdBy: swansea,
      language: 'cy',
      details: 'Penodwyd dau lywodraethwr ychwanegol sydd â phrofiad o arwain ysgolion.',
    },
  ]);
  await insertConcern.supportItems(db, [
    {
      caseId: pontlliw,
      action: "Cynllun gweithredu ôl-arolygiad wedi'i gytuno gydag Estyn",
      owner: 'Pennaeth',
      reviewOn: d(7),
      language: 'cy',
    },
    {
      caseId: pontlliw,
      action: 'Ymweliadau monitro bob hanner tymor gan y partner gwella',
      owner: 'Partner gwella',
      reviewOn: d(21),
      language: 'cy',
    },
  ]);

  await insertConcern.case(db, {
    schoolNumber: S.penllergaer,
    laCode: '670',
    source: 'la_intelligence',
    grounds: ['safety'],
    state: 'open',
    openedOn: d(-6),
    createdBy: swansea,
    language: 'cy',
    summary:
      'Pryderon am drefniadau diogelwch y safle ar ôl dau ddigwyddiad yn ystod yr wythnos. Mae angen rhagor o wybodaeth cyn penderfynu ar hysbysiad rhybuddio.',
  });
}
