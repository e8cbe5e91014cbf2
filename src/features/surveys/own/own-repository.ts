// SQL for a school's own surveys (issue 18, part 2): building the questions of a draft, single-use
// invitations, and the counts the results rest on.
import { and, asc, count, eq, gt, max, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import {
  surveyAnswers,
  surveyInvitations,
  surveyQuestions,
  surveyResponses,
  surveys,
} from '../../../db/schema/index.ts';
import type { Question } from '../survey-repository.ts';

export type QuestionValues = {
  kind: string;
  text: Record<string, string>;
  options: Record<string, string>[];
  code: string | null;
};

/** Bound on free-text answers read at once, per survey. */
const TEXT_LIMIT = 2_000;

export async function findQuestion(db: Db, surveyId: string, id: string): Promise<Question | null> {
  const [row] = await db
    .select()
    .from(surveyQuestions)
    .where(and(eq(surveyQuestions.surveyId, surveyId), eq(surveyQuestions.id, id)));
  return row ?? null;
}

/** Appends questions after the last one. */
export async function appendQuestions(db: Db, surveyId: string, rows: QuestionValues[]) {
  if (!rows.length) return;
  const [last] = await db
    .select({ n: max(surveyQuestions.position) })
    .from(surveyQuestions)
    .where(eq(surveyQuestions.surveyId, surveyId));
  const start = last?.n ?? 0;
  await db.insert(surveyQuestions).values(rows.map((r, i) => ({ ...r, surveyId, position: start + i + 1 })));
}

export async function updateQuestion(db: Db, surveyId: string, id: string, values: Omit<QuestionValues, 'code'>) {
  await db
    .update(surveyQuestions)
    .set(values)
    .where(and(eq(surveyQuestions.surveyId, surveyId), eq(surveyQuestions.id, id)));
}

/** Removes a question and closes the gap, so positions stay 1..n. */
export async function removeQuestion(db: Db, question: Question) {
  await db.delete(surveyQuestions).where(eq(surveyQuestions.id, question.id));
  const later = and(eq(surveyQuestions.surveyId, question.surveyId), gt(surveyQuestions.position, question.position));
  // Through negative positions: the unique index is checked row by row.
  await db
    .update(surveyQuestions)
    .set({ position: sql`-${surveyQuestions.position}` })
    .where(later);
  await db
    .update(surveyQuestions)
    .set({ position: sql`-${surveyQuestions.position} - 1` })
    .where(and(eq(surveyQuestions.surveyId, question.surveyId), sql`${surveyQuestions.position} < 0`));
}

/** Swaps two questions' places (through position 0, which no question holds). */
export async function swapPositions(db: Db, a: Question, b: Question) {
  await db.update(surveyQuestions).set({ position: 0 }).where(eq(surveyQuestions.id, a.id));
  await db.update(surveyQuestions).set({ position: a.position }).where(eq(surveyQuestions.id, b.id));
  await db.update(surveyQuestions).set({ position: b.position }).where(eq(surveyQuestions.id, a.id));
}

export async function questionAt(db: Db, surveyId: string, position: number): Promise<Question | null> {
  const [row] = await db
    .select()
    .from(surveyQuestions)
    .where(and(eq(surveyQuestions.surveyId, surveyId), eq(surveyQuestions.position, position)));
  return row ?? null;
}

export async function questionCount(db: Db, surveyId: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(surveyQuestions).where(eq(surveyQuestions.surveyId, surveyId));
  return row?.n ?? 0;
}

/** Opens a draft; null when it was no longer a draft. */
export async function markOpen(db: Db, id: string, now: Date) {
  const [row] = await db
    .update(surveys)
    .set({ state: 'open', updatedAt: now, version: sql`${surveys.version} + 1` })
    .where(and(eq(surveys.id, id), eq(surveys.state, 'draft')))
    .returning();
  return row ?? null;
}

export async function insertInvitations(db: Db, surveyId: string, hashes: string[]) {
  if (hashes.length) await db.insert(surveyInvitations).values(hashes.map((codeHash) => ({ surveyId, codeHash })));
}

export async function invitationCounts(db: Db, surveyId: string): Promise<{ total: number; used: number }> {
  const [row] = await db
    .select({ total: count(), used: sql<number>`count(*) filter (where ${surveyInvitations.used})`.mapWith(Number) })
    .from(surveyInvitations)
    .where(eq(surveyInvitations.surveyId, surveyId));
  return { total: row?.total ?? 0, used: row?.used ?? 0 };
}

/** 'unused', 'used' or 'unknown' for a code's hash. */
export async function invitationState(db: Db, surveyId: string, codeHash: string) {
  const [row] = await db
    .select({ used: surveyInvitations.used })
    .from(surveyInvitations)
    .where(and(eq(surveyInvitations.surveyId, surveyId), eq(surveyInvitations.codeHash, codeHash)));
  return !row ? 'unknown' : row.used ? 'used' : 'unused';
}

/** Marks an invitation used; false when it was used already (or never existed). */
export async function claimInvitation(db: Db, surveyId: string, codeHash: string): Promise<boolean> {
  const rows = await db
    .update(surveyInvitations)
    .set({ used: true })
    .where(
      and(
        eq(surveyInvitations.surveyId, surveyId),
        eq(surveyInvitations.codeHash, codeHash),
        eq(surveyInvitations.used, false),
      ),
    )
    .returning({ used: surveyInvitations.used });
  return rows.length > 0;
}

export async function releaseInvitation(db: Db, surveyId: string, codeHash: string) {
  await db
    .update(surveyInvitations)
    .set({ used: false })
    .where(and(eq(surveyInvitations.surveyId, surveyId), eq(surveyInvitations.codeHash, codeHash)));
}

/** Per question, how many answers gave each value (free text counted under 0). */
export async function valueCounts(db: Db, surveyId: string) {
  return db
    .select({ questionId: surveyAnswers.questionId, value: surveyAnswers.value, count: count() })
    .from(surveyAnswers)
    .innerJoin(surveyQuestions, eq(surveyQuestions.id, surveyAnswers.questionId))
    .where(eq(surveyQuestions.surveyId, surveyId))
    .groupBy(surveyAnswers.questionId, surveyAnswers.value);
}

/** The words of free-text answers, per question, sorted so the order pairs nothing with a person. */
export async function textAnswers(db: Db, surveyId: string) {
  return db
    .select({ questionId: surveyAnswers.questionId, text: surveyAnswers.text, language: surveyResponses.language })
    .from(surveyAnswers)
    .innerJoin(surveyQuestions, eq(surveyQuestions.id, surveyAnswers.questionId))
    .innerJoin(surveyResponses, eq(surveyResponses.id, surveyAnswers.responseId))
    .where(and(eq(surveyQuestions.surveyId, surveyId), sql`${surveyAnswers.text} <> ''`))
    .orderBy(asc(surveyAnswers.questionId), asc(surveyAnswers.text))
    .limit(TEXT_LIMIT);
}
