import type { FastifyRequest } from 'fastify';
import { Type } from '@sinclair/typebox';
import { audiencesFor } from '../../policy/school-policy.ts';
import type { SchoolRequestContext } from '../../access/loaders/school.ts';
import type { ItemAccess } from '../../sharing/share-repository.ts';
import { SchoolNumber, Uuid } from '../../lib/request-schemas.ts';

export const signedIn = { access: { signedIn: true } } as const;
const schoolNumber = SchoolNumber;
export const SchoolParams = Type.Object({ number: schoolNumber });
export const PriorityParams = Type.Object({ number: schoolNumber, priorityId: Uuid });

export const view = (name: string) => `features/impact/views/${name}.njk`;

export function schoolModel(ctx: SchoolRequestContext) {
  return { school: ctx.school, schoolCan: ctx.can, schoolSection: 'impact' };
}

/** Staff see every review; governors and the LA those of priorities shared with them. */
export function itemAccess(request: FastifyRequest, ctx: SchoolRequestContext): ItemAccess {
  return ctx.can.readPrivate ? { all: true } : { audiences: audiencesFor(request.user, ctx.school) };
}
