// The national scope's loader: Welsh Government's own pages (the national picture, national
// priorities and support, planning rounds). No record to load: the policy decides on the user alone
// (src/policy/national-policy.ts), 403 for anyone without the need.
import type { FastifyRequest } from 'fastify';
import { HttpError } from '../../lib/http-error.ts';
import { wgCan, type WgCan } from '../../policy/national-policy.ts';

export type NationalContext = { can: WgCan };

export function nationalAccess(request: FastifyRequest, need: keyof WgCan = 'read'): NationalContext {
  const can = wgCan(request.user);
  if (!can[need]) throw new HttpError(403, 'forbidden');
  return { can };
}
