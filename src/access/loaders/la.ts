// The LA scope's loader: the LA named in the URL, and what this user may do in its own area
// (src/policy/la-policy.ts).
import type { FastifyRequest } from 'fastify';
import type { Db } from '../../db/client.ts';
import { findLocalAuthority } from '../../directory/directory-repository.ts';
import { HttpError } from '../../lib/http-error.ts';
import { laCan, type LaCan } from '../../policy/la-policy.ts';

export type LaContext = { la: { code: string; nameEn: string; nameCy: string }; laName: string; can: LaCan };
type LaNeed = keyof LaCan;

/** The LA in the URL and what this user may do there: 404 unless they are its staff, 403 if they may only look. */
export async function laAccess(
  db: Db,
  request: FastifyRequest,
  code: string,
  need: LaNeed = 'staff',
): Promise<LaContext> {
  const la = await findLocalAuthority(db, code);
  if (!la) throw new HttpError(404, 'not-found');
  const can = laCan(request.user, la.code);
  if (!can.staff) throw new HttpError(404, 'not-found');
  if (!can[need]) throw new HttpError(403, 'forbidden');
  return { la, laName: request.lang === 'cy' ? la.nameCy : la.nameEn, can };
}
