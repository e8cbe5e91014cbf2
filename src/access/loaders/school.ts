// The school and governing-body scopes' loader: the school named in the URL, what this user may do
// in its improvement area (src/policy/school-policy.ts), and what is theirs as, or for, its
// governing body (src/policy/governing-body-policy.ts). Both scopes load the same context, so a
// school page can tell whether the governing body's pages are open to its reader, and back.
import type { FastifyRequest } from 'fastify';
import type { Db } from '../../db/client.ts';
import { HttpError } from '../../lib/http-error.ts';
import { governingBodyCan, type GoverningBodyCan } from '../../policy/governing-body-policy.ts';
import { schoolCan, type SchoolCan, type SchoolContext } from '../../policy/school-policy.ts';
import { holdsScope } from '../../policy/policy.ts';
import { isDelegated } from '../../school/approval-delegation-repository.ts';
import { findSchoolContext } from '../../school/school-repository.ts';

export type SchoolRequestContext = { school: SchoolContext; can: SchoolCan; governingBodyCan: GoverningBodyCan };

/**
 * The school named in the URL and what this user may do there. A school the user has nothing to
 * do with is a 404, not a 403: its improvement area is not theirs to know of.
 */
async function loadSchool(db: Db, request: FastifyRequest, number: string): Promise<SchoolRequestContext> {
  const school = await findSchoolContext(db, number);
  if (!school) throw new HttpError(404, 'not-found');
  const can = schoolCan(request.user, school);
  if (!can.viewArea) throw new HttpError(404, 'not-found');
  // Only a governor of this body can hold a delegation: nobody else costs a query.
  const body = school.governingBodyId;
  const delegatedToApprove =
    !!body &&
    !!request.user &&
    holdsScope(request.user, 'governor', body) &&
    (await isDelegated(db, body, request.user.id));
  return { school, can, governingBodyCan: governingBodyCan(request.user, school, { delegatedToApprove }) };
}

/** The school scope: 404 as above, 403 when the user may see the area but not do `need`. */
export async function schoolAccess(
  db: Db,
  request: FastifyRequest,
  number: string,
  need: keyof SchoolCan = 'viewArea',
): Promise<SchoolRequestContext> {
  const ctx = await loadSchool(db, request, number);
  if (!ctx.can[need]) throw new HttpError(403, 'forbidden');
  return ctx;
}

/** The governing-body scope: the same 404 (its governors see the school's area), 403 when `need` is not theirs. */
export async function governingBodyAccess(
  db: Db,
  request: FastifyRequest,
  number: string,
  need: keyof GoverningBodyCan = 'member',
): Promise<SchoolRequestContext> {
  const ctx = await loadSchool(db, request, number);
  if (!ctx.governingBodyCan[need]) throw new HttpError(403, 'forbidden');
  return ctx;
}
