import type { Db } from '../../db/client.ts';
import type { CurrentUser } from '../../policy/roles.ts';
import { audiencesFor, type SchoolCan, type SchoolContext } from '../../policy/school-policy.ts';
import { academicYearOf, financialYearOf } from '../../reference/reference-data.ts';
import { outputItemId, sharesFor, type OutputKind } from '../../sharing/share-repository.ts';
import type { SchoolRequestContext } from '../../access/loaders/school.ts';
import type { ItemAccess } from '../../sharing/share-repository.ts';
import type { OutputData } from './output-data.ts';
import { todayInWales } from '../../lib/clock.ts';
import * as repo from './output-repository.ts';
import { brokeredSupportInPeriod } from '../brokering/brokering-repository.ts';
import { currentVision } from '../vision/vision-repository.ts';
import { planOutline } from '../development-plan/outline-repository.ts';
import { reviewsOf } from '../progress-reviews/progress-repository.ts';
import { findInspection, linkedPriorities, recommendationsOf } from '../inspection/inspection-repository.ts';

/**
 * What a reader sees inside a document they may open. The document is shared whole, so its
 * priorities and their reviews and costs are all in it; what reaches beyond it follows its own
 * rule: the outline is the school's and its governors' (as on the plan page), and a
 * recommendation's linked priorities are those in the document and those shared with the reader.
 */
export type OutputReader = { access: ItemAccess; seesOutline: boolean };

export function outputReader(user: CurrentUser | null, ctx: SchoolRequestContext): OutputReader {
  return {
    access: ctx.can.readPrivate ? { all: true } : { audiences: audiencesFor(user, ctx.school) },
    seesOutline: ctx.can.staff || ctx.governingBodyCan.member,
  };
}

/** A collaborative reads what was shared with collaboratives, never the outline. */
export const COLLABORATIVE_READER: OutputReader = { access: { audiences: ['collaborative'] }, seesOutline: false };

async function withReviews<P extends { id: string }>(db: Db, list: P[]) {
  return Promise.all(list.map(async (p) => ({ ...p, reviews: await reviewsOf(db, p.id) })));
}

/** The last inspection's recommendations, each with the priorities addressing it this reader sees. */
async function inspectionOf(db: Db, schoolNumber: string, reader: OutputReader, inDocument: Set<string>) {
  const inspection = await findInspection(db, schoolNumber);
  if (!inspection) return null;
  const recommendations = await recommendationsOf(db, inspection.id);
  const ids = recommendations.map((r) => r.id);
  const [all, visible] = await Promise.all([
    linkedPriorities(db, ids, { all: true }),
    'all' in reader.access ? null : linkedPriorities(db, ids, reader.access),
  ]);
  const seen = (p: (typeof all)[number]) =>
    !visible || inDocument.has(p.id) || visible.some((v) => v.id === p.id && v.recommendationId === p.recommendationId);
  return {
    inspectedOn: inspection.inspectedOn,
    recommendations: recommendations.map((r) => ({
      number: r.number,
      text: r.text,
      language: r.language,
      otherLanguage: r.otherLanguage,
      priorities: all
        .filter((p) => p.recommendationId === r.id && seen(p))
        .map((p) => ({ id: p.id, title: p.title, language: p.language, academicYear: p.academicYear })),
    })),
  };
}

/** Staff see every document; others see a document once the school has shared it with one of their audiences. */
export async function readableOutputs(
  db: Db,
  user: CurrentUser | null,
  school: SchoolContext,
  can: SchoolCan,
  kinds: readonly OutputKind[],
): Promise<OutputKind[]> {
  if (can.readPrivate) return [...kinds];
  const ids = kinds.map((kind) => outputItemId(school.number, kind));
  const shared = await sharesFor(db, 'output', ids);
  const mine = audiencesFor(user, school);
  return kinds.filter((kind) =>
    (shared.get(outputItemId(school.number, kind)) ?? []).some((s) => mine.includes(s.audience)),
  );
}

/** Everything the documents draw on, for the current academic and financial years. */
export async function outputData(db: Db, school: SchoolContext, now: Date, reader: OutputReader): Promise<OutputData> {
  const academicYear = academicYearOf(now);
  const financialYear = financialYearOf(now);
  const [cycle, lastCycle, plan] = await Promise.all([
    repo.findCycleByYear(db, school.number, academicYear),
    repo.findCycleByYear(db, school.number, academicYear - 1),
    repo.planFor(db, school.number, academicYear),
  ]);
  const [priorities, findings, lastYear, support, brokered, vision, outline] = await Promise.all([
    cycle ? repo.plannedPriorities(db, cycle.id).then((list) => withReviews(db, list)) : [],
    cycle ? repo.cycleFindings(db, cycle.id) : [],
    lastCycle ? repo.plannedPriorities(db, lastCycle.id).then((list) => withReviews(db, list)) : [],
    repo.supportInYear(db, school.number, `${financialYear}-04-01`, `${financialYear + 1}-03-31`),
    brokeredSupportInPeriod(db, school.number, `${financialYear}-04-01`, `${financialYear + 1}-03-31`),
    currentVision(db, { type: 'school', id: school.number }),
    plan && reader.seesOutline ? planOutline(db, plan.id) : null,
  ]);
  const inspection = await inspectionOf(db, school.number, reader, new Set(priorities.map((p) => p.id)));
  return {
    school,
    academicYear,
    cycle,
    plan,
    priorities,
    findings,
    lastYear,
    financialYear,
    support,
    brokered,
    vision,
    outline: reader.seesOutline ? (outline ?? []) : null,
    inspection,
    generatedOn: now,
    today: todayInWales(now),
  };
}
