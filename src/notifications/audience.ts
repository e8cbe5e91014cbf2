// Who is told of an event (issue 12): the rule table (audience-rules.ts) resolved against the event's
// school, governing body, LA and collaborative. The relay calls this once per event, so a person is
// told only if, at relay time, they still hold the role the rule names (an officer who left the LA
// is not told) and their account is active. The actor is removed by the relay.
import type { Db } from '../db/client.ts';
import type { Role } from '../policy/roles.ts';
import * as repo from './audience-repository.ts';
import { AUDIENCES, isOneOf } from '../reference/reference-data.ts';
import { recipientsOf, SHARE_AUDIENCE_RELATIONSHIPS, shareKeyOf, type Relationship } from './audience-rules.ts';
import { isEventKind } from './event-kinds.ts';
import type { EventRow } from './events-repository.ts';

type Resolve = (db: Db, roles: Role[], event: EventRow) => Promise<string[]>;

const none: Resolve = async () => [];

const RESOLVERS: Record<Relationship, Resolve> = {
  school: async (db, roles, e) => (e.schoolNumber ? repo.holdersIn(db, roles, 'school', e.schoolNumber) : []),
  governing_body: async (db, roles, e) => {
    const body = e.schoolNumber ? await repo.governingBodyOf(db, e.schoolNumber) : null;
    return body ? repo.holdersIn(db, roles, 'governing_body', body) : [];
  },
  la: async (db, roles, e) => (e.laCode ? repo.holdersIn(db, roles, 'la', e.laCode) : []),
  collaborative: async (db, roles, e) =>
    e.collaborativeId ? repo.holdersIn(db, roles, 'collaborative', e.collaborativeId) : [],
  member_school: async (db, roles, e) =>
    e.collaborativeId ? repo.memberSchoolHolders(db, roles, e.collaborativeId, e.schoolNumber) : [],
  facilitator: async (db, roles, e) => (e.collaborativeId ? repo.facilitatorsOf(db, roles, e.collaborativeId) : []),
  named: async (db, roles, e) => repo.namedHolders(db, roles, e.audience),
  reviewer: async (db, roles, e) =>
    e.subjectType === 'peer_enquiry' ? repo.openEnquiryReviewers(db, roles, e.subjectId) : [],
  enquiry_facilitator: async (db, roles, e) =>
    e.subjectType === 'peer_enquiry' ? repo.openEnquiryFacilitator(db, roles, e.subjectId) : [],
  national: async (db, roles) => repo.holdersAnywhere(db, roles, 'national'),
  any_school: async (db, roles) => repo.holdersAnywhere(db, roles, 'school'),
  any_la: async (db, roles) => repo.holdersAnywhere(db, roles, 'la'),
  reviewer_after_close: none,
  other_school: none,
  other_la: none,
  stranger: none,
};

/**
 * The relationships that may hear of this event. A share is told only to the body it was shared
 * with, and only while it stands: withdrawn before the relay, it tells nobody.
 */
async function relationshipsFor(db: Db, event: EventRow): Promise<readonly Relationship[] | null> {
  if (event.kind !== 'shared_with_you') return null;
  const [itemType = '', itemId = '', audience = '', audienceId = ''] = shareKeyOf(event.subjectId);
  if (!isOneOf(AUDIENCES, audience)) return [];
  if (!(await repo.shareInPlace(db, { itemType, itemId, audience, audienceId }))) return [];
  return SHARE_AUDIENCE_RELATIONSHIPS[audience];
}

/** The people to tell of one event (before the relay drops its actor). */
export async function audienceFor(db: Db, event: EventRow): Promise<string[]> {
  if (!isEventKind(event.kind)) return [];
  const allowed = await relationshipsFor(db, event);
  const found = new Set<string>();
  for (const [relationship, roles] of recipientsOf(event.kind)) {
    if (allowed && !allowed.includes(relationship)) continue;
    for (const id of await RESOLVERS[relationship](db, roles, event)) found.add(id);
  }
  return [...found];
}
