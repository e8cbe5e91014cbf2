import type { FastifyRequest } from 'fastify';
import type { Db } from '../db/client.ts';
import { coordinatedPartnershipIds, managedLaCodes } from '../policy/collaborative-policy.ts';
import { partnershipLaCodes } from './collaboration-repository.ts';

/** LAs in which this user may create and manage collaboratives: their own as an LA officer, their partnerships' as a coordinator. */
export async function manageableLaCodes(db: Db, request: FastifyRequest): Promise<string[]> {
  const partnerships = coordinatedPartnershipIds(request.user);
  const fromPartnerships = partnerships.length ? await partnershipLaCodes(db, partnerships) : [];
  return [...new Set([...managedLaCodes(request.user), ...fromPartnerships])];
}
