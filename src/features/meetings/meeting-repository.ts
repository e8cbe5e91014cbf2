import { and, asc, count, desc, eq, getTableColumns, gte, inArray, lt, sql } from 'drizzle-orm';
import { ownerName } from '../action-owners/owner-name-repository.ts';
import type { Db } from '../../db/client.ts';
import { collaborativeMembers, meetingActions, meetings, meetingSchools, schools } from '../../db/schema/index.ts';

export type Meeting = typeof meetings.$inferSelect;
export type MeetingAction = typeof meetingActions.$inferSelect;
export type MeetingValues = Pick<
  Meeting,
  'title' | 'meetsOn' | 'startsAt' | 'endsAt' | 'location' | 'agenda' | 'attendees' | 'notes' | 'language'
>;
export type ActionValues = Pick<
  MeetingAction,
  'description' | 'owner' | 'ownerUserId' | 'ownerSchoolNumber' | 'dueOn' | 'language'
>;
export type School = { number: string; name: string };

/** The collaborative's member schools, by name: who may be represented at a meeting or own an action. */
export async function memberSchools(db: Db, collaborativeId: string): Promise<School[]> {
  return db
    .select({ number: schools.number, name: schools.name })
    .from(collaborativeMembers)
    .innerJoin(schools, eq(schools.number, collaborativeMembers.schoolNumber))
    .where(eq(collaborativeMembers.collaborativeId, collaborativeId))
    .orderBy(asc(schools.name));
}

const listColumns = {
  id: meetings.id,
  title: meetings.title,
  meetsOn: meetings.meetsOn,
  startsAt: meetings.startsAt,
  endsAt: meetings.endsAt,
  location: meetings.location,
  language: meetings.language,
  otherLanguage: meetings.otherLanguage,
  schools: sql<
    string[]
  >`coalesce((select array_agg(s.name order by s.name) from ${meetingSchools} ms join ${schools} s on s.number = ms.school_number where ms.meeting_id = ${meetings.id}), '{}')`,
  openActions: sql<number>`(select count(*)::int from ${meetingActions} a where a.meeting_id = ${meetings.id} and a.status = 'open')`,
};
export type MeetingSummary = Awaited<ReturnType<typeof listUpcoming>>[number];

/** Meetings from today on, soonest first. */
export async function listUpcoming(db: Db, collaborativeId: string, today: string) {
  return db
    .select(listColumns)
    .from(meetings)
    .where(and(eq(meetings.collaborativeId, collaborativeId), gte(meetings.meetsOn, today)))
    .orderBy(asc(meetings.meetsOn), asc(meetings.startsAt));
}

/** Meetings before today, most recent first, a page at a time. */
export async function listPast(
  db: Db,
  collaborativeId: string,
  today: string,
  page: { limit: number; offset: number },
) {
  const where = and(eq(meetings.collaborativeId, collaborativeId), lt(meetings.meetsOn, today));
  const [rows, [total]] = await Promise.all([
    db
      .select(listColumns)
      .from(meetings)
      .where(where)
      .orderBy(desc(meetings.meetsOn), desc(meetings.startsAt))
      .limit(page.limit)
      .offset(page.offset),
    db.select({ n: count() }).from(meetings).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}

/** A meeting of this collaborative (null for another collaborative's: the URL must not reach across). */
export async function findMeeting(db: Db, collaborativeId: string, id: string) {
  const [row] = await db
    .select()
    .from(meetings)
    .where(and(eq(meetings.id, id), eq(meetings.collaborativeId, collaborativeId)));
  return row ?? null;
}

export async function meetingSchoolNumbers(db: Db, meetingId: string): Promise<string[]> {
  const rows = await db
    .select({ number: meetingSchools.schoolNumber })
    .from(meetingSchools)
    .where(eq(meetingSchools.meetingId, meetingId));
  return rows.map((r) => r.number).sort();
}

export async function insertMeeting(db: Db, values: MeetingValues & { collaborativeId: string; createdBy: string }) {
  const [row] = await db.insert(meetings).values(values).returning();
  return row!;
}

/** Updates only if nobody saved since `version`; null on a conflict. */
export async function updateMeeting(db: Db, id: string, version: number, values: MeetingValues) {
  const [row] = await db
    .update(meetings)
    .set({ ...values, version: sql`${meetings.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(meetings.id, id), eq(meetings.version, version)))
    .returning();
  return row ?? null;
}

export async function replaceMeetingSchools(db: Db, meetingId: string, numbers: string[]) {
  await db.delete(meetingSchools).where(eq(meetingSchools.meetingId, meetingId));
  if (numbers.length)
    await db.insert(meetingSchools).values(numbers.map((schoolNumber) => ({ meetingId, schoolNumber })));
}

/** The meeting's agreed actions, open ones first, each by due date. */
export async function listActions(db: Db, meetingId: string) {
  return db
    .select({
      action: { ...getTableColumns(meetingActions), owner: ownerName(meetingActions) },
      schoolName: schools.name,
    })
    .from(meetingActions)
    .leftJoin(schools, eq(schools.number, meetingActions.ownerSchoolNumber))
    .where(eq(meetingActions.meetingId, meetingId))
    .orderBy(
      desc(sql`${meetingActions.status} = 'open'`),
      sql`${meetingActions.dueOn} asc nulls last`,
      asc(meetingActions.createdAt),
    );
}

export async function findAction(db: Db, meetingId: string, id: string) {
  const [row] = await db
    .select()
    .from(meetingActions)
    .where(and(eq(meetingActions.id, id), eq(meetingActions.meetingId, meetingId)));
  return row ?? null;
}

export async function insertAction(db: Db, values: ActionValues & { meetingId: string }) {
  const [row] = await db.insert(meetingActions).values(values).returning();
  return row!;
}

/** Updates only if nobody saved since `version`; null on a conflict. */
export async function updateAction(
  db: Db,
  id: string,
  version: number,
  values: Partial<ActionValues> & { status?: string },
) {
  const [row] = await db
    .update(meetingActions)
    .set({ ...values, version: sql`${meetingActions.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(meetingActions.id, id), eq(meetingActions.version, version)))
    .returning();
  return row ?? null;
}

/** Which of these numbers are members of the collaborative (checked in the same transaction as the save). */
export async function membersAmong(db: Db, collaborativeId: string, numbers: string[]): Promise<string[]> {
  if (!numbers.length) return [];
  const rows = await db
    .select({ number: collaborativeMembers.schoolNumber })
    .from(collaborativeMembers)
    .where(
      and(
        eq(collaborativeMembers.collaborativeId, collaborativeId),
        inArray(collaborativeMembers.schoolNumber, numbers),
      ),
    );
  return rows.map((r) => r.number);
}
