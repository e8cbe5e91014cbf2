import type { FastifyRequest } from 'fastify';
import type { Db } from '../../db/client.ts';
import { HttpError } from '../../lib/http-error.ts';
import { collaborativeCan, type CollaborativeCan } from './collaborative-policy.ts';
import * as repo from './collaborative-repository.ts';

export type CollaborativeContext = { collaborative: NonNullable<Awaited<ReturnType<typeof repo.findCollaborative>>>; can: CollaborativeCan };

/** Loads the collaborative in the URL: 404 if it is none of the user's business, 403 if they may only look. */
export async function collaborativeAccess(db: Db, request: FastifyRequest, id: string, need: keyof CollaborativeCan = 'view'): Promise<CollaborativeContext> {
  const collaborative = await repo.findCollaborative(db, id);
  if (!collaborative) throw new HttpError(404, 'not-found');
  const can = collaborativeCan(request.user, collaborative);
  if (!can.view) throw new HttpError(404, 'not-found');
  if (!can[need]) throw new HttpError(403, 'forbidden');
  return { collaborative, can };
}
