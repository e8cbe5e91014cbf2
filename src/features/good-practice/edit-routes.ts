import type { FeaturePlugin } from '../../app-deps.ts';
import { presentErrors } from '../../lib/forms.ts';
import { HttpError } from '../../lib/http-error.ts';
import { caseStudyToForm, readCaseStudyForm } from './case-study-form.ts';
import { setPublished, updateCaseStudy, type Owner } from './case-study-service.ts';
import { CaseStudyBody, IdParams, renderForm, signedIn, tagItems, VersionBody } from './good-practice-context.ts';
import { type CaseStudyContext } from '../../access/loaders/case-study.ts';
import { caseStudyConflict } from './case-study-conflict.ts';
import { caseStudyScope } from '../../access/request-scope.ts';
import { scoped } from '../../access/scopes.ts';

const ownerOf = (ctx: CaseStudyContext): Owner => ({
  schoolNumber: ctx.caseStudy.schoolNumber,
  laCode: ctx.caseStudy.laCode,
  names: ctx.schoolName ? [ctx.schoolName] : [ctx.laNameEn ?? '', ctx.laNameCy ?? ''],
});

/** Editing a case study (version-checked), and publishing or taking it back. */
export const editRoutes: FeaturePlugin<'database' | 'clock'> = async (app, { database, clock }) => {
  const db = database.db;
  const page = (id: string) => `/good-practice/${id}`;

  app.get(
    '/good-practice/:id/edit',
    { config: scoped(signedIn, 'caseStudy', 'edit'), schema: { params: IdParams } },
    async (request, reply) => {
      const ctx = caseStudyScope(request);
      const owner = ctx.schoolName ?? (request.lang === 'cy' ? ctx.laNameCy : ctx.laNameEn) ?? '';
      return renderForm(db, request, reply, {
        form: caseStudyToForm(ctx.caseStudy),
        owner,
        version: ctx.caseStudy.version,
        formAction: `${page(ctx.caseStudy.id)}/edit`,
        cancelHref: page(ctx.caseStudy.id),
      });
    },
  );

  app.post(
    '/good-practice/:id/edit',
    { config: scoped(signedIn, 'caseStudy', 'edit'), schema: { params: IdParams, body: CaseStudyBody } },
    async (request, reply) => {
      const ctx = caseStudyScope(request);
      const form = readCaseStudyForm(request.body);
      const { nationalCodes } = await tagItems(db, request, form);
      const result = await updateCaseStudy(
        db,
        request.user!.id,
        ownerOf(ctx),
        ctx.caseStudy,
        request.body.version ?? 0,
        form,
        nationalCodes,
        request.lang,
      );
      if (result.ok) return reply.redirect(`${page(ctx.caseStudy.id)}?done=saved`, 303);
      const owner = ctx.schoolName ?? (request.lang === 'cy' ? ctx.laNameCy : ctx.laNameEn) ?? '';
      const model = { form, owner, formAction: `${page(ctx.caseStudy.id)}/edit`, cancelHref: page(ctx.caseStudy.id) };
      if (result.reason === 'invalid')
        return renderForm(
          db,
          request,
          reply,
          {
            ...model,
            version: request.body.version ?? ctx.caseStudy.version,
            flags: result.flags,
            ...presentErrors(result.errors, request.t),
          },
          400,
        );
      const conflict = caseStudyConflict(request.t, result.current, form);
      return renderForm(
        db,
        request,
        reply,
        {
          ...model,
          version: result.current.version,
          conflict,
          errors: [{ text: request.t('common.conflict.title'), href: '#conflict' }],
        },
        409,
      );
    },
  );

  for (const [action, need, publish] of [
    ['publish', 'publish', true],
    ['unpublish', 'unpublish', false],
  ] as const) {
    app.post(
      `/good-practice/:id/${action}`,
      { config: scoped(signedIn, 'caseStudy', need), schema: { params: IdParams, body: VersionBody } },
      async (request, reply) => {
        const ctx = caseStudyScope(request);
        const updated = await setPublished(
          db,
          request.user!.id,
          ctx.caseStudy,
          request.body.version,
          publish,
          clock.now(),
        );
        if (!updated) throw new HttpError(409, 'conflict');
        return reply.redirect(`${page(ctx.caseStudy.id)}?done=${action}ed`, 303);
      },
    );
  }
};
