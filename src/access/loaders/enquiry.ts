// The enquiry scope's loader: a peer enquiry in a collaborative's space, and what this user may do
// in it (src/policy/enquiry-policy.ts, on top of the collaborative's own policy).
import type { FastifyRequest } from 'fastify';
import type { Db } from '../../db/client.ts';
import { enquiryFacts, findEnquiry, reviewersOf, type Enquiry } from '../../collaboration/peer-enquiry-repository.ts';
import { HttpError } from '../../lib/http-error.ts';
import { enquiryCan, type EnquiryCan } from '../../policy/enquiry-policy.ts';
import type { CollaborativeCan } from '../../policy/collaborative-policy.ts';
import { collaborativeAccess, type CollaborativeContext } from './collaborative.ts';

export type EnquiryContext = CollaborativeContext & {
  enquiry: Enquiry;
  hostName: string;
  facilitatorName: string | null;
  reviewers: Awaited<ReturnType<typeof reviewersOf>>;
  enquiryCan: EnquiryCan;
};

/**
 * Loads the enquiry in the URL: 404 when the user has no business with the collaborative's space
 * or the enquiry is not this collaborative's, 403 when they may look at it but not do `need`.
 */
export async function enquiryAccess(
  db: Db,
  request: FastifyRequest,
  collaborativeId: string,
  enquiryId: string,
  need?: keyof EnquiryCan,
): Promise<EnquiryContext> {
  const ctx = await collaborativeAccess(db, request, collaborativeId, 'space');
  const found = await findEnquiry(db, ctx.collaborative.id, enquiryId);
  if (!found) throw new HttpError(404, 'not-found');
  const reviewers = await reviewersOf(db, found.enquiry.id);
  const can = enquiryCan(request.user, ctx.can, { ...found.enquiry, reviewerIds: reviewers.map((r) => r.userId) });
  if (!can.seeHeadline) throw new HttpError(404, 'not-found');
  if (need && !can[need]) throw new HttpError(403, 'forbidden');
  return {
    ...ctx,
    enquiry: found.enquiry,
    hostName: found.hostName,
    facilitatorName: found.facilitatorName,
    reviewers,
    enquiryCan: can,
  };
}

/**
 * What this user may do in each of these enquiries, decided as their loader decides (the
 * collaborative's space first, then the enquiry's own policy), for a page that links to enquiries
 * it does not itself load. An enquiry missing from the map will not open for this user.
 */
export async function enquiryCansFor(
  db: Db,
  request: FastifyRequest,
  enquiries: readonly { collaborativeId: string; enquiryId: string }[],
  collaborativeCans: ReadonlyMap<string, CollaborativeCan>,
): Promise<Map<string, EnquiryCan>> {
  const found = await enquiryFacts(
    db,
    enquiries.map((e) => e.enquiryId),
  );
  const cans = new Map<string, EnquiryCan>();
  for (const enquiry of found) {
    const asked = enquiries.find((e) => e.enquiryId === enquiry.id);
    const collaborative = collaborativeCans.get(enquiry.collaborativeId);
    if (!asked || asked.collaborativeId !== enquiry.collaborativeId || !collaborative?.space) continue;
    const can = enquiryCan(request.user, collaborative, enquiry);
    if (can.seeHeadline) cans.set(enquiry.id, can);
  }
  return cans;
}
