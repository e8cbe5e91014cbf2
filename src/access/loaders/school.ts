// The school scope's loader: the school named in the URL, and what this user may do in its
// improvement area (src/policy/school-policy.ts).
import type { FastifyRequest } from 'fastify';
import type { Db } from '../../db/client.ts';
import { HttpError } from '../../lib/http-error.ts';
import { schoolCan, type SchoolCan, type SchoolContext } from '../../policy/school-policy.ts';
import { findSchoolContext } from '../../school/school-repository.ts';

export type SchoolRequestContext = { school: SchoolContext; can: SchoolCan };

/**
 * Loads the school named in the URL and decides what this user may do there. A school the
 * user has nothing to do with is a 404, not a 403: its improvement area is not theirs to know of.
 */
export async function schoolAccess(db: Db, request: FastifyRequest, number: string, need: keyof SchoolCan = 'viewArea'): Promise<SchoolRequestContext> {
  const school = await findSchoolContext(db, number);
  if (!school) throw new HttpError(404, 'not-found');
  const can = schoolCan(request.user, school);
  if (!can.viewArea) throw new HttpError(404, 'not-found');
  if (!can[need]) throw new HttpError(403, 'forbidden');
  return { school, can };
}
