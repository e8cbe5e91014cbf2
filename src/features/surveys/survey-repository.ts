import { randomInt } from 'node:crypto';
import { and, asc, count, countDistinct, desc, eq, gt, ne, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { surveyAnswers, surveyParticipants, surveyQuestions, surveyResponses, surveys } from '../../db/schema/index.ts';
import type { AnswerCount } from './survey-summary.ts';

export type Survey = typeof surveys.$inferSelect;
export type Question = typeof surveyQuestions.$inferSelect;

/** Bound on comments read at once: a school's staff, a few hundred at most. */
const COMMENT_LIMIT = 2_000;

export async function schoolSurveys(db: Db, schoolNumber: string): Promise<Survey[]> {
  return db
    .select()
    .from(surveys)
    .where(eq(surveys.schoolNumber, schoolNumber))
    .orderBy(desc(surveys.academicYear), desc(surveys.createdAt))
    .limit(100);
}

export async function findSurvey(db: Db, schoolNumber: string, id: string): Promise<Survey | null> {
  const [row] = await db
    .select()
    .from(surveys)
    .where(and(eq(surveys.schoolNumber, schoolNumber), eq(surveys.id, id)));
  return row ?? null;
}

export async function findSurveyByToken(db: Db, token: string): Promise<Survey | null> {
  const [row] = await db.select().from(surveys).where(eq(surveys.token, token));
  return row ?? null;
}

export async function findSurveyByEvidence(db: Db, evidenceId: string): Promise<Survey | null> {
  const [row] = await db.select().from(surveys).where(eq(surveys.evidenceId, evidenceId));
  return row ?? null;
}

/** A new survey; null when the school already has an SLO survey that year (the unique index). */
export async function insertSurvey(db: Db, values: typeof surveys.$inferInsert): Promise<Survey | null> {
  const [row] = await db.insert(surveys).values(values).onConflictDoNothing().returning();
  return row ?? null;
}

export async function insertQuestions(db: Db, rows: (typeof surveyQuestions.$inferInsert)[]) {
  if (rows.length) await db.insert(surveyQuestions).values(rows);
}

export async function questionsOf(db: Db, surveyId: string): Promise<Question[]> {
  return db
    .select()
    .from(surveyQuestions)
    .where(eq(surveyQuestions.surveyId, surveyId))
    .orderBy(asc(surveyQuestions.position));
}

export async function hasParticipated(db: Db, surveyId: string, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ userId: surveyParticipants.userId })
    .from(surveyParticipants)
    .where(and(eq(surveyParticipants.surveyId, surveyId), eq(surveyParticipants.userId, userId)));
  return !!row;
}

/** Records that the account answered; false when it already had (the primary key). */
export async function addParticipant(db: Db, surveyId: string, userId: string): Promise<boolean> {
  const rows = await db.insert(surveyParticipants).values({ surveyId, userId }).onConflictDoNothing().returning();
  return rows.length > 0;
}

export type NewResponse = { surveyId: string; answeredOn: string; language: string; comment: string };
export type NewAnswer = { questionId: string; value: number; text?: string };

/**
 * How many earlier responses each new one is rewritten with, so it hides among them: more than the 5
 * any result needs, and cheap (300 SLO answers in a row: median about 20 ms each, as without it).
 */
export const RESPONSE_MIX = 12;

/**
 * Inserts a response with its answers, then rewrites it with up to RESPONSE_MIX earlier responses of
 * the survey (and their answers), one by one in a random order. Each rewrite is a new row version:
 * they all end with this transaction's id and a fresh physical place in shuffled order, so neither
 * xmin nor ctid tells the new response from the others. A lock per survey serialises answers so two
 * of them never rewrite the same rows in opposite orders (a deadlock).
 */
export async function insertResponse(db: Db, values: NewResponse, answers: NewAnswer[]) {
  await db.execute(sql`select pg_advisory_xact_lock(hashtext(${'survey-response:' + values.surveyId}))`);
  const [response] = await db.insert(surveyResponses).values(values).returning({ id: surveyResponses.id });
  if (answers.length) await db.insert(surveyAnswers).values(answers.map((a) => ({ ...a, responseId: response!.id })));
  const earlier = await db
    .select({ id: surveyResponses.id })
    .from(surveyResponses)
    .where(and(eq(surveyResponses.surveyId, values.surveyId), ne(surveyResponses.id, response!.id)))
    .orderBy(sql`random()`)
    .limit(RESPONSE_MIX);
  const ids = [response!.id, ...earlier.map((r) => r.id)];
  for (let i = ids.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [ids[i], ids[j]] = [ids[j]!, ids[i]!];
  }
  for (const id of ids) {
    await db.execute(sql`update survey_responses set comment = comment where id = ${id}`);
    await db.execute(sql`update survey_answers set value = value where response_id = ${id}`);
  }
}

/** Frees an account to answer again when its answer could not be kept. */
export async function removeParticipant(db: Db, surveyId: string, userId: string) {
  await db
    .delete(surveyParticipants)
    .where(and(eq(surveyParticipants.surveyId, surveyId), eq(surveyParticipants.userId, userId)));
}

export async function responseCount(db: Db, surveyId: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(surveyResponses).where(eq(surveyResponses.surveyId, surveyId));
  return row?.n ?? 0;
}

/** How many answers gave each value, per question code. */
export async function answerCounts(db: Db, surveyId: string): Promise<AnswerCount[]> {
  const rows = await db
    .select({ code: surveyQuestions.code, value: surveyAnswers.value, count: count() })
    .from(surveyAnswers)
    .innerJoin(surveyQuestions, eq(surveyQuestions.id, surveyAnswers.questionId))
    .where(eq(surveyQuestions.surveyId, surveyId))
    .groupBy(surveyQuestions.code, surveyAnswers.value);
  return rows.map((r) => ({ code: r.code ?? '', value: r.value, count: r.count }));
}

/** Per dimension (the code before "_"), how many responses gave a view on at least one element. */
export async function dimensionViews(db: Db, surveyId: string): Promise<Record<string, number>> {
  const dimension = sql<string>`split_part(${surveyQuestions.code}, '_', 1)`;
  const rows = await db
    .select({ dimension, n: countDistinct(surveyAnswers.responseId) })
    .from(surveyAnswers)
    .innerJoin(surveyQuestions, eq(surveyQuestions.id, surveyAnswers.questionId))
    .where(and(eq(surveyQuestions.surveyId, surveyId), gt(surveyAnswers.value, 0)))
    .groupBy(dimension);
  return Object.fromEntries(rows.map((r) => [r.dimension, r.n]));
}

/** What respondents wrote, in no particular order that could pair it with a person. */
export async function commentsOf(db: Db, surveyId: string) {
  return db
    .select({ comment: surveyResponses.comment, language: surveyResponses.language })
    .from(surveyResponses)
    .where(and(eq(surveyResponses.surveyId, surveyId), sql`${surveyResponses.comment} <> ''`))
    .orderBy(asc(surveyResponses.comment))
    .limit(COMMENT_LIMIT);
}

/** Closes an open survey; null when it was not open (closed meanwhile). */
export async function markClosed(db: Db, id: string, closedBy: string | null, closedOn: string, now: Date) {
  const [row] = await db
    .update(surveys)
    .set({ state: 'closed', closedBy, closedOn, updatedAt: now, version: sql`${surveys.version} + 1` })
    .where(and(eq(surveys.id, id), eq(surveys.state, 'open')))
    .returning();
  return row ?? null;
}

export async function setEvidence(db: Db, id: string, evidenceId: string) {
  await db.update(surveys).set({ evidenceId }).where(eq(surveys.id, id));
}
