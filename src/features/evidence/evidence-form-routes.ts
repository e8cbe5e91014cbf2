import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../db/client.ts';
import type { Clock } from '../../lib/clock.ts';
import { HttpError } from '../../lib/http-error.ts';
import { dateToParts } from '../../lib/govuk-date-input.ts';
import type { AttachmentStore, StoredFile } from './attachment-store.ts';
import {
  evidenceContext,
  itemHref,
  itemOr404,
  ItemParams,
  SchoolParams,
  sectionModel,
  signedIn,
  view,
  type EvidenceContext,
  type TypedApp,
} from './evidence-context.ts';
import { formFromEvidence, readEvidenceForm, type EvidenceFormInput, type FormProblem } from './evidence-form.ts';
import { todayInWales } from '../../lib/clock.ts';
import { mayEditEvidence } from './evidence-policy.ts';
import { conflictRows, formModel, presentProblems, warningModel } from './evidence-presenter.ts';
import * as repo from './evidence-repository.ts';
import { createEvidence, updateEvidence } from './evidence-service.ts';
import type { FieldFlag } from './evidence-learner-check.ts';
import { readSubmission } from './evidence-submission.ts';
import { scoped } from '../../access/scopes.ts';

type FormState = {
  input: EvidenceFormInput;
  files?: StoredFile[];
  problems?: FormProblem[];
  flags?: FieldFlag[];
  item?: repo.Evidence;
  conflict?: ReturnType<typeof conflictRows>;
};

export function evidenceFormRoutes(app: TypedApp, db: Db, store: AttachmentStore, clock: Clock) {
  async function renderForm(
    request: FastifyRequest,
    reply: FastifyReply,
    ctx: EvidenceContext,
    state: FormState,
    status = 200,
  ) {
    const { t, lang } = request;
    const [priorities, existing] = await Promise.all([
      repo.listNationalPriorities(db),
      state.item ? repo.attachmentsOf(db, state.item.id) : Promise.resolve([]),
    ]);
    const mode = state.item ? 'edit' : 'new';
    const presented = presentProblems(state.problems ?? [], t);
    return reply.status(status).page(view('form'), {
      title: t(`pages.evidence.${mode}.title`),
      ...sectionModel(ctx),
      // The school area's "Record evidence" button is not shown on the form it opens.
      recordingEvidence: true,
      mode,
      item: state.item,
      action: state.item
        ? `${itemHref(ctx.school.number, state.item.id)}/edit`
        : `/schools/${ctx.school.number}/evidence/new`,
      cancelHref: state.item ? itemHref(ctx.school.number, state.item.id) : `/schools/${ctx.school.number}/evidence`,
      // A withdrawn national priority is no longer offered as a tag; one this item already has stays.
      ...formModel(
        t,
        lang,
        state.input,
        priorities.filter((p) => !p.withdrawnOn || state.input.nationalPriorities.includes(p.code)),
        { pending: state.files ?? [], existing, store },
      ),
      warning: warningModel(t, state.flags ?? []),
      conflict: state.conflict,
      ...(presented.errors.length ? presented : {}),
    });
  }

  app.get(
    '/schools/:number/evidence/new',
    { config: scoped(signedIn, 'school', 'addEvidence'), schema: { params: SchoolParams } },
    async (request, reply) => {
      const ctx = evidenceContext(request);
      const today = dateToParts(todayInWales(clock.now()));
      return renderForm(request, reply, ctx, { input: { ...readEvidenceForm({}), ...today } });
    },
  );

  app.post(
    '/schools/:number/evidence/new',
    { config: scoped(signedIn, 'school', 'addEvidence'), schema: { params: SchoolParams } },
    async (request, reply) => {
      const ctx = evidenceContext(request);
      const priorities = await repo.listNationalPriorities(db);
      const submission = await readSubmission(request, store, ctx.school, priorities, clock.now());
      if (submission.problems.length) return renderForm(request, reply, ctx, submission, 400);
      const item = await createEvidence(
        db,
        request.user!.id,
        ctx.school,
        ctx.can,
        submission.values,
        submission.files,
        submission.flags,
        clock.now(),
      );
      return reply.redirect(`${itemHref(ctx.school.number, item.id)}?saved=created`, 303);
    },
  );

  app.get(
    '/schools/:number/evidence/:id/edit',
    { config: scoped(signedIn, 'school', 'addEvidence'), schema: { params: ItemParams } },
    async (request, reply) => {
      const params = request.params;
      const ctx = evidenceContext(request);
      const { item } = await itemOr404(db, ctx, params.id);
      if (!mayEditEvidence(request.user?.id, ctx.can, item)) throw new HttpError(403, 'forbidden');
      return renderForm(request, reply, ctx, { input: formFromEvidence(item), item });
    },
  );

  app.post(
    '/schools/:number/evidence/:id/edit',
    { config: scoped(signedIn, 'school', 'addEvidence'), schema: { params: ItemParams } },
    async (request, reply) => {
      const params = request.params;
      const ctx = evidenceContext(request);
      const { item } = await itemOr404(db, ctx, params.id);
      if (!mayEditEvidence(request.user?.id, ctx.can, item)) throw new HttpError(403, 'forbidden');
      const priorities = await repo.listNationalPriorities(db);
      const existing = await repo.attachmentsOf(db, item.id);
      const remove = readEvidenceForm(request.body).removeAttachments.filter((id) => existing.some((a) => a.id === id));
      const submission = await readSubmission(request, store, ctx.school, priorities, clock.now(), {
        keptAttachments: existing.length - remove.length,
        text: `${item.title}\n${item.body}`,
      });
      const version = submission.input.version;
      if (version === null) throw new HttpError(400, 'bad-request');
      if (submission.problems.length) return renderForm(request, reply, ctx, { ...submission, item }, 400);
      const result = await updateEvidence(
        db,
        request.user!.id,
        ctx.can,
        item,
        version,
        submission.values,
        { add: submission.files, remove, confirmedFlags: submission.flags },
        clock.now(),
      );
      if (result.ok) return reply.redirect(`${itemHref(ctx.school.number, item.id)}?saved=updated`, 303);
      if (result.reason === 'forbidden')
        return reply.redirect(`${itemHref(ctx.school.number, item.id)}?saved=locked`, 303);
      // Show what the other person saved beside what this person typed; saving again keeps theirs knowingly.
      const conflict = conflictRows(request.t, request.lang, result.current, submission.values, priorities);
      const input = { ...submission.input, version: result.current.version };
      const problems = [{ field: 'conflict', key: 'common.conflict.title' }];
      return renderForm(
        request,
        reply,
        ctx,
        { input, files: submission.files, flags: submission.flags, item: result.current, conflict, problems },
        409,
      );
    },
  );
}
