import { and, asc, eq, gte, notInArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { meetings, peerEnquiries, schools } from '../../db/schema/index.ts';

/** What is coming up in a collaborative's space: its next meetings and the enquiries under way. */
export async function comingUp(db: Db, collaborativeId: string, today: string) {
  const [nextMeetings, enquiries] = await Promise.all([
    db
      .select({
        id: meetings.id,
        title: meetings.title,
        meetsOn: meetings.meetsOn,
        startsAt: meetings.startsAt,
        location: meetings.location,
        language: meetings.language,
        otherLanguage: meetings.otherLanguage,
      })
      .from(meetings)
      .where(and(eq(meetings.collaborativeId, collaborativeId), gte(meetings.meetsOn, today)))
      .orderBy(asc(meetings.meetsOn), asc(meetings.startsAt))
      .limit(3),
    db
      .select({
        id: peerEnquiries.id,
        question: peerEnquiries.question,
        state: peerEnquiries.state,
        visitStart: peerEnquiries.visitStart,
        hostName: schools.name,
        language: peerEnquiries.language,
        otherLanguage: peerEnquiries.otherLanguage,
      })
      .from(peerEnquiries)
      .innerJoin(schools, eq(schools.number, peerEnquiries.hostSchoolNumber))
      .where(
        and(
          eq(peerEnquiries.collaborativeId, collaborativeId),
          notInArray(peerEnquiries.state, ['closed', 'cancelled']),
        ),
      )
      .orderBy(sql`${peerEnquiries.visitStart} asc nulls last`),
  ]);
  return { nextMeetings, enquiries };
}
