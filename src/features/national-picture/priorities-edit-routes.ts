import type { FeaturePlugin } from '../../app-deps.ts';
import { presentErrors } from '../../lib/forms.ts';
import { HttpError } from '../../lib/http-error.ts';
import { priorityFingerprint, priorityToForm, readPriorityForm } from './priorities-form.ts';
import * as repo from './priorities-repository.ts';
import { editPriority, setPriorityWithdrawn } from './priorities-service.ts';
import { CodeParams, PRIORITIES, PriorityBody, view, wgRoute } from './publish-context.ts';
import { nameIn, priorityConflict } from './publish-presenter.ts';

/** WG edits a national priority (the code stays), withdraws it (after confirming) or reinstates it. */
export const prioritiesEditRoutes: FeaturePlugin<'database' | 'clock'> = async (app, { database, clock }) => {
  const db = database.db;
  const found = async (code: string) => {
    const priority = await repo.findPriority(db, code);
    if (!priority) throw new HttpError(404, 'not-found');
    return priority;
  };
  const edit = (code: string) => `${PRIORITIES}/${code}/edit`;

  app.get(`${PRIORITIES}/:code/edit`, { config: wgRoute, schema: { params: CodeParams } }, async (request, reply) => {
    const priority = await found(request.params.code);
    return reply.page(view('priority-form'), {
      title: request.t('national.publish.editTitle'),
      activeNav: 'national',
      priority,
      form: priorityToForm(priority),
      fingerprint: priorityFingerprint(priority),
      formAction: edit(priority.code),
      cancelHref: PRIORITIES,
    });
  });

  app.post(
    `${PRIORITIES}/:code/edit`,
    { config: wgRoute, schema: { params: CodeParams, body: PriorityBody } },
    async (request, reply) => {
      const user = request.user!;
      const priority = await found(request.params.code);
      const form = { ...readPriorityForm(request.body), code: priority.code };
      const fingerprint = request.body.fingerprint ?? '';
      const result = await editPriority(db, user.id, priority.code, fingerprint, form);
      if (!result) throw new HttpError(404, 'not-found');
      if (result.ok) return reply.redirect(`${PRIORITIES}?done=saved`, 303);
      const model = {
        title: request.t('national.publish.editTitle'),
        activeNav: 'national',
        priority,
        form,
        formAction: edit(priority.code),
        cancelHref: PRIORITIES,
      };
      if (result.reason === 'invalid')
        return reply
          .status(400)
          .page(view('priority-form'), { ...model, fingerprint, ...presentErrors(result.errors, request.t) });
      // Saving again (with the fingerprint of what is saved now) keeps this person's version knowingly.
      return reply.status(409).page(view('priority-form'), {
        ...model,
        fingerprint: priorityFingerprint(result.current),
        conflict: priorityConflict(request.t, request.lang, result.current, form),
        errors: [{ text: request.t('common.conflict.title'), href: '#conflict' }],
      });
    },
  );

  app.get(
    `${PRIORITIES}/:code/withdraw`,
    { config: wgRoute, schema: { params: CodeParams } },
    async (request, reply) => {
      const priority = await found(request.params.code);
      if (priority.withdrawnOn) return reply.redirect(PRIORITIES, 303);
      const name = nameIn(request.lang, priority);
      return reply.page(view('withdraw'), {
        title: request.t('national.publish.withdrawTitle', { name }),
        activeNav: 'national',
        body: request.t('national.publish.withdrawBody'),
        formAction: `${PRIORITIES}/${priority.code}/withdraw`,
        cancelHref: PRIORITIES,
        button: request.t('national.publish.withdrawConfirm'),
      });
    },
  );

  app.post(
    `${PRIORITIES}/:code/withdraw`,
    { config: wgRoute, schema: { params: CodeParams } },
    async (request, reply) => {
      const user = request.user!;
      const priority = await found(request.params.code);
      await setPriorityWithdrawn(db, user.id, priority.code, true, clock.now());
      return reply.redirect(`${PRIORITIES}?done=withdrawn`, 303);
    },
  );

  app.post(
    `${PRIORITIES}/:code/reinstate`,
    { config: wgRoute, schema: { params: CodeParams } },
    async (request, reply) => {
      const user = request.user!;
      const priority = await found(request.params.code);
      await setPriorityWithdrawn(db, user.id, priority.code, false, clock.now());
      return reply.redirect(`${PRIORITIES}?done=reinstated`, 303);
    },
  );
};
