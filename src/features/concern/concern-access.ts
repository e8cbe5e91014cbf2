import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import type { CaseContext } from '../../access/loaders/concern-case.ts';
import { FormText, Uuid } from '../../lib/request-schemas.ts';

export const concernRead = { access: { permission: 'concern.read' } } as const;
export const view = (name: string) => `features/concern/views/${name}.njk`;
export const field = FormText(20_000);
export const codes = Type.Optional(Type.Array(Type.String({ maxLength: 60 }), { maxItems: 20 }));
export const dateFields = (name: string) => ({
  [`${name}-day`]: field,
  [`${name}-month`]: field,
  [`${name}-year`]: field,
});
export const CaseParams = Type.Object({ id: Uuid });
export const NoticeParams = Type.Object({ id: Uuid, noticeId: Uuid });
export const ItemParams = Type.Object({ id: Uuid, itemId: Uuid });

/** What every page of a case passes to its views. */
export function caseModel(request: FastifyRequest, ctx: CaseContext, title: string) {
  const c = ctx.concernCase;
  return {
    title,
    activeNav: ctx.can.manage ? 'localImprovement' : 'account',
    concernCase: c,
    caseCan: ctx.can,
    laName: request.lang === 'cy' ? c.laNameCy : c.laNameEn,
    caseUrl: `/concern-cases/${c.id}`,
  };
}
