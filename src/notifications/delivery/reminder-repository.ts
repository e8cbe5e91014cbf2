// What the daily reminder scan looks for, and who may be reminded of each: LA plans not yet
// submitted near their round's deadline, concern cases with a review date near (their restricted
// people only), and plan revisions waiting for the governing body's approval.
import { and, eq, gte, inArray, isNull, lte, ne, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import {
  concernCases,
  concernSupportItems,
  developmentPlans,
  events,
  laPlans,
  planRevisions,
  planningRounds,
  roleAssignments,
  schools,
  users,
} from '../../db/schema/index.ts';

export type RoundDeadline = {
  planId: string;
  laCode: string;
  deadline: string;
  titleEn: string;
  titleCy: string;
};

/** LA plans still in draft (never submitted, or sent back) whose open round's deadline falls in [from, to]. */
export async function draftPlansDueBetween(db: Db, from: string, to: string): Promise<RoundDeadline[]> {
  return db
    .select({
      planId: laPlans.id,
      laCode: laPlans.laCode,
      deadline: planningRounds.deadline,
      titleEn: planningRounds.titleEn,
      titleCy: planningRounds.titleCy,
    })
    .from(laPlans)
    .innerJoin(planningRounds, eq(planningRounds.id, laPlans.roundId))
    .where(
      and(
        eq(planningRounds.status, 'open'),
        eq(laPlans.state, 'draft'),
        gte(planningRounds.deadline, from),
        lte(planningRounds.deadline, to),
      ),
    );
}

export type CaseReview = {
  caseId: string;
  laCode: string;
  schoolNumber: string;
  schoolName: string;
  governingBodyId: string | null;
  reviewOn: string;
};

/** Concern cases not exited with an open support item to review in [from, to]: the nearest date per case. */
export async function caseReviewsBetween(db: Db, from: string, to: string): Promise<CaseReview[]> {
  const reviewOn = sql<string>`min(${concernSupportItems.reviewOn})`;
  return db
    .select({
      caseId: concernCases.id,
      laCode: concernCases.laCode,
      schoolNumber: concernCases.schoolNumber,
      schoolName: schools.name,
      governingBodyId: schools.governingBodyId,
      reviewOn,
    })
    .from(concernSupportItems)
    .innerJoin(concernCases, eq(concernCases.id, concernSupportItems.caseId))
    .innerJoin(schools, eq(schools.number, concernCases.schoolNumber))
    .where(
      and(
        ne(concernCases.state, 'exited'),
        eq(concernSupportItems.status, 'open'),
        gte(concernSupportItems.reviewOn, from),
        lte(concernSupportItems.reviewOn, to),
      ),
    )
    .groupBy(concernCases.id, schools.name, schools.governingBodyId);
}

export type WaitingRevision = {
  revisionId: string;
  number: number;
  schoolNumber: string;
  schoolName: string;
  governingBodyId: string | null;
  createdAt: Date;
};

/** The latest revision of each plan, unapproved, made before `before` (only the latest can be approved). */
export async function revisionsWaitingSince(db: Db, before: Date): Promise<WaitingRevision[]> {
  return db
    .select({
      revisionId: planRevisions.id,
      number: planRevisions.number,
      schoolNumber: developmentPlans.schoolNumber,
      schoolName: schools.name,
      governingBodyId: schools.governingBodyId,
      createdAt: planRevisions.createdAt,
    })
    .from(planRevisions)
    .innerJoin(developmentPlans, eq(developmentPlans.id, planRevisions.planId))
    .innerJoin(schools, eq(schools.number, developmentPlans.schoolNumber))
    .where(
      and(
        isNull(planRevisions.approvedAt),
        lte(planRevisions.createdAt, before),
        sql`${planRevisions.number} = (select max(r.number) from ${planRevisions} r where r.plan_id = ${planRevisions.planId})`,
      ),
    );
}

export type Holder = { role: string; scopeId: string };

/** Active people holding any of these (role, scope) pairs. */
export async function peopleHolding(db: Db, holders: readonly Holder[]): Promise<string[]> {
  if (holders.length === 0) return [];
  const rows = await db
    .selectDistinct({ userId: roleAssignments.userId })
    .from(roleAssignments)
    .innerJoin(users, eq(users.id, roleAssignments.userId))
    .where(
      and(
        eq(users.active, true),
        sql`(${roleAssignments.role}, ${roleAssignments.scopeId}) in (${sql.join(
          holders.map((h) => sql`(${h.role}, ${h.scopeId})`),
          sql`, `,
        )})`,
      ),
    );
  return rows.map((row) => row.userId).sort();
}

/** Reminders already recorded for these subjects (the scan records each at most once). */
export async function recordedReminders(
  db: Db,
  kinds: readonly string[],
  subjectIds: readonly string[],
): Promise<Set<string>> {
  if (subjectIds.length === 0) return new Set();
  const rows = await db
    .select({ kind: events.kind, subjectId: events.subjectId })
    .from(events)
    .where(and(inArray(events.kind, [...kinds]), inArray(events.subjectId, [...subjectIds])));
  return new Set(rows.map((row) => `${row.kind} ${row.subjectId}`));
}

/** One scan at a time across every instance, for this transaction: two runners never record a reminder twice. */
export async function lockReminderScan(tx: Db): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${REMINDER_SCAN_LOCK_KEY})`);
}

const REMINDER_SCAN_LOCK_KEY = 7_240_412;
