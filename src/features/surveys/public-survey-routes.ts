// The survey a member of staff opens from the link the school sent (issue 18, parts 1 and 6): no
// account, the language they pick, no JavaScript needed. One answer per browser, by a cookie kept
// on the link's own path; the app's rate limit applies as on every public route.
import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FeaturePlugin } from '../../app-deps.ts';
import { HttpError } from '../../lib/http-error.ts';
import { createTranslator } from '../../plugins/i18n.ts';
import { LinkToken } from '../../lib/request-schemas.ts';
import { AnswerBody, answersOf, formModel, type AnswerFields } from './survey-form.ts';
import * as repo from './survey-repository.ts';
import { view } from './school-survey-routes.ts';
import { submitResponse } from './survey-service.ts';
import { OwnAnswerBody } from './own/own-form.ts';
import { ownPublicPages } from './own/own-public.ts';

const open = { access: { public: true } } as const;
const TokenParams = Type.Object({ token: LinkToken });
/** An invitation slip's link carries its code. */
// Typed in by hand it may come in lower case or with spaces: tidied, then checked (own-public.ts).
const CodeQuery = Type.Object({
  code: Type.Optional(Type.String({ pattern: '^[0-9A-Za-z -]{0,20}$', maxLength: 20 })),
});
/** The SLO form's fields and an own survey's: one link answers either kind. */
const PublicAnswerBody = Type.Object({ ...AnswerBody.properties, ...OwnAnswerBody.properties });
export const ANSWERED_COOKIE = 'cyd_survey_answered';
/** A year: long enough to outlast any survey. */
const COOKIE_AGE = 365 * 24 * 60 * 60;

export const publicSurveyRoutes: FeaturePlugin<'database' | 'clock' | 'config'> = async (
  app,
  { database, clock, config },
) => {
  const db = database.db;
  const surveyOf = async (token: string) => {
    const survey = await repo.findSurveyByToken(db, token);
    if (!survey) throw new HttpError(404, 'not-found');
    return survey;
  };
  const path = (token: string) => `/survey/${token}`;
  const answered = (request: FastifyRequest) => request.cookies[ANSWERED_COOKIE] === '1';
  const stop = (request: FastifyRequest, reply: FastifyReply, page: 'closed' | 'already') =>
    reply.status(400).page(view(`public-${page}`), { title: request.t(`surveys.${page}.title`) });

  const translatorFor = await createTranslator();
  const formPage = async (request: FastifyRequest, survey: repo.Survey, values?: AnswerFields) => ({
    title: request.t('surveys.answer.title'),
    survey,
    action: path(survey.token),
    languageHref: path(survey.token),
    // The offer of the other language is written in that language, for the person who reads it.
    otherLanguageOffer: translatorFor(request.lang === 'cy' ? 'en' : 'cy')('surveys.answer.alsoInThisLanguage'),
    form: formModel(await repo.questionsOf(db, survey.id), request.lang, values),
  });

  const ownPages = ownPublicPages({
    db,
    clock,
    config,
    path,
    answered,
    stop,
    cookieAge: COOKIE_AGE,
    cookieName: ANSWERED_COOKIE,
  });

  app.get(
    '/survey/:token',
    { config: open, schema: { params: TokenParams, querystring: CodeQuery } },
    async (request, reply) => {
      const survey = await surveyOf(request.params.token);
      if (survey.state !== 'open') return stop(request, reply, 'closed');
      if (survey.kind === 'own') return ownPages.form(request, reply, survey, request.query.code ?? null);
      if (answered(request)) return reply.page(view('public-already'), { title: request.t('surveys.already.title') });
      return reply.page(view('public-answer'), await formPage(request, survey));
    },
  );

  app.get('/survey/:token/thanks', { config: open, schema: { params: TokenParams } }, async (request, reply) => {
    await surveyOf(request.params.token);
    return reply.page(view('public-thanks'), { title: request.t('surveys.thanks.title') });
  });

  app.post(
    '/survey/:token',
    { config: open, schema: { params: TokenParams, body: PublicAnswerBody } },
    async (request, reply) => {
      const survey = await surveyOf(request.params.token);
      if (survey.state !== 'open') return stop(request, reply, 'closed');
      if (survey.kind === 'own') return ownPages.submit(request, reply, survey, request.body as AnswerFields);
      if (answered(request)) return stop(request, reply, 'already');
      const body = request.body as AnswerFields;
      const result = await submitResponse(
        db,
        survey,
        { answers: answersOf(body), comment: body.comment ?? '', language: request.lang },
        null,
        clock.now(),
      );
      if (result.ok) {
        reply.setCookie(ANSWERED_COOKIE, '1', {
          path: path(survey.token),
          httpOnly: true,
          sameSite: 'lax',
          secure: config.secureCookies,
          maxAge: COOKIE_AGE,
        });
        return reply.redirect(`${path(survey.token)}/thanks`, 303);
      }
      if (result.reason === 'empty')
        return reply.status(400).page(view('public-answer'), {
          ...(await formPage(request, survey, body)),
          errors: [{ text: request.t('surveys.answer.empty'), href: '#answers' }],
        });
      if (result.reason === 'closed') return stop(request, reply, 'closed');
      throw new HttpError(400, 'bad-request');
    },
  );
};
