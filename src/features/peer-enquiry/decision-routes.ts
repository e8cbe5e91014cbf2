import type { FastifyRequest } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { FeaturePlugin } from '../../app-deps.ts';
import type { Db } from '../../db/client.ts';
import { presentErrors } from '../../lib/forms.ts';
import { HttpError } from '../../lib/http-error.ts';
import { EnquiryParams, enquiryHref, field, many, pageModel, read, VersionBody, view } from './enquiry-context.ts';
import { type EnquiryContext } from '../../access/loaders/enquiry.ts';
import { agreementFormOf, validateAgreement, validateReason, type AgreementForm } from './enquiry-form.ts';
import { enquiryActors } from '../../policy/enquiry-policy.ts';
import * as repo from './enquiry-repository.ts';
import { agreeEnquiry, cancelEnquiry, moveEnquiry } from './enquiry-service.ts';
import { EmptyOrUuid } from '../../lib/request-schemas.ts';
import { enquiryScope } from '../../access/request-scope.ts';
import { scoped } from '../../access/scopes.ts';

const AgreeBody = Type.Object({
  facilitatorId: Type.Optional(EmptyOrUuid),
  reviewers: many,
  activities: field,
  confidentiality: field,
  ...VersionBody,
  'visitStart-day': field,
  'visitStart-month': field,
  'visitStart-year': field,
  'visitEnd-day': field,
  'visitEnd-month': field,
  'visitEnd-year': field,
});
const ReasonBody = Type.Object({ reason: field, ...VersionBody });

const actorsOf = (request: FastifyRequest, ctx: EnquiryContext) =>
  enquiryActors(request.user, ctx.can, { ...ctx.enquiry, reviewerIds: ctx.reviewers.map((r) => r.userId) });

async function agreeModel(
  db: Db,
  request: FastifyRequest,
  ctx: EnquiryContext,
  form: AgreementForm,
  extra: Record<string, unknown> = {},
) {
  const [facilitators, reviewers] = await Promise.all([
    repo.facilitatorCandidates(db, ctx.collaborative.id, ctx.enquiry.hostSchoolNumber),
    repo.reviewerCandidates(db, ctx.collaborative.id, ctx.enquiry.hostSchoolNumber),
  ]);
  const t = request.t;
  return {
    ...pageModel(ctx, t('enquiries.agree.title'), request.lang),
    form,
    version: ctx.enquiry.version,
    facilitatorItems: [
      { value: '', text: t('enquiries.agree.chooseFacilitator') },
      ...facilitators.map((f) => ({ value: f.id, text: f.displayName, selected: f.id === form.facilitatorId })),
    ],
    reviewerItems: reviewers.map((r) => ({
      value: r.userId,
      text: r.displayName,
      hint: { text: r.schoolName },
      checked: form.reviewers.includes(r.userId),
    })),
    candidates: { facilitators, reviewers },
    ...extra,
  };
}

/** Agreeing the team and protocol, cancelling, and sending a drafted report back. */
export const enquiryDecisionRoutes: FeaturePlugin<'database' | 'clock'> = async (app, deps) => {
  const db = deps.database.db;
  const clock = deps.clock;

  app.get(
    '/collaboratives/:id/enquiries/:enquiryId/agree',
    { config: scoped(read, 'enquiry', 'agree'), schema: { params: EnquiryParams } },
    async (request, reply) => {
      const ctx = enquiryScope(request);
      const form = agreementFormOf(
        ctx.enquiry,
        ctx.reviewers.map((r) => r.userId),
        request.t('enquiries.agree.defaultConfidentiality'),
      );
      return reply.page(view('agree'), await agreeModel(db, request, ctx, form));
    },
  );

  app.post(
    '/collaboratives/:id/enquiries/:enquiryId/agree',
    { config: scoped(read, 'enquiry', 'agree'), schema: { params: EnquiryParams, body: AgreeBody } },
    async (request, reply) => {
      const ctx = enquiryScope(request);
      const [facilitators, reviewers] = await Promise.all([
        repo.facilitatorCandidates(db, ctx.collaborative.id, ctx.enquiry.hostSchoolNumber),
        repo.reviewerCandidates(db, ctx.collaborative.id, ctx.enquiry.hostSchoolNumber),
      ]);
      const { form, errors, values } = validateAgreement(
        request.body,
        facilitators.map((f) => f.id),
        reviewers.map((r) => r.userId),
      );
      if (Object.keys(errors).length)
        return reply
          .status(400)
          .page(view('agree'), await agreeModel(db, request, ctx, form, presentErrors(errors, request.t)));
      const chosen = form.reviewers.map((userId) => ({
        userId,
        schoolNumber: reviewers.find((r) => r.userId === userId)!.schoolNumber,
      }));
      const result = await agreeEnquiry(
        db,
        request.user!.id,
        actorsOf(request, ctx),
        ctx.enquiry,
        request.body.version,
        values,
        chosen,
        clock.now(),
      );
      if (result.ok) return reply.redirect(`${enquiryHref(ctx.collaborative.id, ctx.enquiry.id)}?done=agreed`, 303);
      if (result.reason !== 'conflict') throw new HttpError(403, 'forbidden');
      const fresh = { ...ctx, enquiry: result.current };
      return reply.status(409).page(
        view('agree'),
        await agreeModel(db, request, fresh, form, {
          errors: [{ text: request.t('enquiries.errors.stateConflict'), href: '#facilitatorId' }],
        }),
      );
    },
  );

  for (const kind of ['cancel', 'send-back'] as const) {
    const need = kind === 'cancel' ? 'cancel' : 'sendBack';
    const reasonModel = (ctx: EnquiryContext, request: FastifyRequest, extra: Record<string, unknown> = {}) => ({
      ...pageModel(ctx, request.t(`enquiries.${kind}.title`), request.lang),
      kind,
      action: `${enquiryHref(ctx.collaborative.id, ctx.enquiry.id)}/${kind}`,
      version: ctx.enquiry.version,
      reason: '',
      ...extra,
    });

    app.get(
      `/collaboratives/:id/enquiries/:enquiryId/${kind}`,
      { config: scoped(read, 'enquiry', need), schema: { params: EnquiryParams } },
      async (request, reply) => {
        const ctx = enquiryScope(request);
        return reply.page(view('reason'), reasonModel(ctx, request));
      },
    );

    app.post(
      `/collaboratives/:id/enquiries/:enquiryId/${kind}`,
      { config: scoped(read, 'enquiry', need), schema: { params: EnquiryParams, body: ReasonBody } },
      async (request, reply) => {
        const ctx = enquiryScope(request);
        const { value, errors } = validateReason(
          request.body,
          'reason',
          kind === 'cancel' ? 'cancelReasonMissing' : 'sendBackCommentMissing',
        );
        if (Object.keys(errors).length)
          return reply
            .status(400)
            .page(view('reason'), reasonModel(ctx, request, { reason: value, ...presentErrors(errors, request.t) }));
        const actors = actorsOf(request, ctx);
        const result =
          kind === 'cancel'
            ? await cancelEnquiry(db, request.user!.id, actors, ctx.enquiry, request.body.version, value, clock.now())
            : await moveEnquiry(
                db,
                request.user!.id,
                actors,
                ctx.enquiry,
                request.body.version,
                'making_sense',
                clock.now(),
                { comment: value },
              );
        if (result.ok)
          return reply.redirect(
            `${enquiryHref(ctx.collaborative.id, ctx.enquiry.id)}?done=${kind === 'cancel' ? 'cancelled' : 'sent_back'}`,
            303,
          );
        if (result.reason !== 'conflict') throw new HttpError(403, 'forbidden');
        return reply.status(409).page(
          view('reason'),
          reasonModel({ ...ctx, enquiry: result.current }, request, {
            reason: value,
            errors: [{ text: request.t('enquiries.errors.stateConflict'), href: '#reason' }],
          }),
        );
      },
    );
  }
};
