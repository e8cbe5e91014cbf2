import type { Db } from '../../db/client.ts';
import type { CurrentUser } from '../../policy/roles.ts';
import { audiencesFor, type SchoolCan, type SchoolContext } from '../../policy/school-policy.ts';
import { academicYearOf, financialYearOf } from '../../reference/reference-data.ts';
import { outputItemId, sharesFor, type OutputKind } from '../../sharing/share-repository.ts';
import type { OutputData } from './output-data.ts';
import { todayInWales } from '../../lib/clock.ts';
import * as repo from './output-repository.ts';
import { brokeredSupportInPeriod } from '../brokering/brokering-repository.ts';
import { currentVision } from '../vision/vision-repository.ts';

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
export async function outputData(db: Db, school: SchoolContext, now: Date): Promise<OutputData> {
  const academicYear = academicYearOf(now);
  const financialYear = financialYearOf(now);
  const [cycle, lastCycle, plan] = await Promise.all([
    repo.findCycleByYear(db, school.number, academicYear),
    repo.findCycleByYear(db, school.number, academicYear - 1),
    repo.planFor(db, school.number, academicYear),
  ]);
  const [priorities, findings, lastYear, support, brokered, vision] = await Promise.all([
    cycle ? repo.plannedPriorities(db, cycle.id) : [],
    cycle ? repo.cycleFindings(db, cycle.id) : [],
    lastCycle ? repo.plannedPriorities(db, lastCycle.id) : [],
    repo.supportInYear(db, school.number, `${financialYear}-04-01`, `${financialYear + 1}-03-31`),
    brokeredSupportInPeriod(db, school.number, `${financialYear}-04-01`, `${financialYear + 1}-03-31`),
    currentVision(db, { type: 'school', id: school.number }),
  ]);
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
    generatedOn: now,
    today: todayInWales(now),
  };
}
