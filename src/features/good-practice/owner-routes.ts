import { caseStudyRows } from './good-practice-presenter.ts';
import type { FeaturePlugin } from '../../app-deps.ts';
import { presentErrors } from '../../lib/forms.ts';
import { EMPTY_CASE_STUDY_FORM, readCaseStudyForm } from './case-study-form.ts';
import { listOwn } from './case-study-repository.ts';
import { createCaseStudy, type Owner } from './case-study-service.ts';
import {
  CaseStudyBody,
  CodeParams,
  laManage,
  laRead,
  renderForm,
  SchoolParams,
  signedIn,
  tagItems,
  view,
} from './good-practice-context.ts';
import { schoolScope } from '../../access/request-scope.ts';
import { scoped } from '../../access/scopes.ts';
import { laScope } from '../../access/request-scope.ts';

/** A school's and an LA's own case studies (drafts for their writers) and the forms that start one. */
export const ownerRoutes: FeaturePlugin<'database'> = async (app, { database }) => {
  const db = database.db;

  const create = async (
    request: Parameters<typeof renderForm>[1],
    reply: Parameters<typeof renderForm>[2],
    owner: Owner,
    formAction: string,
    cancelHref: string,
  ) => {
    const form = readCaseStudyForm(request.body as Record<string, unknown>);
    const { nationalCodes } = await tagItems(db, request, form);
    const result = await createCaseStudy(db, request.user!.id, owner, form, nationalCodes, request.lang);
    if (result.ok) return reply.redirect(`/good-practice/${result.caseStudy.id}?done=created`, 303);
    const errors =
      result.reason === 'invalid' ? { ...presentErrors(result.errors, request.t), flags: result.flags } : {};
    return renderForm(db, request, reply, { form, owner: owner.names[0]!, formAction, cancelHref, ...errors }, 400);
  };

  app.get(
    '/schools/:number/good-practice',
    { config: scoped(signedIn, 'school'), schema: { params: SchoolParams } },
    async (request, reply) => {
      const ctx = schoolScope(request);
      const rows = await listOwn(db, { schoolNumber: ctx.school.number }, ctx.can.edit);
      return reply.page(view('own'), {
        title: request.t('goodPractice.own.title', { name: ctx.school.name }),
        activeNav: 'goodPractice',
        owner: ctx.school.name,
        rows: caseStudyRows(rows, request.lang),
        canWrite: ctx.can.edit,
        newHref: `/schools/${ctx.school.number}/good-practice/new`,
      });
    },
  );

  app.get(
    '/schools/:number/good-practice/new',
    { config: scoped(signedIn, 'school', 'edit'), schema: { params: SchoolParams } },
    async (request, reply) => {
      const ctx = schoolScope(request);
      const base = `/schools/${ctx.school.number}/good-practice`;
      return renderForm(db, request, reply, {
        form: EMPTY_CASE_STUDY_FORM,
        owner: ctx.school.name,
        formAction: `${base}/new`,
        cancelHref: base,
      });
    },
  );

  app.post(
    '/schools/:number/good-practice/new',
    { config: scoped(signedIn, 'school', 'edit'), schema: { params: SchoolParams, body: CaseStudyBody } },
    async (request, reply) => {
      const ctx = schoolScope(request);
      const base = `/schools/${ctx.school.number}/good-practice`;
      return create(
        request,
        reply,
        { schoolNumber: ctx.school.number, laCode: ctx.school.laCode, names: [ctx.school.name] },
        `${base}/new`,
        base,
      );
    },
  );

  app.get(
    '/local-authorities/:code/good-practice',
    { config: scoped(laRead, 'la'), schema: { params: CodeParams } },
    async (request, reply) => {
      const ctx = laScope(request);
      const rows = await listOwn(db, { laCode: ctx.la.code }, ctx.can.officer);
      return reply.page(view('own'), {
        title: request.t('goodPractice.own.title', { name: ctx.laName }),
        activeNav: 'goodPractice',
        owner: ctx.laName,
        rows: caseStudyRows(rows, request.lang),
        canWrite: ctx.can.officer,
        newHref: `/local-authorities/${ctx.la.code}/good-practice/new`,
      });
    },
  );

  app.get(
    '/local-authorities/:code/good-practice/new',
    { config: scoped(laManage, 'la', 'officer'), schema: { params: CodeParams } },
    async (request, reply) => {
      const ctx = laScope(request);
      const base = `/local-authorities/${ctx.la.code}/good-practice`;
      return renderForm(db, request, reply, {
        form: EMPTY_CASE_STUDY_FORM,
        owner: ctx.laName,
        formAction: `${base}/new`,
        cancelHref: base,
      });
    },
  );

  app.post(
    '/local-authorities/:code/good-practice/new',
    { config: scoped(laManage, 'la', 'officer'), schema: { params: CodeParams, body: CaseStudyBody } },
    async (request, reply) => {
      const ctx = laScope(request);
      const base = `/local-authorities/${ctx.la.code}/good-practice`;
      return create(
        request,
        reply,
        { schoolNumber: null, laCode: ctx.la.code, names: [ctx.laName, ctx.la.nameEn, ctx.la.nameCy] },
        `${base}/new`,
        base,
      );
    },
  );
};
