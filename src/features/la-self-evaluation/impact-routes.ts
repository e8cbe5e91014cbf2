import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { FeaturePlugin } from '../../app-deps.ts';
import { presentErrors, text } from '../../lib/forms.ts';
import { HttpError } from '../../lib/http-error.ts';
import { requireUuid } from '../../school/school-items.ts';
import { findImpact, findPriority, type LaPriority } from './priority-repository.ts';
import { saveImpact } from './plan-service.ts';
import {
  dateFields,
  dateFrom,
  dateToParts,
  field,
  ItemParams,
  laManage,
  seContext,
  seModel,
  version,
  view,
  type SeContext,
} from './se-context.ts';
import type { ImpactForm } from './se-forms.ts';
import { impactConflict } from './se-presenter.ts';
import { scoped } from '../../access/scopes.ts';

const ImpactBody = Type.Object({ version, whatChanged: field, ...dateFields('reviewedOn') });

/** The impact review of one of the LA's priorities: what changed, and when it was reviewed. */
export const impactRoutes: FeaturePlugin<'database' | 'clock'> = async (app, { database, clock }) => {
  const db = database.db;
  const path = '/local-authorities/:code/self-evaluation/priorities/:id/impact';

  async function priorityOf(request: FastifyRequest, id: string) {
    const { se } = await seContext(db, request, clock.now());
    const priority = await findPriority(db, se.la.code, requireUuid(id));
    if (!priority) throw new HttpError(404, 'not-found');
    return { se, priority, impact: await findImpact(db, priority.id) };
  }
  function render(
    request: FastifyRequest,
    reply: FastifyReply,
    se: SeContext,
    priority: LaPriority,
    values: ImpactForm & { version?: number },
    status = 200,
    extra: object = {},
  ) {
    const back = `${se.base}/priorities/${priority.id}`;
    return reply.status(status).page(view('impact-form'), {
      title: request.t('laSelfEvaluation.impact.title'),
      ...seModel(se, 'priorities', null),
      priority,
      values,
      action: `${back}/impact`,
      cancel: back,
      ...extra,
    });
  }

  app.get(
    path,
    { config: scoped(laManage, 'la', 'editSelfEvaluation'), schema: { params: ItemParams } },
    async (request, reply) => {
      const { se, priority, impact } = await priorityOf(request, request.params.id);
      const values = impact
        ? { whatChanged: impact.whatChanged, reviewedOn: dateToParts(impact.reviewedOn), version: impact.version }
        : { whatChanged: '', reviewedOn: { day: '', month: '', year: '' } };
      return render(request, reply, se, priority, values);
    },
  );

  app.post(
    path,
    { config: scoped(laManage, 'la', 'editSelfEvaluation'), schema: { params: ItemParams, body: ImpactBody } },
    async (request, reply) => {
      const { se, priority, impact } = await priorityOf(request, request.params.id);
      const values: ImpactForm = {
        whatChanged: text(request.body.whatChanged),
        reviewedOn: dateFrom(request.body, 'reviewedOn'),
      };
      // Editing a review needs the version it started from; a first review needs none.
      const existing = impact ? { row: impact, version: request.body.version ?? 0 } : null;
      const result = await saveImpact(
        db,
        { actorId: request.user!.id, language: request.lang, now: clock.now() },
        priority.id,
        values,
        existing,
      );
      if (result.ok) return reply.redirect(`${se.base}/priorities/${priority.id}?saved=impact#impact`, 303);
      if (result.reason === 'invalid')
        return render(
          request,
          reply,
          se,
          priority,
          { ...values, version: request.body.version },
          400,
          presentErrors(result.errors, request.t),
        );
      return render(request, reply, se, priority, { ...values, version: result.current?.version }, 409, {
        conflict: impactConflict(result.current, values, request.t),
        errors: [{ text: request.t('common.conflict.title'), href: '#conflict' }],
      });
    },
  );
};
