import { withReaderTexts } from '../../lib/reader-texts.ts';
import type { FastifyRequest } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { FeaturePlugin } from '../../app-deps.ts';
import type { Db } from '../../db/client.ts';
import { HttpError } from '../../lib/http-error.ts';
import { academicYearOf } from '../../reference/reference-data.ts';
import { findCycleId } from '../development-plan/plan-repository.ts';
import { EnquiryParams, enquiryHref, many, pageModel, read, view } from './enquiry-context.ts';
import { type EnquiryContext } from '../../access/loaders/enquiry.ts';
import { list } from './enquiry-form.ts';
import * as repo from './enquiry-repository.ts';
import { updatePack } from './enquiry-work-service.ts';
import { FormText } from '../../lib/request-schemas.ts';
import { enquiryScope } from '../../access/request-scope.ts';
import { scoped } from '../../access/scopes.ts';

const TYPES = ['evidence', 'finding', 'priority'] as const;

/** The host's current-cycle items, as the person choosing may choose them: a leader who is not the headteacher only sees what is in. */
async function choiceGroups(db: Db, request: FastifyRequest, ctx: EnquiryContext, now: Date) {
  const cycleId = await findCycleId(db, ctx.enquiry.hostSchoolNumber, academicYearOf(now));
  const candidates = cycleId
    ? await repo.packCandidates(db, ctx.enquiry.hostSchoolNumber, cycleId)
    : { evidence: [], finding: [], priority: [] };
  const inPack = new Set((await repo.packItemKeys(db, ctx.enquiry.id)).map((k) => `${k.itemType}:${k.itemId}`));
  const keys = TYPES.flatMap((type) => candidates[type].map((c) => ({ itemType: type, itemId: c.id })));
  const groups = TYPES.map((type) => ({
    type,
    legend: request.t(`enquiries.pack.types.${type}`),
    items: candidates[type]
      .filter((c) => ctx.enquiryCan.addPackItem || inPack.has(`${type}:${c.id}`))
      .map((c) => ({
        value: `${type}:${c.id}`,
        text: c.title,
        checked: inPack.has(`${type}:${c.id}`),
        attributes: { lang: c.language },
      })),
  }));
  return { groups, keys };
}

/** The pack: the host chooses items of its cycle; the team reads them while the enquiry is open. */
export const enquiryPackRoutes: FeaturePlugin<'database' | 'clock'> = async (app, deps) => {
  const db = deps.database.db;
  const clock = deps.clock;

  app.get(
    '/collaboratives/:id/enquiries/:enquiryId/pack',
    {
      config: scoped(read, 'enquiry'),
      schema: { params: EnquiryParams, querystring: Type.Object({ saved: FormText(2) }) },
    },
    async (request, reply) => {
      const ctx = enquiryScope(request);
      const model = pageModel(ctx, request.t('enquiries.pack.title'), request.lang);
      // A reviewer whose access ended is told so, not shown a bare refusal.
      if (ctx.enquiryCan.packEnded) return reply.status(403).page(view('pack-ended'), model);
      if (!ctx.enquiryCan.readPack) throw new HttpError(403, 'forbidden');
      const contents = await repo.packContents(db, ctx.enquiry.id, ctx.enquiry.hostSchoolNumber);
      return reply.page(view('pack'), {
        ...model,
        contents: {
          evidence: contents.evidence.map((e) => withReaderTexts(e, ['title', 'body'], request.lang)),
          finding: contents.finding.map((f) => withReaderTexts(f, ['title', 'body'], request.lang)),
          priority: contents.priority.map((p) => withReaderTexts(p, ['title', 'description'], request.lang)),
        },
        saved: request.query.saved === '1',
        empty: TYPES.every((type) => !contents[type].length),
      });
    },
  );

  app.get(
    '/collaboratives/:id/enquiries/:enquiryId/pack/edit',
    { config: scoped(read, 'enquiry', 'removePackItem'), schema: { params: EnquiryParams } },
    async (request, reply) => {
      const ctx = enquiryScope(request);
      return reply.page(view('pack-edit'), {
        ...pageModel(ctx, request.t('enquiries.pack.editTitle'), request.lang),
        ...(await choiceGroups(db, request, ctx, clock.now())),
      });
    },
  );

  app.post(
    '/collaboratives/:id/enquiries/:enquiryId/pack/edit',
    {
      config: scoped(read, 'enquiry', 'removePackItem'),
      schema: { params: EnquiryParams, body: Type.Object({ items: many }) },
    },
    async (request, reply) => {
      const ctx = enquiryScope(request);
      const { keys } = await choiceGroups(db, request, ctx, clock.now());
      const result = await updatePack(
        db,
        request.user!.id,
        ctx.enquiryCan,
        ctx.enquiry.id,
        keys,
        list(request.body.items),
      );
      if (!result.ok) throw new HttpError(403, 'forbidden');
      return reply.redirect(`${enquiryHref(ctx.collaborative.id, ctx.enquiry.id)}/pack?saved=1`, 303);
    },
  );
};
