import type { Language } from '../../plugins/i18n.ts';
import { forReader } from '../../lib/paired-text.ts';
import { Type } from '@sinclair/typebox';
import type { FeaturePlugin } from '../../app-deps.ts';
import { text } from '../../lib/forms.ts';
import { HttpError } from '../../lib/http-error.ts';
import { findPlan } from '../../national/planning-repository.ts';
import { findAnswer, findSection, planComments, planVersions, type Answer } from './plan-repository.ts';
import { field, localName, planModel, PlanParams, plansRead, PlanSectionParams, view } from './plan-context.ts';
import { type PlanAccess } from '../../access/loaders/plan.ts';
import { addComment, saveAnswer } from './plan-service.ts';
import { planSummary } from './plan-summary.ts';
import { BoundedInteger, FormText, INT4_MAX } from '../../lib/request-schemas.ts';
import { planScope } from '../../access/request-scope.ts';
import { scoped } from '../../access/scopes.ts';

const AnswerBody = Type.Object({ version: BoundedInteger(0, INT4_MAX), body: field });
const CommentBody = Type.Object({ comment: field });
const Notice = Type.Object({ saved: FormText(20) });

/** The plan and each section's page: the answer (edited by the LA's officers), WG's comments. */
export const planRoutes: FeaturePlugin<'database' | 'clock'> = async (app, { database, clock }) => {
  const db = database.db;

  app.get(
    '/plans/:planId',
    { config: scoped(plansRead, 'plan'), schema: { params: PlanParams, querystring: Notice } },
    async (request, reply) => {
      const plan = (await findPlan(db, request.params.planId))!;
      const [summary, versions] = await Promise.all([
        planSummary(db, request, plan, clock.now()),
        planVersions(db, plan.id),
      ]);
      return reply.page(view('plan'), {
        title: `${summary.laName}: ${summary.roundTitle}`,
        activeNav: 'plans',
        ...summary,
        versions: versions.length,
        saved: request.query.saved,
      });
    },
  );

  /** The section page's model: its question, the answer now, and (for those who may) WG's comments on it. */
  async function sectionModel(access: PlanAccess, sectionId: string, lang: Language) {
    const section = await findSection(db, access.plan.roundId, sectionId);
    if (!section) throw new HttpError(404, 'not-found');
    const [answer, comments] = await Promise.all([
      findAnswer(db, access.plan.id, section.id),
      access.can.comments ? planComments(db, access.plan.id, section.id) : [],
    ]);
    return {
      ...planModel(access),
      section,
      answer,
      answerText: answer ? forReader(answer, answer.body, 'body', lang) : null,
      comments,
      title: localName(lang, section.titleEn, section.titleCy),
      guidance: localName(lang, section.guidanceEn, section.guidanceCy),
      values: { body: answer?.body ?? '', version: answer?.version ?? 0 },
    };
  }

  app.get(
    '/plans/:planId/sections/:sectionId',
    { config: scoped(plansRead, 'plan'), schema: { params: PlanSectionParams, querystring: Notice } },
    async (request, reply) => {
      const access = planScope(request);
      return reply.page(view('section'), {
        ...(await sectionModel(access, request.params.sectionId, request.lang)),
        activeNav: 'plans',
        saved: request.query.saved,
      });
    },
  );

  app.post(
    '/plans/:planId/sections/:sectionId',
    { config: scoped(plansRead, 'plan', 'edit'), schema: { params: PlanSectionParams, body: AnswerBody } },
    async (request, reply) => {
      const access = planScope(request);
      const model = await sectionModel(access, request.params.sectionId, request.lang);
      const body = (request.body.body ?? '').replace(/\r\n/g, '\n').trim();
      const result = await saveAnswer(
        db,
        request.user!.id,
        access.plan,
        model.section.id,
        request.body.version,
        body,
        request.lang,
        clock.now(),
      );
      if (result.ok) return reply.redirect(`/plans/${access.plan.id}/sections/${model.section.id}?saved=answer`, 303);
      if (result.reason === 'invalid') {
        const error = { text: request.t(result.error) };
        return reply.status(400).page(view('section'), {
          ...model,
          activeNav: 'plans',
          values: { body, version: request.body.version },
          errors: [{ ...error, href: '#body' }],
          fieldErrors: { body: error },
        });
      }
      // Someone saved since: theirs beside yours; the form keeps yours with their version, so saving again keeps yours, knowingly.
      const current: Answer | null = result.current;
      return reply.status(409).page(view('section'), {
        ...model,
        activeNav: 'plans',
        answer: current,
        values: { body, version: current?.version ?? 0 },
        conflict: [{ label: model.title, theirs: current?.body ?? '', yours: body }],
        errors: [{ text: request.t('common.conflict.title'), href: '#conflict' }],
      });
    },
  );

  app.post(
    '/plans/:planId/sections/:sectionId/comments',
    { config: scoped(plansRead, 'plan', 'comment'), schema: { params: PlanSectionParams, body: CommentBody } },
    async (request, reply) => {
      const access = planScope(request);
      const model = await sectionModel(access, request.params.sectionId, request.lang);
      const comment = text(request.body.comment);
      const result = await addComment(
        db,
        request.user!.id,
        access.plan,
        model.section.id,
        comment,
        request.lang,
        clock.now(),
      );
      if (result.ok)
        return reply.redirect(`/plans/${access.plan.id}/sections/${model.section.id}?saved=comment#comments`, 303);
      const error = { text: request.t(result.error) };
      return reply.status(400).page(view('section'), {
        ...model,
        activeNav: 'plans',
        commentValue: comment,
        errors: [{ ...error, href: '#comment' }],
        fieldErrors: { comment: error },
      });
    },
  );
};
