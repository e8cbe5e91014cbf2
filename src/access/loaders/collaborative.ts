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
  const found = await findCollaboratives(db, ids);
  const partnerships = coordinatedPartnershipIds(request.user);
  const partnershipLas = partnerships.length && found.length ? await partnershipLaCodes(db, partnerships) : [];
  return new Map(found.map((c) => [c.id, collaborativeCan(request.user, c, partnershipLas)]));
}
