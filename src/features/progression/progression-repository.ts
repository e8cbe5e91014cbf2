import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { progressionSessions, progressionSessionSchools, schools } from '../../db/schema/index.ts';

export type ProgressionSession = typeof progressionSessions.$inferSelect;
export type SessionValues = Pick<
  ProgressionSession,
  'heldOn' | 'area' | 'progressionStep' | 'focus' | 'samples' | 'expectations' | 'language'
>;

/** The collaborative's sessions, newest first, of one Area or skill when asked. */
export async function listSessions(db: Db, collaborativeId: string, area?: string) {
  return db
    .select({
      id: progressionSessions.id,
      heldOn: progressionSessions.heldOn,
      area: progressionSessions.area,
      progressionStep: progressionSessions.progressionStep,
      focus: progressionSessions.focus,
      language: progressionSessions.language,
      otherLanguage: progressionSessions.otherLanguage,
      schools: sql<
        string[]
      >`coalesce((select array_agg(s.name order by s.name) from ${progressionSessionSchools} ps join ${schools} s on s.number = ps.school_number where ps.session_id = ${progressionSessions.id}), '{}')`,
    })
    .from(progressionSessions)
    .where(
      and(
        eq(progressionSessions.collaborativeId, collaborativeId),
        area ? eq(progressionSessions.area, area) : undefined,
      ),
    )
    .orderBy(desc(progressionSessions.heldOn), desc(progressionSessions.createdAt));
}

/** A session of this collaborative (null for another collaborative's). */
export async function findSession(db: Db, collaborativeId: string, id: string) {
  const [row] = await db
    .select()
    .from(progressionSessions)
    .where(and(eq(progressionSessions.id, id), eq(progressionSessions.collaborativeId, collaborativeId)));
  return row ?? null;
}

export async function sessionSchoolNumbers(db: Db, sessionId: string): Promise<string[]> {
  const rows = await db
    .select({ number: progressionSessionSchools.schoolNumber })
    .from(progressionSessionSchools)
    .where(eq(progressionSessionSchools.sessionId, sessionId))
    .orderBy(asc(progressionSessionSchools.schoolNumber));
  return rows.map((r) => r.number);
}

export async function insertSession(db: Db, values: SessionValues & { collaborativeId: string; createdBy: string }) {
  const [row] = await db.insert(progressionSessions).values(values).returning();
  return row!;
}

/** Updates only if nobody saved since `version`; null on a conflict. */
export async function updateSession(db: Db, id: string, version: number, values: SessionValues) {
  const [row] = await db
    .update(progressionSessions)
    .set({ ...values, version: sql`${progressionSessions.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(progressionSessions.id, id), eq(progressionSessions.version, version)))
    .returning();
  return row ?? null;
}

export async function replaceSessionSchools(db: Db, sessionId: string, numbers: string[]) {
  await db.delete(progressionSessionSchools).where(eq(progressionSessionSchools.sessionId, sessionId));
  if (numbers.length)
    await db.insert(progressionSessionSchools).values(numbers.map((schoolNumber) => ({ sessionId, schoolNumber })));
}
