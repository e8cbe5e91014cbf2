// A peer enquiry and its review team, as the enquiry scope loads them (src/access/loaders/enquiry.ts).
// Everything else about an enquiry is the peer-enquiry feature's (features/peer-enquiry/enquiry-repository.ts).
import { aliasedTable, and, asc, eq, sql } from 'drizzle-orm';
import { isUuid } from '../lib/request-schemas.ts';
import type { Db } from '../db/client.ts';
import { reused } from '../db/reused-query.ts';
import { enquiryReviewers, peerEnquiries, schools, users } from '../db/schema/index.ts';

export type Enquiry = typeof peerEnquiries.$inferSelect;

const facilitatorUser = aliasedTable(users, 'facilitator_user');

/** The enquiry, if it is this collaborative's, with its host's and facilitator's names. */
export async function findEnquiry(db: Db, collaborativeId: string, id: string) {
  const [row] = await db
    .select({ enquiry: peerEnquiries, hostName: schools.name, facilitatorName: facilitatorUser.displayName })
    .from(peerEnquiries)
    .innerJoin(schools, eq(schools.number, peerEnquiries.hostSchoolNumber))
    .leftJoin(facilitatorUser, eq(facilitatorUser.id, peerEnquiries.facilitatorId))
    .where(and(eq(peerEnquiries.id, id), eq(peerEnquiries.collaborativeId, collaborativeId)));
  return row ?? null;
}

export async function reviewersOf(db: Db, enquiryId: string) {
  return db
    .select({
      userId: enquiryReviewers.userId,
      displayName: users.displayName,
      schoolNumber: enquiryReviewers.schoolNumber,
      schoolName: schools.name,
    })
    .from(enquiryReviewers)
    .innerJoin(users, eq(users.id, enquiryReviewers.userId))
    .innerJoin(schools, eq(schools.number, enquiryReviewers.schoolNumber))
    .where(eq(enquiryReviewers.enquiryId, enquiryId))
    .orderBy(asc(users.displayName));
}

/** What the enquiry policy needs of each of these enquiries (state, host, facilitator, reviewers), in one statement. */
export async function enquiryFacts(db: Db, ids: readonly string[]) {
  const wanted = [...new Set(ids)].filter(isUuid);
  if (!wanted.length) return [];
  // Every link to an enquiry (the homes, the collaborative pages) asks: built once (src/db/reused-query.ts).
  return reused(db, 'enquiry_facts', (db) =>
    db
      .select({
        id: peerEnquiries.id,
        collaborativeId: peerEnquiries.collaborativeId,
        state: peerEnquiries.state,
        hostSchoolNumber: peerEnquiries.hostSchoolNumber,
        facilitatorId: peerEnquiries.facilitatorId,
        reviewerIds: sql<string[]>`coalesce((select array_agg(r.user_id::text) from ${enquiryReviewers} r
        where r.enquiry_id = ${peerEnquiries.id}), '{}')`,
      })
      .from(peerEnquiries)
      .where(sql`${peerEnquiries.id} = any(${sql.placeholder('ids')}::uuid[])`),
  ).execute({ ids: wanted });
}
