import type { FastifyRequest } from 'fastify';
import { withReaderTexts } from '../../lib/reader-texts.ts';
import { Type } from '@sinclair/typebox';
import type { FeaturePlugin } from '../../app-deps.ts';
import type { Db } from '../../db/client.ts';
import { presentErrors, text } from '../../lib/forms.ts';
import { dateToParts } from '../../lib/govuk-date-input.ts';
import { HttpError } from '../../lib/http-error.ts';
import { academicYearOf } from '../../reference/reference-data.ts';
import { cyclePriorities, findCycleId } from '../development-plan/plan-repository.ts';
import { PLAN_STATES } from '../development-plan/plan-service.ts';
import { EnquiryParams, enquiryHref, field, pageModel, read, VersionBody, view } from './enquiry-context.ts';
import { type EnquiryContext } from '../../access/loaders/enquiry.ts';
import { ENQUIRY_FINDING_KINDS, LIMITS, validateFinding, validateFollowUp, type FollowUpForm } from './enquiry-form.ts';
import * as repo from './enquiry-repository.ts';
import { saveReport } from './enquiry-service.ts';
import { addEnquiryFinding, addFollowUp } from './enquiry-work-service.ts';
import { EmptyOrUuid } from '../../lib/request-schemas.ts';
import { enquiryScope } from '../../access/request-scope.ts';
import { scoped } from '../../access/scopes.ts';

const FollowUpBody = Type.Object({
  description: field,
  supportingSchool: field,
  priorityId: Type.Optional(EmptyOrUuid),
  owner: field,
  'dueOn-day': field,
  'dueOn-month': field,
  'dueOn-year': field,
});

async function followUpChoices(db: Db, ctx: EnquiryContext, now: Date) {
  const cycleId = await findCycleId(db, ctx.enquiry.hostSchoolNumber, academicYearOf(now));
  const [priorities, partners] = await Promise.all([
    cycleId ? cyclePriorities(db, cycleId, PLAN_STATES, { all: true }) : [],
    repo.partnerSchools(db, ctx.collaborative.id, ctx.enquiry.hostSchoolNumber),
  ]);
  return { priorities, partners };
}

function followUpModel(
  request: FastifyRequest,
  ctx: EnquiryContext,
  form: FollowUpForm,
  choices: Awaited<ReturnType<typeof followUpChoices>>,
  extra: Record<string, unknown> = {},
) {
  const t = request.t;
  return {
    ...pageModel(ctx, t('enquiries.followUps.newTitle'), request.lang),
    form,
    noPriorities: !choices.priorities.length,
    priorityItems: [
      { value: '', text: t('enquiries.followUps.choosePriority') },
      ...choices.priorities.map((p) => ({ value: p.id, text: p.title, selected: p.id === form.priorityId })),
    ],
    schoolItems: [
      { value: '', text: t('enquiries.followUps.noSchool') },
      ...choices.partners.map((s) => ({ value: s.number, text: s.name, selected: s.number === form.supportingSchool })),
    ],
    ...extra,
  };
}

/** Making sense together (findings), the host-owned report, and follow-up support. */
export const enquiryWorkRoutes: FeaturePlugin<'database' | 'clock'> = async (app, deps) => {
  const db = deps.database.db;
  const clock = deps.clock;
  const base = (ctx: EnquiryContext) => enquiryHref(ctx.collaborative.id, ctx.enquiry.id);
  const kindItems = (request: FastifyRequest, chosen: string) =>
    ENQUIRY_FINDING_KINDS.map((k) => ({
      value: k,
      text: request.t(`enquiries.findings.kinds.${k}`),
      checked: k === chosen,
    }));

  app.get(
    '/collaboratives/:id/enquiries/:enquiryId/findings/new',
    { config: scoped(read, 'enquiry', 'addFinding'), schema: { params: EnquiryParams } },
    async (request, reply) => {
      const ctx = enquiryScope(request);
      return reply.page(view('finding-form'), {
        ...pageModel(ctx, request.t('enquiries.findings.newTitle'), request.lang),
        form: { kind: '', text: '' },
        kindItems: kindItems(request, ''),
      });
    },
  );

  app.post(
    '/collaboratives/:id/enquiries/:enquiryId/findings/new',
    {
      config: scoped(read, 'enquiry', 'addFinding'),
      schema: { params: EnquiryParams, body: Type.Object({ kind: field, text: field }) },
    },
    async (request, reply) => {
      const ctx = enquiryScope(request);
      const { form, errors } = validateFinding(request.body);
      if (Object.keys(errors).length) {
        return reply.status(400).page(view('finding-form'), {
          ...pageModel(ctx, request.t('enquiries.findings.newTitle'), request.lang),
          form,
          kindItems: kindItems(request, form.kind),
          ...presentErrors(errors, request.t),
        });
      }
      await addEnquiryFinding(db, request.user!.id, ctx.enquiry.id, { ...form, language: request.lang });
      return reply.redirect(`${base(ctx)}?done=finding#findings`, 303);
    },
  );

  app.get(
    '/collaboratives/:id/enquiries/:enquiryId/report',
    { config: scoped(read, 'enquiry', 'writeReport'), schema: { params: EnquiryParams } },
    async (request, reply) => {
      const ctx = enquiryScope(request);
      return reply.page(view('report-form'), {
        ...pageModel(ctx, request.t('enquiries.report.editTitle'), request.lang),
        report: ctx.enquiry.report,
        version: ctx.enquiry.version,
        findings: (await repo.listFindings(db, ctx.enquiry.id)).map((f) => withReaderTexts(f, ['text'], request.lang)),
      });
    },
  );

  app.post(
    '/collaboratives/:id/enquiries/:enquiryId/report',
    {
      config: scoped(read, 'enquiry', 'writeReport'),
      schema: { params: EnquiryParams, body: Type.Object({ report: field, ...VersionBody }) },
    },
    async (request, reply) => {
      const ctx = enquiryScope(request);
      const report = text(request.body.report);
      const model = async (extra: Record<string, unknown>) => ({
        ...pageModel(ctx, request.t('enquiries.report.editTitle'), request.lang),
        report,
        version: request.body.version,
        findings: (await repo.listFindings(db, ctx.enquiry.id)).map((f) => withReaderTexts(f, ['text'], request.lang)),
        ...extra,
      });
      if (report.length > LIMITS.long)
        return reply
          .status(400)
          .page(view('report-form'), await model(presentErrors({ report: 'enquiries.errors.tooLong' }, request.t)));
      const result = await saveReport(
        db,
        request.user!.id,
        ctx.enquiry,
        request.body.version,
        report,
        request.lang,
        clock.now(),
      );
      if (result.ok) return reply.redirect(`${base(ctx)}?done=report#report`, 303);
      if (result.reason !== 'conflict') throw new HttpError(403, 'forbidden');
      const conflict = [{ label: request.t('enquiries.report.heading'), theirs: result.current.report, yours: report }];
      return reply.status(409).page(
        view('report-form'),
        await model({
          version: result.current.version,
          conflict,
          errors: [{ text: request.t('common.conflict.title'), href: '#conflict' }],
        }),
      );
    },
  );

  app.get(
    '/collaboratives/:id/enquiries/:enquiryId/follow-ups/new',
    { config: scoped(read, 'enquiry', 'addFollowUp'), schema: { params: EnquiryParams } },
    async (request, reply) => {
      const ctx = enquiryScope(request);
      const form: FollowUpForm = {
        description: '',
        supportingSchool: '',
        dueOn: dateToParts(null),
        priorityId: '',
        owner: '',
      };
      return reply.page(
        view('follow-up-form'),
        followUpModel(request, ctx, form, await followUpChoices(db, ctx, clock.now())),
      );
    },
  );

  app.post(
    '/collaboratives/:id/enquiries/:enquiryId/follow-ups/new',
    { config: scoped(read, 'enquiry', 'addFollowUp'), schema: { params: EnquiryParams, body: FollowUpBody } },
    async (request, reply) => {
      const ctx = enquiryScope(request);
      const choices = await followUpChoices(db, ctx, clock.now());
      const { form, errors } = validateFollowUp(
        request.body,
        choices.partners.map((s) => s.number),
        choices.priorities.map((p) => p.id),
      );
      const priority = choices.priorities.find((p) => p.id === form.priorityId);
      const school = choices.partners.find((s) => s.number === form.supportingSchool);
      const supportDetail = school
        ? request.t('enquiries.followUps.supportDetail', { school: school.name })
        : request.t('enquiries.followUps.supportDetailCollaborative');
      const result =
        Object.keys(errors).length || !priority
          ? { ok: false as const, errors }
          : await addFollowUp(
              db,
              request.user!.id,
              ctx.enquiry.id,
              priority,
              { ...form, supportDetail },
              request.lang,
              ctx.enquiry.collaborativeId,
              clock.now(),
            );
      if (result.ok) return reply.redirect(`${base(ctx)}?done=follow_up_added#follow-ups`, 303);
      return reply
        .status(400)
        .page(
          view('follow-up-form'),
          followUpModel(request, ctx, form, choices, presentErrors(result.errors, request.t)),
        );
    },
  );
};
