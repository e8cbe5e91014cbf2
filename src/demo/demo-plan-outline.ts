import { randomUUID } from 'node:crypto';
import type { Db } from '../db/client.ts';
import { insertDemo } from './demo-cycle-repository.ts';

type Term = 'autumn' | 'spring' | 'summer' | 'year';

/**
 * Years two and three of the demo school's plan, in outline (issue 15): the Welsh writing priority
 * continuing with the whole school, attendance continuing, and two priorities the school intends
 * to start. Loaded before the revision is saved, so the governors approve all three years.
 */
export async function loadDemoPlanOutline(
  db: Db,
  o: { school: string; planId: string; year: number; writingId: string; attendanceId: string; createdBy: string },
) {
  const entry = (
    academicYear: number,
    language: string,
    title: string,
    summary: string,
    continuesPriorityId: string | null,
    actions: [Term, string][],
  ) => ({
    row: {
      id: randomUUID(),
      planId: o.planId,
      schoolNumber: o.school,
      academicYear,
      continuesPriorityId,
      title,
      summary,
      language,
      createdBy: o.createdBy,
    },
    actions,
  });
  const entries = [
    entry(
      o.year + 1,
      'cy',
      'Cywirdeb iaith mewn ysgrifennu estynedig yn Gymraeg ar draws yr ysgol',
      'Ymestyn yr hyn a weithiodd ym Mlynyddoedd 5 a 6 i Flynyddoedd 3 a 4.',
      o.writingId,
      [
        ['autumn', 'Hyfforddi staff Blynyddoedd 3 a 4 ar batrymau iaith'],
        ['spring', 'Cymedroli samplau ysgrifennu gyda’r clwstwr'],
        ['year', 'Wal eiriau a phatrymau iaith ym mhob dosbarth'],
      ],
    ),
    entry(
      o.year + 1,
      'en',
      'Keep persistent absence below 10%',
      'Hand the morning routines club to the family engagement officer and keep the gains.',
      o.attendanceId,
      [
        ['autumn', 'Family engagement officer takes over the morning club'],
        ['summer', 'Review persistent absence with governors'],
      ],
    ),
    entry(
      o.year + 1,
      'en',
      'Oracy: talk for learning in the Foundation Learning years',
      'Structured talk in every Foundation Learning class, with the cluster’s oracy lead.',
      null,
      [
        ['autumn', 'Audit of talk in Nursery to Year 2'],
        ['spring', 'Talk partners and sentence stems in every class'],
      ],
    ),
    entry(
      o.year + 2,
      'cy',
      'Siarter Iaith: defnydd anffurfiol o’r Gymraeg ar yr iard',
      'Codi defnydd y dysgwyr o’r Gymraeg y tu allan i’r dosbarth.',
      null,
      [
        ['autumn', 'Arolwg defnydd iaith y dysgwyr'],
        ['year', 'Criw Cymraeg yn arwain gemau ar yr iard'],
      ],
    ),
  ];
  await insertDemo.outline(
    db,
    entries.map((e) => e.row),
  );
  await insertDemo.outlineActions(
    db,
    entries.flatMap((e) =>
      e.actions.map(([term, description], position) => ({ outlinePriorityId: e.row.id, term, description, position })),
    ),
  );
}
