import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import { HttpError } from '../../lib/http-error.ts';
import { wgCan } from '../../policy/national-policy.ts';
import { FormText, Uuid, Version } from '../../lib/request-schemas.ts';

/** WG's publishing pages: the permission gates the route, `wgCan().publish` the action (DOMAIN.md section 6). */
export const wgRoute = { access: { permission: 'national.read' } } as const;
export const view = (name: string) => `features/national-picture/views/publish-${name}.njk`;
export const PRIORITIES = '/national/priorities';
export const SUPPORT = '/national/support';

export function requirePublisher(request: FastifyRequest) {
  if (!wgCan(request.user).publish) throw new HttpError(403, 'forbidden');
  return request.user!;
}

const field = FormText(20_000);
const dateBoxes = { 'publishedOn-day': field, 'publishedOn-month': field, 'publishedOn-year': field };
export const CodeParams = Type.Object({ code: Type.String({ pattern: '^[a-z_]{1,40}$', maxLength: 40 }) });
export const IdParams = Type.Object({ id: Uuid });
export const PriorityBody = Type.Object({ code: field, nameEn: field, nameCy: field, descriptionEn: field, descriptionCy: field, supporting: field, fingerprint: FormText(64), ...dateBoxes });
export const SupportBody = Type.Object({
  version: Type.Optional(Version),
  kind: field, titleEn: field, titleCy: field, descriptionEn: field, descriptionCy: field, programmeCode: field, url: field,
  nationalPriorities: Type.Optional(Type.Union([Type.String({ maxLength: 40 }), Type.Array(Type.String({ maxLength: 40 }), { maxItems: 50 })])),
  ...dateBoxes,
});
export const DoneQuery = Type.Object({ done: FormText(20) });
