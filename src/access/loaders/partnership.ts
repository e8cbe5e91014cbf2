// The partnership scope's loader: the LA partnership named in the URL, and what this user may do
// with it (src/policy/partnership-policy.ts).
import type { FastifyRequest } from 'fastify';
import type { Db } from '../../db/client.ts';
import { HttpError } from '../../lib/http-error.ts';
import { findPartnership, type Partnership } from '../../local-authority/la-partnership-repository.ts';
import { partnershipCan, type PartnershipCan } from '../../policy/partnership-policy.ts';

export type PartnershipContext = { partnership: Partnership; laCodes: string[]; can: PartnershipCan };

/** The partnership in the URL: 404 unless the user may see it, 403 if they may only look. */
export async function partnershipAccess(
  db: Db,
  request: FastifyRequest,
  id: string,
  need: keyof PartnershipCan = 'view',
): Promise<PartnershipContext> {
  const found = await findPartnership(db, id);
  if (!found) throw new HttpError(404, 'not-found');
  const can = partnershipCan(request.user, { id, laCodes: found.laCodes });
  if (!can.view) throw new HttpError(404, 'not-found');
  if (!can[need]) throw new HttpError(403, 'forbidden');
  return { partnership: found.partnership, laCodes: found.laCodes, can };
}
