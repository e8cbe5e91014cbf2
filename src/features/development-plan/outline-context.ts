import { Type } from '@sinclair/typebox';
import type { Db } from '../../db/client.ts';
import { HttpError } from '../../lib/http-error.ts';
import { SchoolNumber, Uuid } from '../../lib/request-schemas.ts';
import * as outlines from './outline-repository.ts';
import type { DevelopmentPlan } from './plan-repository.ts';

export const OutlineParams = Type.Object({ number: SchoolNumber, outlineId: Uuid });

/** An outline entry of this school's current plan, or a 404 (another school's is as good as missing). */
export async function outlineEntryOr404(db: Db, plan: DevelopmentPlan, id: string) {
  const entry = await outlines.findSchoolOutline(db, plan.schoolNumber, id);
  if (!entry || entry.planId !== plan.id) throw new HttpError(404, 'not-found');
  return entry;
}
