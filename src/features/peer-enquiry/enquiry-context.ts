import type { Language } from '../../plugins/i18n.ts';
import { readerTexts } from '../../lib/reader-texts.ts';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { AppDeps } from '../../app-deps.ts';
import type { EnquiryContext } from '../../access/loaders/enquiry.ts';
import { FormText, Uuid, Version } from '../../lib/request-schemas.ts';

export const read = { access: { permission: 'collaboratives.read' } } as const;
export const CollaborativeParams = Type.Object({ id: Uuid });
export const EnquiryParams = Type.Object({ id: Uuid, enquiryId: Uuid });
export const NoteParams = Type.Object({ id: Uuid, enquiryId: Uuid, noteId: Uuid });
export const field = FormText(20_000);
export const many = Type.Optional(
  Type.Union([Type.String({ maxLength: 100 }), Type.Array(Type.String({ maxLength: 100 }), { maxItems: 500 })]),
);
export const VersionBody = { version: Version };

export type TypedApp = Parameters<FastifyPluginAsyncTypebox<AppDeps>>[0];
export const view = (name: string) => `features/peer-enquiry/views/${name}.njk`;

/** What every enquiry page passes to the collaborative's layout and its own partials. */
/** What every enquiry page shows; `ert`, the enquiry's own texts as this reader sees them (issue 16). */
export function pageModel(ctx: EnquiryContext, title: string, reader: Language) {
  return {
    title,
    activeNav: 'collaboratives',
    collaborative: ctx.collaborative,
    collabCan: ctx.can,
    collaborativeSection: 'enquiries',
    enquiry: ctx.enquiry,
    ert: readerTexts(ctx.enquiry, ['question', 'context', 'activities', 'report'], reader),
    hostName: ctx.hostName,
    facilitatorName: ctx.facilitatorName,
    reviewers: ctx.reviewers,
    enquiryCan: ctx.enquiryCan,
    enquiryHref: enquiryHref(ctx.collaborative.id, ctx.enquiry.id),
  };
}

export const enquiryHref = (collaborativeId: string, enquiryId: string) =>
  `/collaboratives/${collaborativeId}/enquiries/${enquiryId}`;
