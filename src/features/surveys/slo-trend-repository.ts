import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { surveys } from '../../db/schema/index.ts';
import type { Survey } from './survey-repository.ts';

/** The school's SLO survey of one academic year, when it was run and closed (the unique index: one a year). */
export async function closedSloSurveyOf(db: Db, schoolNumber: string, academicYear: number): Promise<Survey | null> {
  const [row] = await db
    .select()
    .from(surveys)
    .where(
      and(
        eq(surveys.schoolNumber, schoolNumber),
        eq(surveys.kind, 'slo'),
        eq(surveys.academicYear, academicYear),
        eq(surveys.state, 'closed'),
      ),
    );
  return row ?? null;
}

/** The school's SLO survey of one academic year, open or closed. */
export async function sloSurveyOf(db: Db, schoolNumber: string, academicYear: number): Promise<Survey | null> {
  const [row] = await db
    .select()
    .from(surveys)
    .where(
      and(eq(surveys.schoolNumber, schoolNumber), eq(surveys.kind, 'slo'), eq(surveys.academicYear, academicYear)),
    );
  return row ?? null;
}
