import { Type } from '@sinclair/typebox';
import type { FeaturePlugin } from '../../app-deps.ts';
import type { SchoolRequestContext } from '../../access/loaders/school.ts';
import { schoolScope } from '../../access/request-scope.ts';
import { scoped } from '../../access/scopes.ts';
import { HttpError } from '../../lib/http-error.ts';
import { FormText, SchoolNumber, Uuid } from '../../lib/request-schemas.ts';
import { academicYearOf } from '../../reference/reference-data.ts';
import { AnswerBody, answersOf, formModel, type AnswerFields } from './survey-form.ts';
import { SURVEY_NEEDS, surveyCan } from './survey-policy.ts';
import * as repo from './survey-repository.ts';
import { evidenceText, resultsChart, resultsModel } from './survey-results.ts';
import { cachedComments, cachedSummary } from './survey-results-cache.ts';
import { sharingPanel } from './slo-sharing/share-service.ts';
import { previousSummary, withPrevious } from './slo-trend.ts';
import { closeSurvey, openSloSurvey, submitResponse } from './survey-service.ts';
import { closeOwnSurvey } from './own/own-service.ts';
import { ownChart, ownEvidenceText, ownResults } from './own/own-results.ts';
import { pick } from './own/own-form.ts';

const signedIn = { access: { signedIn: true } } as const;
const SchoolParams = Type.Object({ number: SchoolNumber });
const SurveyParams = Type.Object({ number: SchoolNumber, id: Uuid });
const DoneQuery = Type.Object({ done: FormText(20) });
export const view = (name: string) => `features/surveys/views/${name}.njk`;
const sectionHref = (ctx: SchoolRequestContext) => `/schools/${ctx.school.number}/surveys`;
const model = (ctx: SchoolRequestContext) => ({
  school: ctx.school,
  schoolCan: ctx.can,
  schoolSection: 'surveys',
  surveyCan: surveyCan(ctx.can),
});

/** A school's surveys (issue 18): the SLO survey of its staff, opened, answered and closed by the school. */
export const schoolSurveyRoutes: FeaturePlugin<'database' | 'clock' | 'config'> = async (
  app,
  { database, clock, config },
) => {
  const db = database.db;
  const surveyOf = async (ctx: SchoolRequestContext, id: string) => {
    const survey = await repo.findSurvey(db, ctx.school.number, id);
    if (!survey) throw new HttpError(404, 'not-found');
    return survey;
  };

  app.get(
    '/schools/:number/surveys',
    {
      config: scoped(signedIn, 'school', SURVEY_NEEDS.section),
      schema: { params: SchoolParams, querystring: DoneQuery },
    },
    async (request, reply) => {
      const ctx = schoolScope(request);
      const year = academicYearOf(clock.now());
      const surveys = await repo.schoolSurveys(db, ctx.school.number);
      const current = surveys.find((s) => s.kind === 'slo' && s.academicYear === year) ?? null;
      const answered = current ? await repo.hasParticipated(db, current.id, request.user!.id) : false;
      return reply.page(view('section'), {
        title: request.t('surveys.title'),
        ...model(ctx),
        year,
        current,
        answered,
        surveys,
        done: request.query.done,
        publicLink: current ? `${config.publicUrl}/survey/${current.token}` : null,
      });
    },
  );

  app.post(
    '/schools/:number/surveys',
    { config: scoped(signedIn, 'school', SURVEY_NEEDS.manage), schema: { params: SchoolParams } },
    async (request, reply) => {
      const ctx = schoolScope(request);
      const survey = await openSloSurvey(db, request.user!.id, ctx.school, clock.now());
      // Someone opened this year's survey first: theirs is the one, and the section shows it.
      return reply.redirect(`${sectionHref(ctx)}${survey ? '?done=opened' : ''}`, 303);
    },
  );

  app.get(
    '/schools/:number/surveys/:id',
    {
      config: scoped(signedIn, 'school', SURVEY_NEEDS.manage),
      schema: { params: SurveyParams, querystring: DoneQuery },
    },
    async (request, reply) => {
      const ctx = schoolScope(request);
      const survey = await surveyOf(ctx, request.params.id);
      if (survey.kind === 'own') {
        // A school's own survey: built as a draft first, then its own results page.
        if (survey.state === 'draft') return reply.redirect(`${sectionHref(ctx)}/${survey.id}/build`, 303);
        const own = await ownResults(db, survey, request.lang, ctx.school.name);
        return reply.page(view('own-results'), {
          title: pick(survey.title, request.lang).text,
          ...model(ctx),
          survey,
          results: own,
          chart: own.shown ? ownChart(own, request.t, 'survey-chart') : '',
          done: request.query.done,
        });
      }
      const summary = await cachedSummary(db, survey.id);
      const results = withPrevious(
        resultsModel(summary, request.lang),
        await previousSummary(db, ctx.school.number, survey.academicYear),
      );
      // A closed survey's consent to be counted in wider pictures (issue 18, part 5).
      const sharing = survey.state === 'closed' ? await sharingPanel(db, ctx.school, survey, request.lang) : null;
      const comments = summary.shown ? await cachedComments(db, survey.id, ctx.school.name) : [];
      return reply.page(view('results'), {
        title: request.t('surveys.results.title', { year: survey.academicYear, next: survey.academicYear + 1 }),
        ...model(ctx),
        survey,
        results,
        chart: summary.shown ? resultsChart(results, request.t, 'survey-chart') : '',
        comments,
        sharing,
        done: request.query.done,
        publicLink: `${config.publicUrl}/survey/${survey.token}`,
      });
    },
  );

  const answerPage = (ctx: SchoolRequestContext, survey: repo.Survey, lang: 'en' | 'cy', values?: AnswerFields) =>
    repo.questionsOf(db, survey.id).then((questions) => ({
      ...model(ctx),
      survey,
      action: `${sectionHref(ctx)}/${survey.id}/answer`,
      form: formModel(questions, lang, values),
    }));

  app.get(
    '/schools/:number/surveys/:id/answer',
    { config: scoped(signedIn, 'school', SURVEY_NEEDS.answer), schema: { params: SurveyParams } },
    async (request, reply) => {
      const ctx = schoolScope(request);
      const survey = await surveyOf(ctx, request.params.id);
      if (survey.kind !== 'slo') throw new HttpError(404, 'not-found');
      if (survey.state !== 'open')
        return reply.status(400).page(view('closed'), { title: request.t('surveys.closed.title'), ...model(ctx) });
      if (await repo.hasParticipated(db, survey.id, request.user!.id))
        return reply.page(view('already'), { title: request.t('surveys.already.title'), ...model(ctx) });
      return reply.page(view('answer'), {
        title: request.t('surveys.answer.title'),
        ...(await answerPage(ctx, survey, request.lang)),
      });
    },
  );

  app.post(
    '/schools/:number/surveys/:id/answer',
    { config: scoped(signedIn, 'school', SURVEY_NEEDS.answer), schema: { params: SurveyParams, body: AnswerBody } },
    async (request, reply) => {
      const ctx = schoolScope(request);
      const survey = await surveyOf(ctx, request.params.id);
      const body = request.body as AnswerFields;
      const result = await submitResponse(
        db,
        survey,
        { answers: answersOf(body), comment: body.comment ?? '', language: request.lang },
        request.user!.id,
        clock.now(),
      );
      if (result.ok) return reply.redirect(`${sectionHref(ctx)}?done=answered`, 303);
      if (result.reason === 'empty')
        return reply.status(400).page(view('answer'), {
          title: request.t('surveys.answer.title'),
          ...(await answerPage(ctx, survey, request.lang, body)),
          errors: [{ text: request.t('surveys.answer.empty'), href: '#answers' }],
        });
      if (result.reason === 'closed')
        return reply.status(400).page(view('closed'), { title: request.t('surveys.closed.title'), ...model(ctx) });
      if (result.reason === 'already')
        return reply.status(400).page(view('already'), { title: request.t('surveys.already.title'), ...model(ctx) });
      throw new HttpError(400, 'bad-request');
    },
  );

  app.post(
    '/schools/:number/surveys/:id/close',
    { config: scoped(signedIn, 'school', SURVEY_NEEDS.manage), schema: { params: SurveyParams } },
    async (request, reply) => {
      const ctx = schoolScope(request);
      const survey = await surveyOf(ctx, request.params.id);
      const actor = request.user!.id;
      const result =
        survey.kind === 'own'
          ? await closeOwnSurvey(
              db,
              actor,
              ctx.school,
              ctx.can,
              survey,
              ownEvidenceText(request.t, request.lang, survey),
              clock.now(),
            )
          : await closeSurvey(
              db,
              actor,
              ctx.school,
              ctx.can,
              survey,
              evidenceText(request.t, request.lang, survey),
              clock.now(),
            );
      if (!result.ok) return reply.redirect(`${sectionHref(ctx)}/${survey.id}`, 303);
      return reply.redirect(`${sectionHref(ctx)}/${survey.id}?done=closed`, 303);
    },
  );
};
