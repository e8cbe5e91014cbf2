/** Helpers for the routes of a school's own items (evidence, findings, priorities...). */
import type { FastifyRequest } from 'fastify';
import { HttpError } from '../lib/http-error.ts';
import { audiencesFor } from '../policy/school-policy.ts';
import type { SchoolRequestContext } from '../access/loaders/school.ts';
import type { ItemAccess } from '../sharing/share-repository.ts';
import { isUuid } from '../lib/request-schemas.ts';

/** A malformed id names nothing: the same 404 as an id that does not exist. */
export function requireUuid(id: string): string {
  if (!isUuid(id)) throw new HttpError(404, 'not-found');
  return id;
}

/** Staff read all of their school's items; governors and the LA only what was shared with them. */
export function readerAccess(request: FastifyRequest, ctx: SchoolRequestContext): ItemAccess {
  return ctx.can.readPrivate ? { all: true } : { audiences: audiencesFor(request.user, ctx.school) };
}

/** Checkbox values arrive as one string, several, or none. */
export function idList(value: string | string[] | undefined): string[] {
  return [
    ...new Set(
      [value ?? []]
        .flat()
        .map((v) => v.trim())
        .filter(Boolean),
    ),
  ];
}

/** The sharing route comes back with `?shared=add|remove`: the page then says what changed. */
export function sharedNotice(value: string | undefined): 'add' | 'remove' | null {
  return value === 'add' || value === 'remove' ? value : null;
}
