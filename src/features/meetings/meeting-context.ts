import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import type { CollaborativeContext } from '../../access/loaders/collaborative.ts';
import { HttpError } from '../../lib/http-error.ts';
import type { Db } from '../../db/client.ts';
import * as repo from './meeting-repository.ts';
import { FormText, Uuid, Version } from '../../lib/request-schemas.ts';

export const access = { access: { permission: 'collaboratives.read' } } as const;
export const view = (name: string) => `features/meetings/views/${name}.njk`;
export const field = FormText(40_000);
export const CollaborativeParams = Type.Object({ id: Uuid });
export const MeetingParams = Type.Object({ id: Uuid, meetingId: Uuid });
export const ActionParams = Type.Object({ id: Uuid, meetingId: Uuid, actionId: Uuid });
export const MeetingBody = Type.Object({
  version: Type.Optional(Version),
  title: field,
  'meetsOn-day': field,
  'meetsOn-month': field,
  'meetsOn-year': field,
  startsAt: field,
  endsAt: field,
  location: field,
  agenda: field,
  attendees: field,
  notes: field,
  schools: Type.Optional(Type.Array(Type.String({ maxLength: 20 }), { maxItems: 500 })),
  learnerDataChecked: Type.Optional(Type.Array(Type.String({ maxLength: 10 }), { maxItems: 2 })),
});

/** What every page of the section passes to the collaborative's layout. */
export const sectionModel = (request: FastifyRequest, ctx: CollaborativeContext, titleKey: string) => ({
  title: request.t(titleKey),
  activeNav: 'collaboratives',
  collaborative: ctx.collaborative,
  collabCan: ctx.can,
  collaborativeSection: 'meetings',
});

export async function meetingOr404(db: Db, collaborativeId: string, id: string) {
  const meeting = await repo.findMeeting(db, collaborativeId, id);
  if (!meeting) throw new HttpError(404, 'not-found');
  return meeting;
}

export const nameOf = (lang: string, c: { nameEn: string; nameCy: string }) => (lang === 'cy' ? c.nameCy : c.nameEn);
