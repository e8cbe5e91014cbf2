// The concern-case scope's loader: the school causing concern named in the URL, and what this
// user may do with its case (src/policy/concern-case-policy.ts).
import type { FastifyRequest } from 'fastify';
import type { Db } from '../../db/client.ts';
import { HttpError } from '../../lib/http-error.ts';
import { findCase, type CaseWithSchool } from '../../local-authority/concern-case-repository.ts';
import { concernCaseCan, type ConcernCaseCan } from '../../policy/concern-case-policy.ts';

export type CaseContext = { concernCase: CaseWithSchool; can: ConcernCaseCan };

/**
 * The case in the URL, for someone who may see it: 404 for anyone else holding 'concern.read' (another
 * LA's officer, another school's head), the same answer as for a case that does not exist. Roles
 * without the permission (improvement partners, the school's other staff and governors) are refused
 * with 403 before any case is looked up, so they learn nothing either. 403 too when the headteacher
 * or chair, who may only read, asks to change it.
 */
export async function caseAccess(
  db: Db,
  request: FastifyRequest,
  id: string,
  need: keyof ConcernCaseCan = 'view',
): Promise<CaseContext> {
  const concernCase = await findCase(db, id);
  if (!concernCase) throw new HttpError(404, 'not-found');
  const can = concernCaseCan(request.user, concernCase);
  if (!can.view) throw new HttpError(404, 'not-found');
  if (!can[need]) throw new HttpError(403, 'forbidden');
  return { concernCase, can };
}
