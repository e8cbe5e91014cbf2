import type { FastifyRequest } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { Db } from '../../db/client.ts';
import { HttpError } from '../../lib/http-error.ts';
import { audiencesFor } from '../../policy/school-policy.ts';
import { academicYearOf } from '../../reference/reference-data.ts';
import type { SchoolRequestContext } from '../../access/loaders/school.ts';
import type { ItemAccess } from '../../sharing/share-repository.ts';
import { currentPlan } from './plan-repository.ts';
import { BoundedInteger, FormText, SchoolNumber, Uuid } from '../../lib/request-schemas.ts';

export const signedIn = { access: { signedIn: true } } as const;
const schoolNumber = SchoolNumber;
export const SchoolParams = Type.Object({ number: schoolNumber });
export const PriorityParams = Type.Object({ number: schoolNumber, priorityId: Uuid });
export const ActionParams = Type.Object({ number: schoolNumber, id: Uuid });
export const RevisionParams = Type.Object({ number: schoolNumber, n: BoundedInteger(1, 100_000) });
/** A form field as typed; the services decide what is acceptable and say so on the page. */
export const field = FormText(20_000);

export const view = (name: string) => `features/development-plan/views/${name}.njk`;

/** What every page of the plan area passes to the school layout. */
export function schoolModel(ctx: SchoolRequestContext) {
  return { school: ctx.school, schoolCan: ctx.can, schoolSection: 'plan' };
}

/** The school's staff see every item; anyone else only what was shared with an audience they belong to. */
export function itemAccess(request: FastifyRequest, ctx: SchoolRequestContext): ItemAccess {
  return ctx.can.readPrivate ? { all: true } : { audiences: audiencesFor(request.user, ctx.school) };
}

export async function currentPlanOr404(db: Db, schoolNumber: string, now: Date) {
  const year = academicYearOf(now);
  const plan = await currentPlan(db, schoolNumber, year);
  if (!plan) throw new HttpError(404, 'not-found');
  return { plan, year };
}
