// The collaborative scope's loader: the collaborative named in the URL, and what this user may do
// in it (src/policy/collaborative-policy.ts).
import type { FastifyRequest } from 'fastify';
import type { Db } from '../../db/client.ts';
import { HttpError } from '../../lib/http-error.ts';
import {
  findCollaborative,
  findCollaboratives,
  partnershipLaCodes,
  type CollaborativeRecord,
} from '../../collaboration/collaboration-repository.ts';
import {
  collaborativeCan,
  coordinatedPartnershipIds,
  type CollaborativeCan,
} from '../../policy/collaborative-policy.ts';

export type CollaborativeContext = { collaborative: CollaborativeRecord; can: CollaborativeCan };
export type CollaborativeNeed = {
  [K in keyof CollaborativeCan]: CollaborativeCan[K] extends boolean ? K : never;
}[keyof CollaborativeCan];

/** What this user may do in this collaborative, reading the partnerships they coordinate when they do. */
export async function collaborativeCanFor(
  db: Db,
  request: FastifyRequest,
  collaborative: CollaborativeRecord,
): Promise<CollaborativeCan> {
  const partnerships = coordinatedPartnershipIds(request.user);
  const partnershipLas = partnerships.length ? await partnershipLaCodes(db, partnerships) : [];
  return collaborativeCan(request.user, collaborative, partnershipLas);
}

/** Loads the collaborative in the URL: 404 if it is none of the user's business, 403 if they may only look. */
export async function collaborativeAccess(
  db: Db,
  request: FastifyRequest,
  id: string,
  need: CollaborativeNeed = 'view',
): Promise<CollaborativeContext> {
  const collaborative = await findCollaborative(db, id);
  if (!collaborative) throw new HttpError(404, 'not-found');
  const can = await collaborativeCanFor(db, request, collaborative);
  if (!can.view) throw new HttpError(404, 'not-found');
  if (!can[need]) throw new HttpError(403, 'forbidden');
  return { collaborative, can };
}

/**
 * What this user may do in each of these collaboratives, decided as their loader decides: for a
 * page listing collaboratives it does not itself load, so each link shows only if it will open.
 */
export async function collaborativeCansFor(
  db: Db,
  request: FastifyRequest,
  ids: readonly string[],
): Promise<Map<string, CollaborativeCan>> {
  // A page that reads (GET) may ask about the same collaborative from several places (a lead's
  // home: its section and the school's links): each is decided once a request. A change (POST)
  // may alter membership on the way, so it asks afresh.
  const known = request.method === 'GET' ? decidedIn(request) : new Map<string, CollaborativeCan | null>();
  const asked = [...new Set(ids)].filter((id) => !known.has(id));
  if (asked.length) {
    const found = await findCollaboratives(db, asked);
    const partnerships = coordinatedPartnershipIds(request.user);
    const partnershipLas = partnerships.length && found.length ? await partnershipLaCodes(db, partnerships) : [];
    for (const id of asked) known.set(id, null);
    for (const c of found) known.set(c.id, collaborativeCan(request.user, c, partnershipLas));
  }
  const cans = new Map<string, CollaborativeCan>();
  for (const id of ids) {
    const can = known.get(id);
    if (can) cans.set(id, can);
  }
  return cans;
}

const decided = new WeakMap<FastifyRequest, Map<string, CollaborativeCan | null>>();
function decidedIn(request: FastifyRequest): Map<string, CollaborativeCan | null> {
  let known = decided.get(request);
  if (!known) decided.set(request, (known = new Map()));
  return known;
}
