import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import type { Db } from '../../db/client.ts';
import { HttpError } from '../../lib/http-error.ts';
import { concernCaseCan, type ConcernCaseCan } from '../../policy/concern-case-policy.ts';
import { findCase, type CaseWithSchool } from './concern-repository.ts';
import { FormText, Uuid } from '../../lib/request-schemas.ts';

export const concernRead = { access: { permission: 'concern.read' } } as const;
export const view = (name: string) => `features/concern/views/${name}.njk`;
export const field = FormText(20_000);
export const codes = Type.Optional(Type.Array(Type.String({ maxLength: 60 }), { maxItems: 20 }));
export const dateFields = (name: string) => ({ [`${name}-day`]: field, [`${name}-month`]: field, [`${name}-year`]: field });
export const CaseParams = Type.Object({ id: Uuid });
export const NoticeParams = Type.Object({ id: Uuid, noticeId: Uuid });
export const ItemParams = Type.Object({ id: Uuid, itemId: Uuid });

export type CaseContext = { concernCase: CaseWithSchool; can: ConcernCaseCan };

/**
 * The case in the URL, for someone who may see it: 404 for anyone else holding 'concern.read' (another
 * LA's officer, another school's head), the same answer as for a case that does not exist. Roles
 * without the permission (improvement partners, the school's other staff and governors) are refused
 * with 403 before any case is looked up, so they learn nothing either. 403 too when the headteacher
 * or chair, who may only read, asks to change it.
 */
export async function caseAccess(db: Db, request: FastifyRequest, id: string, need: keyof ConcernCaseCan = 'view'): Promise<CaseContext> {
  const concernCase = await findCase(db, id);
  if (!concernCase) throw new HttpError(404, 'not-found');
  const can = concernCaseCan(request.user, concernCase);
  if (!can.view) throw new HttpError(404, 'not-found');
  if (!can[need]) throw new HttpError(403, 'forbidden');
  return { concernCase, can };
}

/** What every page of a case passes to its views. */
export function caseModel(request: FastifyRequest, ctx: CaseContext, title: string) {
  const c = ctx.concernCase;
  return { title, activeNav: ctx.can.manage ? 'localImprovement' : 'account', concernCase: c, caseCan: ctx.can, laName: request.lang === 'cy' ? c.laNameCy : c.laNameEn, caseUrl: `/concern-cases/${c.id}` };
}
