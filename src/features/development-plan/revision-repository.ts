import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.ts';
import { reused } from '../../db/reused-query.ts';
import { planRevisions, users } from '../../db/schema/index.ts';

export type PlanRevision = typeof planRevisions.$inferSelect;

const savedBy = alias(users, 'saved_by');
const approver = alias(users, 'approver');
const columns = {
  id: planRevisions.id,
  planId: planRevisions.planId,
  number: planRevisions.number,
  academicYear: planRevisions.academicYear,
  note: planRevisions.note,
  createdAt: planRevisions.createdAt,
  approvedAt: planRevisions.approvedAt,
  approvalMeeting: planRevisions.approvalMeeting,
  approvalCommittee: planRevisions.approvalCommittee,
  approvalMeetingOn: planRevisions.approvalMeetingOn,
  approvalMinute: planRevisions.approvalMinute,
  approvalResolution: planRevisions.approvalResolution,
  savedByName: savedBy.displayName,
  approvedByName: approver.displayName,
};

/** A plan's revisions, newest first, without their snapshots. */
export async function listRevisions(db: Db, planId: string) {
  return db
    .select(columns)
    .from(planRevisions)
    .leftJoin(savedBy, eq(savedBy.id, planRevisions.createdBy))
    .leftJoin(approver, eq(approver.id, planRevisions.approvedBy))
    .where(eq(planRevisions.planId, planId))
    .orderBy(desc(planRevisions.number));
}

export async function findRevision(db: Db, planId: string, number: number) {
  const [row] = await db
    .select({ ...columns, snapshot: planRevisions.snapshot })
    .from(planRevisions)
    .leftJoin(savedBy, eq(savedBy.id, planRevisions.createdBy))
    .leftJoin(approver, eq(approver.id, planRevisions.approvedBy))
    .where(and(eq(planRevisions.planId, planId), eq(planRevisions.number, number)));
  return row ?? null;
}

export async function latestRevisionNumber(db: Db, planId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`coalesce(max(${planRevisions.number}), 0)::int` })
    .from(planRevisions)
    .where(eq(planRevisions.planId, planId));
  return row?.n ?? 0;
}

/** The latest revision's approval, for the plan page. */
export async function latestRevision(db: Db, planId: string) {
  const [row] = await reused(db, 'latest_revision', (db) =>
    db
      .select(columns)
      .from(planRevisions)
      .leftJoin(savedBy, eq(savedBy.id, planRevisions.createdBy))
      .leftJoin(approver, eq(approver.id, planRevisions.approvedBy))
      .where(eq(planRevisions.planId, sql.placeholder('planId')))
      .orderBy(desc(planRevisions.number))
      .limit(1),
  ).execute({ planId });
  return row ?? null;
}

/** Null when another revision took this number first (the unique index decides). */
export async function insertRevision(
  db: Db,
  values: { planId: string; number: number; academicYear: number; snapshot: unknown; note: string; createdBy: string },
) {
  const [row] = await db
    .insert(planRevisions)
    .values(values)
    .onConflictDoNothing()
    .returning({ id: planRevisions.id, number: planRevisions.number });
  return row ?? null;
}

/** Records the approval once, with the meeting that resolved it; null when it was already approved. */
export async function approveRevision(
  db: Db,
  id: string,
  approvedBy: string,
  meeting: { meeting: string; committee: string | null; meetingOn: string; minute: string; resolution: string },
  now: Date,
) {
  const [row] = await db
    .update(planRevisions)
    .set({
      approvedBy,
      approvedAt: now,
      approvalMeeting: meeting.meeting,
      approvalCommittee: meeting.committee,
      approvalMeetingOn: meeting.meetingOn,
      approvalMinute: meeting.minute,
      approvalResolution: meeting.resolution,
    })
    .where(and(eq(planRevisions.id, id), isNull(planRevisions.approvedAt)))
    .returning({ id: planRevisions.id, approvedAt: planRevisions.approvedAt });
  return row ?? null;
}

/** Serialises revision numbering per plan (PGlite and PostgreSQL alike). */
export async function lockPlanRevisions(db: Db, planId: string): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(hashtext(${`plan-revisions:${planId}`}))`);
}
