import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FeaturePlugin } from '../../app-deps.ts';
import { HttpError } from '../../lib/http-error.ts';
import { presentErrors, text } from '../../lib/forms.ts';
import type { DateParts } from '../../lib/govuk-date-input.ts';
import { FormText } from '../../lib/request-schemas.ts';
import { APPROVAL_MEETINGS } from '../../reference/record-states.ts';
import type { SchoolRequestContext } from '../../access/loaders/school.ts';
import { currentPlanOr404, field, RevisionParams, schoolModel, signedIn, view } from './plan-context.ts';
import * as repo from './revision-repository.ts';
import { approveRevision, checkMeeting, type MeetingInput } from './approval-service.ts';
import { governingBodyScope } from '../../access/request-scope.ts';
import { scoped } from '../../access/scopes.ts';

const ApprovalBody = Type.Object({
  meeting: FormText(40),
  committee: FormText(1000),
  'meetingOn-day': FormText(10),
  'meetingOn-month': FormText(10),
  'meetingOn-year': FormText(10),
  minute: FormText(1000),
  resolution: field,
});
type ApprovalForm = typeof ApprovalBody.static;

const EMPTY: MeetingInput = {
  meeting: '',
  committee: '',
  meetingOn: { day: '', month: '', year: '' },
  minute: '',
  resolution: '',
};

function meetingFrom(body: ApprovalForm): MeetingInput {
  const meetingOn: DateParts = {
    day: text(body['meetingOn-day']),
    month: text(body['meetingOn-month']),
    year: text(body['meetingOn-year']),
  };
  const [meeting, committee, minute] = [text(body.meeting), text(body.committee), text(body.minute)];
  return { meeting, committee, meetingOn, minute, resolution: text(body.resolution) };
}

/**
 * The governing body's approval of the latest revision, recorded by its chair, its clerk or a governor
 * it delegated, against the meeting that resolved it.
 */
export const approvalRoutes: FeaturePlugin<'database' | 'clock'> = async (app, { database, clock }) => {
  const db = database.db;

  async function load(number: string, n: number) {
    const { plan } = await currentPlanOr404(db, number, clock.now());
    const revision = await repo.findRevision(db, plan.id, n);
    if (!revision) throw new HttpError(404, 'not-found');
    return { plan, revision, latest: await repo.latestRevisionNumber(db, plan.id) };
  }

  async function form(
    request: FastifyRequest,
    reply: FastifyReply,
    ctx: SchoolRequestContext,
    values: MeetingInput,
    errors: Record<string, string> = {},
  ) {
    const { plan, revision, latest } = await load(ctx.school.number, (request.params as { n: number }).n);
    const revisionUrl = `/schools/${ctx.school.number}/plan/revisions/${revision.number}`;
    if (revision.approvedAt) return reply.redirect(`${revisionUrl}?approval=already-approved`, 303);
    if (revision.number !== latest) return reply.redirect(`${revisionUrl}?approval=not-latest`, 303);
    const invalid = Object.keys(errors).length > 0;
    return reply.status(invalid ? 400 : 200).page(view('approve'), {
      title: request.t('pages.planApproval.title', { number: revision.number }),
      ...schoolModel(ctx),
      plan,
      revision,
      meetings: APPROVAL_MEETINGS,
      values,
      recordedBy: request.user!.displayName,
      ...(invalid ? presentErrors(errors, request.t) : {}),
    });
  }

  app.get(
    '/schools/:number/plan/revisions/:n/approve',
    { config: scoped(signedIn, 'governingBody', 'approvePlan'), schema: { params: RevisionParams } },
    async (request, reply) => form(request, reply, governingBodyScope(request), EMPTY),
  );

  app.post(
    '/schools/:number/plan/revisions/:n/approve',
    {
      config: scoped(signedIn, 'governingBody', 'approvePlan'),
      schema: { params: RevisionParams, body: ApprovalBody },
    },
    async (request, reply) => {
      const ctx = governingBodyScope(request);
      const input = meetingFrom(request.body);
      const checked = checkMeeting(input, clock.now());
      if (!checked.ok) return form(request, reply, ctx, input, checked.errors);
      const { plan, revision } = await load(ctx.school.number, request.params.n);
      const outcome = await approveRevision(
        db,
        request.user!.id,
        ctx.school,
        plan.id,
        revision,
        checked.meeting,
        clock.now(),
      );
      return reply.redirect(`/schools/${ctx.school.number}/plan/revisions/${revision.number}?approval=${outcome}`, 303);
    },
  );
};
