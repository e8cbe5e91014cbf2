import { and, asc, desc, eq, inArray, ne, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { planColumns, withContext, type PlanWithContext } from '../../national/planning-repository.ts';
import {
  laPlanAnswers,
  laPlanComments,
  laPlans,
  laPlanVersions,
  localAuthorities,
  planningRounds,
  planTemplateSections,
  users,
} from '../../db/schema/index.ts';

export type Round = typeof planningRounds.$inferSelect;
export type Section = typeof planTemplateSections.$inferSelect;
export type Plan = typeof laPlans.$inferSelect;
export type Answer = typeof laPlanAnswers.$inferSelect;
export type SnapshotSection = {
  sectionId: string;
  titleEn: string;
  titleCy: string;
  body: string;
  language: string;
  /** The answer in the other language, by field (`body`), when the LA wrote one; absent in older versions. */
  otherLanguage?: Record<string, string>;
};
export type PlanSnapshot = { sections: SnapshotSection[] };

const count = sql<number>`count(*)::int`;

// ---- rounds and their template -------------------------------------------------------------

export async function listRounds(db: Db) {
  const rounds = await db
    .select()
    .from(planningRounds)
    .orderBy(desc(planningRounds.deadline), desc(planningRounds.createdAt));
  if (!rounds.length) return [];
  const states = await db
    .select({ roundId: laPlans.roundId, state: laPlans.state, n: count })
    .from(laPlans)
    .where(
      inArray(
        laPlans.roundId,
        rounds.map((r) => r.id),
      ),
    )
    .groupBy(laPlans.roundId, laPlans.state);
  return rounds.map((r) => ({
    ...r,
    counts: Object.fromEntries(states.filter((s) => s.roundId === r.id).map((s) => [s.state, s.n])) as Record<
      string,
      number
    >,
  }));
}

export async function insertRound(db: Db, values: typeof planningRounds.$inferInsert) {
  const [row] = await db.insert(planningRounds).values(values).returning();
  return row!;
}

/** Bumps the round's version only if nobody changed it (or its template) since `version`; null on a conflict. */
export async function bumpRound(db: Db, id: string, version: number, now: Date) {
  const [row] = await db
    .update(planningRounds)
    .set({ updatedAt: now, version: sql`${planningRounds.version} + 1` })
    .where(and(eq(planningRounds.id, id), eq(planningRounds.version, version)))
    .returning();
  return row ?? null;
}

export async function allLaCodes(db: Db): Promise<string[]> {
  return (
    await db.select({ code: localAuthorities.code }).from(localAuthorities).orderBy(asc(localAuthorities.code))
  ).map((r) => r.code);
}

/** Gives each LA its plan in the round; returns the plans made. */
export async function insertPlans(db: Db, roundId: string, laCodes: string[]): Promise<{ id: string }[]> {
  if (!laCodes.length) return [];
  return db
    .insert(laPlans)
    .values(laCodes.map((laCode) => ({ roundId, laCode })))
    .onConflictDoNothing()
    .returning({ id: laPlans.id });
}

export async function roundSections(db: Db, roundId: string): Promise<Section[]> {
  return db
    .select()
    .from(planTemplateSections)
    .where(eq(planTemplateSections.roundId, roundId))
    .orderBy(asc(planTemplateSections.position));
}

export async function findSection(db: Db, roundId: string, sectionId: string): Promise<Section | null> {
  const [row] = await db
    .select()
    .from(planTemplateSections)
    .where(and(eq(planTemplateSections.roundId, roundId), eq(planTemplateSections.id, sectionId)));
  return row ?? null;
}

export async function insertSections(db: Db, rows: (typeof planTemplateSections.$inferInsert)[]) {
  return rows.length ? db.insert(planTemplateSections).values(rows).returning() : [];
}

export async function updateSection(
  db: Db,
  id: string,
  values: Partial<Pick<Section, 'titleEn' | 'titleCy' | 'guidanceEn' | 'guidanceCy' | 'position'>>,
) {
  const [row] = await db.update(planTemplateSections).set(values).where(eq(planTemplateSections.id, id)).returning();
  return row!;
}

export async function deleteSection(db: Db, id: string) {
  await db.delete(planTemplateSections).where(eq(planTemplateSections.id, id));
}

/** True once any LA has submitted a plan in the round: from then on its template stays as it is. */
export async function anySubmitted(db: Db, roundId: string): Promise<boolean> {
  const [row] = await db
    .select({ n: count })
    .from(laPlans)
    .where(and(eq(laPlans.roundId, roundId), or(ne(laPlans.state, 'draft'), sql`${laPlans.submittedAt} is not null`)));
  return row!.n > 0;
}

/** Every LA's plan in a round, with what the status board shows (never ranked: by LA code). */
export async function statusBoard(db: Db, roundId: string) {
  return db
    .select({
      id: laPlans.id,
      laCode: laPlans.laCode,
      laNameEn: localAuthorities.nameEn,
      laNameCy: localAuthorities.nameCy,
      state: laPlans.state,
      submittedAt: laPlans.submittedAt,
      finalAt: laPlans.finalAt,
      updatedAt: laPlans.updatedAt,
      createdAt: laPlans.createdAt,
      sharedWithLas: laPlans.sharedWithLas,
      answered: sql<number>`(select count(*)::int from ${laPlanAnswers} where ${laPlanAnswers.planId} = ${laPlans.id} and ${laPlanAnswers.body} <> '')`,
    })
    .from(laPlans)
    .innerJoin(localAuthorities, eq(localAuthorities.code, laPlans.laCode))
    .where(eq(laPlans.roundId, roundId))
    .orderBy(asc(laPlans.laCode));
}

// ---- plans -------------------------------------------------------------------------------

/** The LA's plan in the latest round (by deadline), if WG has opened one. */
export async function currentPlanForLa(db: Db, laCode: string): Promise<PlanWithContext | null> {
  const [row] = await db
    .select(planColumns)
    .from(laPlans)
    .innerJoin(planningRounds, eq(planningRounds.id, laPlans.roundId))
    .innerJoin(localAuthorities, eq(localAuthorities.code, laPlans.laCode))
    .where(eq(laPlans.laCode, laCode))
    .orderBy(desc(planningRounds.deadline), desc(planningRounds.createdAt))
    .limit(1);
  return row ? withContext(row) : null;
}

/** Plans of the given LAs (their own staff's list), or the final plans LAs shared with each other. */
export async function listPlans(db: Db, filter: { laCodes: string[] } | { sharedFinal: true }) {
  const where =
    'laCodes' in filter
      ? filter.laCodes.length
        ? inArray(laPlans.laCode, filter.laCodes)
        : sql`false`
      : and(eq(laPlans.state, 'final'), eq(laPlans.sharedWithLas, true));
  const rows = await db
    .select(planColumns)
    .from(laPlans)
    .innerJoin(planningRounds, eq(planningRounds.id, laPlans.roundId))
    .innerJoin(localAuthorities, eq(localAuthorities.code, laPlans.laCode))
    .where(where)
    .orderBy(desc(planningRounds.deadline), asc(laPlans.laCode));
  return rows.map(withContext);
}

/** Moves the plan on only from one of the `from` states (two people pressing at once move it once); null otherwise. */
export async function movePlan(
  db: Db,
  id: string,
  from: string[],
  values: Partial<Pick<Plan, 'state' | 'submittedAt' | 'finalAt' | 'sharedWithLas'>>,
  now: Date,
) {
  const [row] = await db
    .update(laPlans)
    .set({ ...values, updatedAt: now, version: sql`${laPlans.version} + 1` })
    .where(and(eq(laPlans.id, id), inArray(laPlans.state, from)))
    .returning();
  return row ?? null;
}

export async function touchPlan(db: Db, id: string, now: Date) {
  await db.update(laPlans).set({ updatedAt: now }).where(eq(laPlans.id, id));
}

// ---- answers -----------------------------------------------------------------------------

export async function planAnswers(db: Db, planId: string): Promise<Answer[]> {
  return db.select().from(laPlanAnswers).where(eq(laPlanAnswers.planId, planId));
}

export async function findAnswer(db: Db, planId: string, sectionId: string): Promise<Answer | null> {
  const [row] = await db
    .select()
    .from(laPlanAnswers)
    .where(and(eq(laPlanAnswers.planId, planId), eq(laPlanAnswers.sectionId, sectionId)));
  return row ?? null;
}

/** The first save of a section's answer; null if someone else saved first. */
export async function insertAnswer(db: Db, values: typeof laPlanAnswers.$inferInsert) {
  const [row] = await db.insert(laPlanAnswers).values(values).onConflictDoNothing().returning();
  return row ?? null;
}

/** Saves only if nobody saved since `version` was read; null on a conflict. */
export async function updateAnswer(
  db: Db,
  planId: string,
  sectionId: string,
  version: number,
  values: Pick<Answer, 'body' | 'language' | 'updatedBy'>,
  now: Date,
) {
  const [row] = await db
    .update(laPlanAnswers)
    .set({ ...values, updatedAt: now, version: sql`${laPlanAnswers.version} + 1` })
    .where(
      and(eq(laPlanAnswers.planId, planId), eq(laPlanAnswers.sectionId, sectionId), eq(laPlanAnswers.version, version)),
    )
    .returning();
  return row ?? null;
}

// ---- comments and versions ---------------------------------------------------------------

export async function planComments(db: Db, planId: string, sectionId?: string) {
  return db
    .select({
      id: laPlanComments.id,
      sectionId: laPlanComments.sectionId,
      body: laPlanComments.body,
      language: laPlanComments.language,
      createdAt: laPlanComments.createdAt,
      author: users.displayName,
    })
    .from(laPlanComments)
    .leftJoin(users, eq(users.id, laPlanComments.createdBy))
    .where(and(eq(laPlanComments.planId, planId), sectionId ? eq(laPlanComments.sectionId, sectionId) : undefined))
    .orderBy(asc(laPlanComments.createdAt));
}

export async function insertComment(db: Db, values: typeof laPlanComments.$inferInsert) {
  const [row] = await db.insert(laPlanComments).values(values).returning();
  return row!;
}

export async function planVersions(db: Db, planId: string) {
  return db
    .select({
      id: laPlanVersions.id,
      number: laPlanVersions.number,
      state: laPlanVersions.state,
      createdAt: laPlanVersions.createdAt,
      author: users.displayName,
    })
    .from(laPlanVersions)
    .leftJoin(users, eq(users.id, laPlanVersions.createdBy))
    .where(eq(laPlanVersions.planId, planId))
    .orderBy(desc(laPlanVersions.number));
}

export async function findVersion(db: Db, planId: string, number: number) {
  const [row] = await db
    .select()
    .from(laPlanVersions)
    .where(and(eq(laPlanVersions.planId, planId), eq(laPlanVersions.number, number)));
  return row ? { ...row, snapshot: row.snapshot as PlanSnapshot } : null;
}

/** The next version number, taken inside the transaction that writes it (the unique index refuses a twin). */
export async function insertVersion(
  db: Db,
  values: { planId: string; state: string; snapshot: PlanSnapshot; createdBy: string | null },
) {
  const [row] = await db
    .insert(laPlanVersions)
    .values({
      ...values,
      number: sql`(select coalesce(max(${laPlanVersions.number}), 0) + 1 from ${laPlanVersions} where ${laPlanVersions.planId} = ${values.planId})`,
    })
    .returning();
  return row!;
}
