import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { CollaborativeContext } from '../../access/loaders/collaborative.ts';
import type { Db } from '../../db/client.ts';
import { HttpError } from '../../lib/http-error.ts';
import { AREAS } from '../../reference/reference-data.ts';
import { warningLines, type TextFlag } from '../meetings/learner-check.ts';
import type { School } from '../meetings/meeting-repository.ts';
import { PROGRESSION_STEPS, type SessionForm } from './progression-form.ts';
import * as repo from './progression-repository.ts';
import { FormText, Uuid, Version } from '../../lib/request-schemas.ts';

export const access = { access: { permission: 'collaboratives.read' } } as const;
export const view = (name: string) => `features/progression/views/${name}.njk`;
const field = FormText(40_000);
export const CollaborativeParams = Type.Object({ id: Uuid });
export const SessionParams = Type.Object({ id: Uuid, sessionId: Uuid });
export const SessionBody = Type.Object({
  version: Type.Optional(Version),
  'heldOn-day': field,
  'heldOn-month': field,
  'heldOn-year': field,
  area: field,
  progressionStep: field,
  focus: field,
  samples: field,
  expectations: field,
  schools: Type.Optional(Type.Array(Type.String({ maxLength: 20 }), { maxItems: 500 })),
  learnerDataChecked: Type.Optional(Type.Array(Type.String({ maxLength: 10 }), { maxItems: 2 })),
});

export const sectionModel = (request: FastifyRequest, ctx: CollaborativeContext, titleKey: string) => ({
  title: request.t(titleKey),
  activeNav: 'collaboratives',
  collaborative: ctx.collaborative,
  collabCan: ctx.can,
  collaborativeSection: 'progression',
  areas: AREAS,
  steps: PROGRESSION_STEPS,
});

export async function sessionOr404(db: Db, collaborativeId: string, id: string) {
  const session = await repo.findSession(db, collaborativeId, id);
  if (!session) throw new HttpError(404, 'not-found');
  return session;
}

/** The add and edit forms, with the learner-data prompt when the samples need a second look. */
export function renderSessionForm(
  request: FastifyRequest,
  reply: FastifyReply,
  ctx: CollaborativeContext,
  model: {
    form: SessionForm;
    schools: School[];
    formAction: string;
    flags?: TextFlag[];
    version?: number;
    session?: repo.ProgressionSession;
  } & Record<string, unknown>,
  status = 200,
) {
  const warning = warningLines(request.t, model.flags ?? [], {
    samples: 'meetings.learnerData.changeSamples',
    expectations: 'meetings.learnerData.change',
  });
  return reply.status(status).page(view('form'), {
    ...sectionModel(request, ctx, model.version ? 'progression.form.editTitle' : 'progression.form.addTitle'),
    ...model,
    warning,
  });
}
