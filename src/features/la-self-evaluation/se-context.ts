import type { FastifyRequest } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { Db } from '../../db/client.ts';
import { dateToParts, type DateParts } from '../../lib/govuk-date-input.ts';
import { laScope } from '../../access/request-scope.ts';
import { laModel } from '../../local-authority/la-model.ts';
import { type LaContext } from '../../access/loaders/la.ts';
import { academicYearOf } from '../../reference/reference-data.ts';
import { findCycle, type LaCycle } from './cycle-repository.ts';
import { CodeList, FormText, IdList, LaCode, Uuid, Version } from '../../lib/request-schemas.ts';

/** Shared by the routes of the LA's self-evaluation: access, parameters and the page model. */
export const laRead = { access: { permission: 'la.read' } } as const;
/** Changes: officers only at the route (improvement partners read), then the LA scope decides which LA. */
export const laManage = { access: { permission: 'la.manage' } } as const;
export const CodeParams = Type.Object({ code: LaCode });
export const ItemParams = Type.Object({ code: LaCode, id: Uuid });
export const field = FormText(20_000);
export const list = CodeList(500, 64);
export const ids = IdList(500);
export const dateFields = (name: string) => ({
  [`${name}-day`]: field,
  [`${name}-month`]: field,
  [`${name}-year`]: field,
});
export const version = Type.Optional(Version);
export const view = (name: string) => `features/la-self-evaluation/views/${name}.njk`;

export type SeContext = LaContext & { base: string; year: number };
export type SeTab = 'overview' | 'evidence' | 'findings' | 'priorities';

/** The LA the route declared (its scope hook refused non-staff and needs not theirs) and this year's cycle, if started. */
export async function seContext(db: Db, request: FastifyRequest, now: Date) {
  const ctx = laScope(request);
  const year = academicYearOf(now);
  const se: SeContext = { ...ctx, base: `/local-authorities/${ctx.la.code}/self-evaluation`, year };
  return { se, cycle: await findCycle(db, ctx.la.code, year) };
}

/** The layout's model plus the self-evaluation's own tabs. */
export function seModel(se: SeContext, tab: SeTab, cycle: LaCycle | null) {
  return {
    ...laModel(se, 'self-evaluation'),
    seTab: tab,
    base: se.base,
    year: se.year,
    cycle,
    canEdit: se.can.editSelfEvaluation,
  };
}

/** Three date boxes from a form body, as typed. */
export function dateFrom(body: Record<string, unknown>, name: string): DateParts {
  const pick = (part: string) =>
    typeof body[`${name}-${part}`] === 'string' ? (body[`${name}-${part}`] as string).trim() : '';
  return { day: pick('day'), month: pick('month'), year: pick('year') };
}
export { dateToParts };
