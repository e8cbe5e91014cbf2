import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { AppDeps } from '../../app-deps.ts';
import type { Db } from '../../db/client.ts';
import { collaborativeAccess, type CollaborativeContext } from '../../collaboration/collaborative-access.ts';
import { HttpError } from '../../lib/http-error.ts';
import { enquiryCan, type EnquiryCan } from '../../policy/enquiry-policy.ts';
import * as repo from './enquiry-repository.ts';
import { FormText, Uuid, Version } from '../../lib/request-schemas.ts';

export const read = { access: { permission: 'collaboratives.read' } } as const;
export const CollaborativeParams = Type.Object({ id: Uuid });
export const EnquiryParams = Type.Object({ id: Uuid, enquiryId: Uuid });
export const NoteParams = Type.Object({ id: Uuid, enquiryId: Uuid, noteId: Uuid });
export const field = FormText(20_000);
export const many = Type.Optional(Type.Union([Type.String({ maxLength: 100 }), Type.Array(Type.String({ maxLength: 100 }), { maxItems: 500 })]));
export const VersionBody = { version: Version };

export type TypedApp = Parameters<FastifyPluginAsyncTypebox<AppDeps>>[0];
export const view = (name: string) => `features/peer-enquiry/views/${name}.njk`;

export type EnquiryContext = CollaborativeContext & {
  enquiry: repo.Enquiry;
  hostName: string;
  facilitatorName: string | null;
  reviewers: Awaited<ReturnType<typeof repo.reviewersOf>>;
  enquiryCan: EnquiryCan;
};

/**
 * Loads the enquiry in the URL: 404 when the user has no business with the collaborative's space
 * or the enquiry is not this collaborative's, 403 when they may look at it but not do `need`.
 */
export async function enquiryAccess(db: Db, request: FastifyRequest, collaborativeId: string, enquiryId: string, need?: keyof EnquiryCan): Promise<EnquiryContext> {
  const ctx = await collaborativeAccess(db, request, collaborativeId, 'space');
  const found = await repo.findEnquiry(db, ctx.collaborative.id, enquiryId);
  if (!found) throw new HttpError(404, 'not-found');
  const reviewers = await repo.reviewersOf(db, found.enquiry.id);
  const can = enquiryCan(request.user, ctx.can, { ...found.enquiry, reviewerIds: reviewers.map((r) => r.userId) });
  if (!can.seeHeadline) throw new HttpError(404, 'not-found');
  if (need && !can[need]) throw new HttpError(403, 'forbidden');
  return { ...ctx, enquiry: found.enquiry, hostName: found.hostName, facilitatorName: found.facilitatorName, reviewers, enquiryCan: can };
}

/** What every enquiry page passes to the collaborative's layout and its own partials. */
export function pageModel(ctx: EnquiryContext, title: string) {
  return {
    title, activeNav: 'collaboratives', collaborative: ctx.collaborative, collabCan: ctx.can, collaborativeSection: 'enquiries',
    enquiry: ctx.enquiry, hostName: ctx.hostName, facilitatorName: ctx.facilitatorName, reviewers: ctx.reviewers, enquiryCan: ctx.enquiryCan,
    enquiryHref: enquiryHref(ctx.collaborative.id, ctx.enquiry.id),
  };
}

export const enquiryHref = (collaborativeId: string, enquiryId: string) => `/collaboratives/${collaborativeId}/enquiries/${enquiryId}`;
