import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import type { AppDeps } from '../../app-deps.ts';
import { Type } from '@sinclair/typebox';
import type { Db } from '../../db/client.ts';
import { HttpError } from '../../lib/http-error.ts';
import { schoolScope } from '../../access/request-scope.ts';
import type { SchoolRequestContext } from '../../access/loaders/school.ts';
import type { ItemAccess } from '../../sharing/share-repository.ts';
import { evidenceAccess } from './evidence-policy.ts';
import * as repo from './evidence-repository.ts';
import { SchoolNumber, Uuid } from '../../lib/request-schemas.ts';

export const signedIn = { access: { signedIn: true } } as const;
export const SchoolParams = Type.Object({ number: SchoolNumber });
// Loose on purpose: a mistyped id is a page that does not exist (404), not a bad request.
export const ItemParams = Type.Object({ number: SchoolNumber, id: Uuid });
export const AttachmentParams = Type.Object({ number: SchoolNumber, id: Uuid, attachmentId: Uuid });

/** The feature's Fastify instance, with TypeBox types for params, query and body. */
export type TypedApp = Parameters<FastifyPluginAsyncTypebox<AppDeps>>[0];

export type EvidenceContext = SchoolRequestContext & { access: ItemAccess };

export const view = (name: string) => `features/evidence/views/${name}.njk`;

/** The school the route declared, what this user may do there, and which of its items they may see. */
export function evidenceContext(request: FastifyRequest): EvidenceContext {
  const ctx = schoolScope(request);
  return { ...ctx, access: evidenceAccess(request.user, ctx.school, ctx.can) };
}

/** An item this reader may see; anything else, including another school's, is a 404. */
export async function itemOr404(db: Db, ctx: EvidenceContext, id: string) {
  const found = await repo.findEvidence(db, ctx.school.number, id, ctx.access);
  if (!found) throw new HttpError(404, 'not-found');
  return found;
}

/** What every page of the section passes to the school layout. */
export const sectionModel = (ctx: EvidenceContext) => ({
  school: ctx.school,
  schoolCan: ctx.can,
  schoolSection: 'evidence',
});

export const itemHref = (schoolNumber: string, id: string) => `/schools/${schoolNumber}/evidence/${id}`;
