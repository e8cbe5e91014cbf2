// The case-study scope's loader: the good-practice case study named in the URL, and what this user
// may do with it (src/policy/case-study-policy.ts).
import type { FastifyRequest } from 'fastify';
import type { Db } from '../../db/client.ts';
import { HttpError } from '../../lib/http-error.ts';
import { caseStudyCan, type CaseStudyCan } from '../../policy/case-study-policy.ts';
import { findCaseStudy } from '../../sharing/good-practice-repository.ts';

export type CaseStudyContext = NonNullable<Awaited<ReturnType<typeof findCaseStudy>>> & { can: CaseStudyCan };

/** The case study in the URL: 404 unless published or the user writes it; 403 if they may only read it. */
export async function caseStudyAccess(
  db: Db,
  request: FastifyRequest,
  id: string,
  need: keyof CaseStudyCan = 'view',
): Promise<CaseStudyContext> {
  const found = await findCaseStudy(db, id);
  if (!found) throw new HttpError(404, 'not-found');
  const can = caseStudyCan(request.user, found.caseStudy);
  if (!can.view) throw new HttpError(404, 'not-found');
  if (!can[need]) throw new HttpError(403, 'forbidden');
  return { ...found, can };
}
