import { Type } from '@sinclair/typebox';
import type { FeaturePlugin } from '../../app-deps.ts';
import { HttpError } from '../../lib/http-error.ts';
import { presentErrors, text } from '../../lib/forms.ts';
import { criteriaBasis, MAX_CRITERIA, saveCriteria } from './criteria-service.ts';
import { PriorityParams, schoolModel, signedIn, view } from './plan-context.ts';
import * as repo from './plan-repository.ts';
import { FormText } from '../../lib/request-schemas.ts';
import { schoolScope } from '../../access/request-scope.ts';
import { scoped } from '../../access/scopes.ts';

const CriteriaBody = Type.Object({
  basis: Type.String({ maxLength: 64 }),
  criterion: Type.Optional(Type.Array(Type.String({ maxLength: 20_000 }), { maxItems: 50 })),
  addRow: FormText(10),
});

/** Room to write: what is there, plus blank rows up to a few more (never past the limit). */
function withBlankRows(texts: string[], blanks = 2): string[] {
  const rows = [...texts];
  while (rows.length < Math.min(texts.length + blanks, MAX_CRITERIA) || rows.length < 3) rows.push('');
  return rows;
}

/** A priority's success criteria: short statements of what will be true when it has worked. */
export const criteriaRoutes: FeaturePlugin<'database'> = async (app, { database }) => {
  const db = database.db;
  const url = '/schools/:number/plan/priorities/:priorityId/criteria';

  async function priorityOr404(schoolNumber: string, id: string) {
    const priority = await repo.findSchoolPriority(db, schoolNumber, id);
    if (!priority) throw new HttpError(404, 'not-found');
    return priority;
  }

  app.get(
    url,
    { config: scoped(signedIn, 'school', 'edit'), schema: { params: PriorityParams } },
    async (request, reply) => {
      const ctx = schoolScope(request);
      const priority = await priorityOr404(ctx.school.number, request.params.priorityId);
      const current = (await repo.criteriaFor(db, [priority.id])).map((c) => c.text);
      return reply.page(view('criteria-form'), {
        title: request.t('pages.planCriteria.title'),
        ...schoolModel(ctx),
        priority,
        rows: withBlankRows(current),
        basis: criteriaBasis(current),
      });
    },
  );

  app.post(
    url,
    { config: scoped(signedIn, 'school', 'edit'), schema: { params: PriorityParams, body: CriteriaBody } },
    async (request, reply) => {
      const ctx = schoolScope(request);
      const priority = await priorityOr404(ctx.school.number, request.params.priorityId);
      const typed = (request.body.criterion ?? []).map(text);
      const model = { title: request.t('pages.planCriteria.title'), ...schoolModel(ctx), priority };
      // "Add another" re-shows the form with one more row, saving nothing: it works without JavaScript.
      if (request.body.addRow)
        return reply.page(view('criteria-form'), {
          ...model,
          rows: withBlankRows(typed, 1),
          basis: request.body.basis,
        });
      const result = await saveCriteria(db, request.user!.id, priority, request.body.basis, typed);
      if (result.ok)
        return reply.redirect(`/schools/${ctx.school.number}/plan?done=criteria-saved#priority-${priority.id}`, 303);
      if (result.reason === 'invalid')
        return reply.status(400).page(view('criteria-form'), {
          ...model,
          rows: withBlankRows(typed, 0),
          basis: request.body.basis,
          ...presentErrors(result.errors, request.t),
        });
      const yours = typed.filter(Boolean).join('\n');
      const conflict = [
        {
          label: request.t('pages.planCriteria.heading'),
          theirs: result.current.join('\n') || request.t('pages.planCompare.blank'),
          yours: yours || request.t('pages.planCompare.blank'),
        },
      ];
      return reply.status(409).page(view('criteria-form'), {
        ...model,
        rows: withBlankRows(typed, 0),
        basis: criteriaBasis(result.current),
        conflict,
        errors: [{ text: request.t('common.conflict.title'), href: '#conflict' }],
      });
    },
  );
};
