import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps, FeaturePlugin } from '../../app-deps.ts';
import { presentErrors } from '../../lib/forms.ts';
import { laModel } from '../../local-authority/la-model.ts';
import { type LaContext } from '../../access/loaders/la.ts';
import { emptyPartnershipForm, readPartnershipForm, type PartnershipForm } from './partnership-form.ts';
import { CodeParams, laManage, laRead, PartnershipBody, view } from './partnership-context.ts';
import { partnershipRows, formModel } from './partnership-presenter.ts';
import * as repo from './partnership-repository.ts';
import { createPartnership } from './partnership-service.ts';
import { laScope } from '../../access/request-scope.ts';
import { scoped } from '../../access/scopes.ts';

async function renderNew(
  db: AppDeps['database']['db'],
  request: FastifyRequest,
  reply: FastifyReply,
  ctx: LaContext,
  form: PartnershipForm,
  extra: Record<string, unknown> = {},
  status = 200,
) {
  const las = await repo.allLocalAuthorities(db);
  return reply.status(status).page(view('form'), {
    title: request.t('partnerships.form.addTitle'),
    ...laModel(ctx, 'partnerships'),
    ...formModel(request, las, form),
    formAction: `/local-authorities/${ctx.la.code}/partnerships/new`,
    cancelHref: `/local-authorities/${ctx.la.code}/partnerships`,
    ...extra,
  });
}

/** The partnerships an LA belongs to, in its own area, and the form its officers record one with. */
export const laPartnershipRoutes: FeaturePlugin<'database' | 'clock'> = async (app, { database, clock }) => {
  const db = database.db;

  app.get(
    '/local-authorities/:code/partnerships',
    { config: scoped(laRead, 'la'), schema: { params: CodeParams } },
    async (request, reply) => {
      const ctx = laScope(request);
      const [partnerships, las] = await Promise.all([repo.listForLa(db, ctx.la.code), repo.allLocalAuthorities(db)]);
      return reply.page(view('la-list'), {
        title: request.t('partnerships.laList.title', { la: ctx.laName }),
        ...laModel(ctx, 'partnerships'),
        rows: partnershipRows(request.lang, partnerships, las, clock.now()),
      });
    },
  );

  app.get(
    '/local-authorities/:code/partnerships/new',
    { config: scoped(laManage, 'la', 'officer'), schema: { params: CodeParams } },
    async (request, reply) => {
      const ctx = laScope(request);
      return renderNew(db, request, reply, ctx, emptyPartnershipForm(ctx.la.code));
    },
  );

  app.post(
    '/local-authorities/:code/partnerships/new',
    { config: scoped(laManage, 'la', 'officer'), schema: { params: CodeParams, body: PartnershipBody } },
    async (request, reply) => {
      const ctx = laScope(request);
      const form = readPartnershipForm(request.body);
      const las = await repo.allLocalAuthorities(db);
      const result = await createPartnership(
        db,
        request.user!.id,
        form,
        las.map((la) => la.code),
        [ctx.la.code],
        request.lang,
      );
      if (result.ok) return reply.redirect(`/partnerships/${result.partnership.id}?done=created`, 303);
      return renderNew(
        db,
        request,
        reply,
        ctx,
        form,
        result.reason === 'invalid' ? presentErrors(result.errors, request.t) : {},
        400,
      );
    },
  );
};
