import type { FeaturePlugin } from '../../app-deps.ts';
import { managedLaCodes } from '../../policy/collaborative-policy.ts';
import { presentErrors } from '../../lib/forms.ts';
import { HttpError } from '../../lib/http-error.ts';
import { partnershipToForm, readPartnershipForm, readStaffForm } from './partnership-form.ts';
import { IdParams, PartnershipBody, partnershipsRead, StaffBody, StaffParams, view } from './partnership-context.ts';
import { formModel, partnershipConflict } from './partnership-presenter.ts';
import * as repo from './partnership-repository.ts';
import { addStaff, removeStaff, updatePartnership } from './partnership-service.ts';
import { renderPartnership } from './page-routes.ts';
import { partnershipScope } from '../../access/request-scope.ts';
import { scoped } from '../../access/scopes.ts';

/** Editing a partnership (with optimistic locking) and its shared staff: member LAs' officers. */
export const partnershipEditRoutes: FeaturePlugin<'database' | 'clock'> = async (app, { database, clock }) => {
  const db = database.db;
  const page = (id: string) => `/partnerships/${id}`;

  app.get(
    '/partnerships/:id/edit',
    { config: scoped(partnershipsRead, 'partnership', 'manage'), schema: { params: IdParams } },
    async (request, reply) => {
      const ctx = partnershipScope(request);
      const las = await repo.allLocalAuthorities(db);
      return reply.page(view('form'), {
        title: request.t('partnerships.form.editTitle'),
        activeNav: 'localImprovement',
        partnership: ctx.partnership,
        version: ctx.partnership.version,
        ...formModel(request, las, partnershipToForm(ctx.partnership, ctx.laCodes)),
        formAction: `${page(ctx.partnership.id)}/edit`,
        cancelHref: page(ctx.partnership.id),
      });
    },
  );

  app.post(
    '/partnerships/:id/edit',
    { config: scoped(partnershipsRead, 'partnership', 'manage'), schema: { params: IdParams, body: PartnershipBody } },
    async (request, reply) => {
      const ctx = partnershipScope(request);
      const las = await repo.allLocalAuthorities(db);
      const form = readPartnershipForm(request.body);
      const own = managedLaCodes(request.user);
      const result = await updatePartnership(
        db,
        request.user!.id,
        ctx.partnership,
        ctx.laCodes,
        request.body.version ?? 0,
        form,
        las.map((la) => la.code),
        own,
        request.lang,
      );
      if (result.ok) return reply.redirect(`${page(ctx.partnership.id)}?done=saved`, 303);
      const model = {
        title: request.t('partnerships.form.editTitle'),
        activeNav: 'localImprovement',
        partnership: ctx.partnership,
        ...formModel(request, las, form),
        formAction: `${page(ctx.partnership.id)}/edit`,
        cancelHref: page(ctx.partnership.id),
      };
      if (result.reason === 'invalid')
        return reply.status(400).page(view('form'), {
          ...model,
          version: request.body.version ?? ctx.partnership.version,
          ...presentErrors(result.errors, request.t),
        });
      const conflict = partnershipConflict(request, result.current, result.currentMembers, form, las);
      return reply.status(409).page(view('form'), {
        ...model,
        version: result.current.version,
        conflict,
        errors: [{ text: request.t('common.conflict.title'), href: '#conflict' }],
      });
    },
  );

  app.post(
    '/partnerships/:id/staff',
    { config: scoped(partnershipsRead, 'partnership', 'manage'), schema: { params: IdParams, body: StaffBody } },
    async (request, reply) => {
      const ctx = partnershipScope(request);
      const form = readStaffForm(request.body);
      const result = await addStaff(db, request.user!.id, ctx.partnership.id, ctx.laCodes, form);
      if (result.ok) return reply.redirect(`${page(ctx.partnership.id)}?done=staffAdded#staff`, 303);
      return renderPartnership(
        db,
        request,
        reply,
        ctx,
        clock.now(),
        { staffForm: form, ...presentErrors(result.errors, request.t) },
        400,
      );
    },
  );

  app.post(
    '/partnerships/:id/staff/:staffId/remove',
    { config: scoped(partnershipsRead, 'partnership', 'manage'), schema: { params: StaffParams } },
    async (request, reply) => {
      const ctx = partnershipScope(request);
      const removed = await removeStaff(db, request.user!.id, ctx.partnership.id, request.params.staffId);
      if (!removed) throw new HttpError(404, 'not-found');
      return reply.redirect(`${page(ctx.partnership.id)}?done=staffRemoved#staff`, 303);
    },
  );
};
