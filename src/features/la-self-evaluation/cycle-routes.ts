import { readerPriorities } from './se-presenter.ts';
import { Type } from '@sinclair/typebox';
import type { FeaturePlugin } from '../../app-deps.ts';
import { presentErrors, text } from '../../lib/forms.ts';
import { HttpError } from '../../lib/http-error.ts';
import { CYCLE_STAGES } from '../../reference/reference-data.ts';
import { cycleCounts, prioritiesWithOpenActions } from './cycle-repository.ts';
import { moveStage, saveAnswers, startCycle } from './cycle-service.ts';
import { CodeParams, field, laManage, laRead, seContext, seModel, view } from './se-context.ts';
import { ANSWER_FIELDS, type AnswersForm } from './se-forms.ts';
import { answerConflict } from './se-presenter.ts';
import { FormText, Version } from '../../lib/request-schemas.ts';
import { scoped } from '../../access/scopes.ts';
import { currentVision } from '../vision/vision-repository.ts';
import { readerVision } from '../vision/vision-form.ts';

const AnswersBody = Type.Object({
  version: Version,
  howWellAnswer: field,
  howKnowAnswer: field,
  howImproveAnswer: field,
});
const StageBody = Type.Object({ version: Version, stage: Type.String({ maxLength: 40 }) });
const SavedQuery = Type.Object({ saved: FormText(20) });

/** The LA's cycle for this year: start it, its stage, the three questions, and a summary. */
export const cycleRoutes: FeaturePlugin<'database' | 'clock'> = async (app, { database, clock }) => {
  const db = database.db;

  app.get(
    '/local-authorities/:code/self-evaluation',
    { config: scoped(laRead, 'la'), schema: { params: CodeParams, querystring: SavedQuery } },
    async (request, reply) => {
      const { se, cycle } = await seContext(db, request, clock.now());
      const title = request.t('laSelfEvaluation.overview.title', { la: se.laName });
      // The LA's collective vision heads its self-evaluation (issue 15, part 7).
      const vision = readerVision(await currentVision(db, { type: 'la', id: se.la.code }), request.lang);
      if (!cycle) return reply.page(view('start'), { title, ...seModel(se, 'overview', null), vision });
      const [counts, priorities] = await Promise.all([
        cycleCounts(db, cycle.id),
        prioritiesWithOpenActions(db, cycle.id),
      ]);
      return reply.page(view('overview'), {
        title,
        ...seModel(se, 'overview', cycle),
        counts,
        priorities: readerPriorities(priorities, request.lang),
        stages: CYCLE_STAGES,
        fields: ANSWER_FIELDS,
        saved: request.query.saved,
        vision,
      });
    },
  );

  app.post(
    '/local-authorities/:code/self-evaluation/start',
    { config: scoped(laManage, 'la', 'editSelfEvaluation'), schema: { params: CodeParams } },
    async (request, reply) => {
      const { se } = await seContext(db, request, clock.now());
      await startCycle(db, request.user!.id, se.la.code, se.year, request.lang);
      return reply.redirect(`${se.base}?saved=started`, 303);
    },
  );

  app.post(
    '/local-authorities/:code/self-evaluation/stage',
    { config: scoped(laManage, 'la', 'editSelfEvaluation'), schema: { params: CodeParams, body: StageBody } },
    async (request, reply) => {
      const { se, cycle } = await seContext(db, request, clock.now());
      if (!cycle) throw new HttpError(404, 'not-found');
      const result = await moveStage(
        db,
        request.user!.id,
        cycle,
        request.body.version,
        request.body.stage,
        clock.now(),
      );
      if (result.ok) return reply.redirect(`${se.base}?saved=stage`, 303);
      if (result.reason === 'invalid') throw new HttpError(400, 'bad-request');
      const [counts, priorities] = await Promise.all([
        cycleCounts(db, cycle.id),
        prioritiesWithOpenActions(db, cycle.id),
      ]);
      return reply.status(409).page(view('overview'), {
        title: request.t('laSelfEvaluation.overview.title', { la: se.laName }),
        ...seModel(se, 'overview', result.current),
        counts,
        priorities: readerPriorities(priorities, request.lang),
        stages: CYCLE_STAGES,
        fields: ANSWER_FIELDS,
        stageConflict: true,
        errors: [{ text: request.t('common.conflict.title'), href: '#stage' }],
      });
    },
  );

  app.get(
    '/local-authorities/:code/self-evaluation/answers',
    { config: scoped(laManage, 'la', 'editSelfEvaluation'), schema: { params: CodeParams } },
    async (request, reply) => {
      const { se, cycle } = await seContext(db, request, clock.now());
      if (!cycle) return reply.redirect(se.base, 303);
      return reply.page(view('answers'), {
        title: request.t('laSelfEvaluation.answers.title'),
        ...seModel(se, 'overview', cycle),
        values: { ...cycle },
        fields: ANSWER_FIELDS,
      });
    },
  );

  app.post(
    '/local-authorities/:code/self-evaluation/answers',
    { config: scoped(laManage, 'la', 'editSelfEvaluation'), schema: { params: CodeParams, body: AnswersBody } },
    async (request, reply) => {
      const { se, cycle } = await seContext(db, request, clock.now());
      if (!cycle) throw new HttpError(404, 'not-found');
      const form = Object.fromEntries(ANSWER_FIELDS.map((f) => [f, text(request.body[f])])) as AnswersForm;
      const result = await saveAnswers(
        db,
        request.user!.id,
        cycle,
        request.body.version,
        form,
        request.lang,
        clock.now(),
      );
      if (result.ok) return reply.redirect(`${se.base}?saved=answers`, 303);
      const model = {
        title: request.t('laSelfEvaluation.answers.title'),
        ...seModel(se, 'overview', cycle),
        fields: ANSWER_FIELDS,
      };
      if (result.reason === 'invalid')
        return reply.status(400).page(view('answers'), {
          ...model,
          values: { ...form, version: request.body.version },
          ...presentErrors(result.errors, request.t),
        });
      // Theirs beside yours; saving again from this page keeps yours, knowingly.
      return reply.status(409).page(view('answers'), {
        ...model,
        cycle: result.current,
        values: { ...form, version: result.current.version },
        conflict: answerConflict(result.current, form, request.t),
        errors: [{ text: request.t('common.conflict.title'), href: '#conflict' }],
      });
    },
  );
};
