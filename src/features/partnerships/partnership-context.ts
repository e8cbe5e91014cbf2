import { Type } from '@sinclair/typebox';
import type { LocalAuthority } from './partnership-repository.ts';
import { FormText, LaCode, Uuid, Version } from '../../lib/request-schemas.ts';

export const partnershipsRead = { access: { permission: 'partnerships.read' } } as const;
export const laRead = { access: { permission: 'la.read' } } as const;
export const laManage = { access: { permission: 'la.manage' } } as const;
export const view = (name: string) => `features/partnerships/views/${name}.njk`;
const field = FormText(20_000);
export const IdParams = Type.Object({ id: Uuid });
export const StaffParams = Type.Object({ id: Uuid, staffId: Uuid });
export const CodeParams = Type.Object({ code: LaCode });
export const PartnershipBody = Type.Object({
  version: Type.Optional(Version),
  kind: field,
  nameEn: field,
  nameCy: field,
  purpose: field,
  services: field,
  members: Type.Optional(Type.Array(Type.String({ maxLength: 3 }), { maxItems: 30 })),
  'startsOn-day': field,
  'startsOn-month': field,
  'startsOn-year': field,
  'endsOn-day': field,
  'endsOn-month': field,
  'endsOn-year': field,
});
export const StaffBody = Type.Object({ name: field, post: field, employingLaCode: field });

export const nameIn = (lang: string, named: { nameEn: string; nameCy: string }) =>
  lang === 'cy' ? named.nameCy : named.nameEn;

/** LA names in the reader's language, by code. */
export const laNamer = (lang: string, las: LocalAuthority[]) => {
  const byCode = new Map(las.map((la) => [la.code, nameIn(lang, la)]));
  return (code: string | null) => (code ? (byCode.get(code) ?? code) : '');
};
