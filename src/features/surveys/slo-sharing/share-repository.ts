import { and, asc, countDistinct, desc, eq, gt, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import {
  collaborativeMembers,
  schools,
  surveyAnswers,
  surveyQuestions,
  surveyShares,
  surveys,
} from '../../../db/schema/index.ts';

export type SurveyShare = typeof surveyShares.$inferSelect;
export type ShareKey = { surveyId: string; audience: string; audienceId: string };

export async function sharesOf(db: Db, surveyId: string): Promise<SurveyShare[]> {
  return db.select().from(surveyShares).where(eq(surveyShares.surveyId, surveyId));
}

/** True when the consent was new (the primary key makes a repeat a no-op). */
export async function insertShare(db: Db, values: typeof surveyShares.$inferInsert): Promise<boolean> {
  return (await db.insert(surveyShares).values(values).onConflictDoNothing().returning()).length > 0;
}

/** True when a consent was there to withdraw. */
export async function deleteShare(db: Db, key: ShareKey): Promise<boolean> {
  const rows = await db
    .delete(surveyShares)
    .where(
      and(
        eq(surveyShares.surveyId, key.surveyId),
        eq(surveyShares.audience, key.audience),
        eq(surveyShares.audienceId, key.audienceId),
      ),
    )
    .returning();
  return rows.length > 0;
}

/** Whose picture: a collaborative (its current members only), an LA (its schools now), or Wales. */
export type PictureAudience =
  { kind: 'collaborative'; id: string } | { kind: 'la'; code: string } | { kind: 'national' };

/** The consents that count for an audience, as SQL: only closed SLO surveys, only schools still in the group. */
function counted(audience: PictureAudience) {
  const closed = and(eq(surveys.kind, 'slo'), eq(surveys.state, 'closed'));
  if (audience.kind === 'collaborative')
    return and(
      closed,
      eq(surveyShares.audience, 'collaborative'),
      eq(surveyShares.audienceId, audience.id),
      sql`exists (select 1 from ${collaborativeMembers} where ${collaborativeMembers.collaborativeId} = ${audience.id}
        and ${collaborativeMembers.schoolNumber} = ${surveyShares.schoolNumber})`,
    );
  if (audience.kind === 'la')
    return and(
      closed,
      eq(surveyShares.audience, 'la'),
      sql`exists (select 1 from ${schools} where ${schools.number} = ${surveyShares.schoolNumber}
        and ${schools.laCode} = ${audience.code})`,
    );
  return and(closed, eq(surveyShares.audience, 'national'));
}

/** The academic years with at least one counted consent, newest first. */
export async function sharedYears(db: Db, audience: PictureAudience): Promise<number[]> {
  const rows = await db
    .selectDistinct({ year: surveys.academicYear })
    .from(surveyShares)
    .innerJoin(surveys, eq(surveys.id, surveyShares.surveyId))
    .where(counted(audience))
    .orderBy(desc(surveys.academicYear))
    .limit(50);
  return rows.map((r) => r.year);
}

/** Per counted school and dimension: people who gave a view, views given, and views agreeing (4 or 5). */
export type SchoolDimensionRow = {
  schoolNumber: string;
  dimension: string;
  people: number;
  views: number;
  agreeing: number;
};

/** One grouped query over every counted survey of the year; nothing per person leaves the database. */
export async function sharedDimensionRows(
  db: Db,
  audience: PictureAudience,
  academicYear: number,
): Promise<{ schools: string[]; rows: SchoolDimensionRow[] }> {
  const where = and(counted(audience), eq(surveys.academicYear, academicYear));
  const shared = await db
    .selectDistinct({ schoolNumber: surveys.schoolNumber })
    .from(surveyShares)
    .innerJoin(surveys, eq(surveys.id, surveyShares.surveyId))
    .where(where)
    .orderBy(asc(surveys.schoolNumber));
  const dimension = sql<string>`split_part(${surveyQuestions.code}, '_', 1)`;
  const rows = await db
    .select({
      schoolNumber: surveys.schoolNumber,
      dimension,
      people: countDistinct(surveyAnswers.responseId),
      views: sql<number>`count(*)::int`,
      agreeing: sql<number>`(count(*) filter (where ${surveyAnswers.value} >= 4))::int`,
    })
    .from(surveyShares)
    .innerJoin(surveys, eq(surveys.id, surveyShares.surveyId))
    .innerJoin(surveyQuestions, eq(surveyQuestions.surveyId, surveys.id))
    .innerJoin(surveyAnswers, eq(surveyAnswers.questionId, surveyQuestions.id))
    .where(and(where, gt(surveyAnswers.value, 0)))
    .groupBy(surveys.schoolNumber, dimension);
  return { schools: shared.map((s) => s.schoolNumber), rows };
}
