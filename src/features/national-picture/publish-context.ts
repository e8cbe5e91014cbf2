import { Type } from '@sinclair/typebox';
import { scoped } from '../../access/scopes.ts';
import { FormText, Uuid, Version } from '../../lib/request-schemas.ts';

/** WG's national pages: the permission gates the route before anything else. */
export const nationalRead = { access: { permission: 'national.read' } } as const;
/** WG's publishing pages: the permission, then the national scope's `publish` need (DOMAIN.md section 6). */
export const wgRoute = scoped(nationalRead, 'national', 'publish');
export const view = (name: string) => `features/national-picture/views/publish-${name}.njk`;
export const PRIORITIES = '/national/priorities';
export const SUPPORT = '/national/support';

const field = FormText(20_000);
const dateBoxes = { 'publishedOn-day': field, 'publishedOn-month': field, 'publishedOn-year': field };
export const CodeParams = Type.Object({ code: Type.String({ pattern: '^[a-z_]{1,40}$', maxLength: 40 }) });
export const IdParams = Type.Object({ id: Uuid });
export const PriorityBody = Type.Object({
  code: field,
  nameEn: field,
  nameCy: field,
  descriptionEn: field,
  descriptionCy: field,
  supporting: field,
  fingerprint: FormText(64),
  ...dateBoxes,
});
export const SupportBody = Type.Object({
  version: Type.Optional(Version),
  kind: field,
  titleEn: field,
  titleCy: field,
  descriptionEn: field,
  descriptionCy: field,
  programmeCode: field,
  url: field,
  nationalPriorities: Type.Optional(
    Type.Union([Type.String({ maxLength: 40 }), Type.Array(Type.String({ maxLength: 40 }), { maxItems: 50 })]),
  ),
  ...dateBoxes,
});
export const DoneQuery = Type.Object({ done: FormText(20) });
