import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import * as s from '../db/schema/index.ts';

/** Inserts for the demo's collaboration: plain rows, no rules (the demo is the rules' input). */
export const insertCollaboration = {
  collaborative: async (db: Db, v: typeof s.collaboratives.$inferInsert, members: string[]) => {
    const [row] = await db.insert(s.collaboratives).values(v).returning({ id: s.collaboratives.id });
    await db
      .insert(s.collaborativeMembers)
      .values(members.map((schoolNumber) => ({ collaborativeId: row!.id, schoolNumber })));
    return row!.id;
  },
  facilitators: (db: Db, v: (typeof s.collaborativeFacilitators.$inferInsert)[]) =>
    db.insert(s.collaborativeFacilitators).values(v),
  roles: (db: Db, v: (typeof s.roleAssignments.$inferInsert)[]) => db.insert(s.roleAssignments).values(v),
  partnership: async (db: Db, v: typeof s.laPartnerships.$inferInsert, laCodes: string[]) => {
    const [row] = await db.insert(s.laPartnerships).values(v).returning({ id: s.laPartnerships.id });
    await db.insert(s.laPartnershipMembers).values(laCodes.map((laCode) => ({ partnershipId: row!.id, laCode })));
    return row!.id;
  },
  enquiry: (db: Db, v: typeof s.peerEnquiries.$inferInsert) => db.insert(s.peerEnquiries).values(v),
  reviewers: (db: Db, v: (typeof s.enquiryReviewers.$inferInsert)[]) => db.insert(s.enquiryReviewers).values(v),
  pack: (db: Db, v: (typeof s.enquiryPackItems.$inferInsert)[]) => db.insert(s.enquiryPackItems).values(v),
  notes: (db: Db, v: (typeof s.enquiryNotes.$inferInsert)[]) => db.insert(s.enquiryNotes).values(v),
  findings: (db: Db, v: (typeof s.enquiryFindings.$inferInsert)[]) => db.insert(s.enquiryFindings).values(v),
  followUps: (db: Db, v: (typeof s.enquiryFollowUps.$inferInsert)[]) => db.insert(s.enquiryFollowUps).values(v),
  meeting: async (
    db: Db,
    v: typeof s.meetings.$inferInsert,
    schools: string[],
    actions: Omit<typeof s.meetingActions.$inferInsert, 'meetingId'>[],
  ) => {
    const [row] = await db.insert(s.meetings).values(v).returning({ id: s.meetings.id });
    if (schools.length)
      await db.insert(s.meetingSchools).values(schools.map((schoolNumber) => ({ meetingId: row!.id, schoolNumber })));
    if (actions.length) await db.insert(s.meetingActions).values(actions.map((a) => ({ ...a, meetingId: row!.id })));
    return row!.id;
  },
  progression: async (db: Db, v: typeof s.progressionSessions.$inferInsert, schools: string[]) => {
    const [row] = await db.insert(s.progressionSessions).values(v).returning({ id: s.progressionSessions.id });
    await db
      .insert(s.progressionSessionSchools)
      .values(schools.map((schoolNumber) => ({ sessionId: row!.id, schoolNumber })));
    return row!.id;
  },
  report: (db: Db, id: string, report: string) =>
    db.update(s.peerEnquiries).set({ report }).where(eq(s.peerEnquiries.id, id)),
  reportAgreed: (db: Db, id: string, evidenceId: string, by: string, when: Date, closed = true) =>
    db
      .update(s.peerEnquiries)
      .set({ evidenceId, reportAgreedBy: by, reportAgreedAt: when, closedAt: closed ? when : null })
      .where(eq(s.peerEnquiries.id, id)),
  cancelReason: (db: Db, host: string, cancelReason: string) =>
    db
      .update(s.peerEnquiries)
      .set({ cancelReason })
      .where(and(eq(s.peerEnquiries.hostSchoolNumber, host), eq(s.peerEnquiries.state, 'cancelled'))),
};
