// The public pages of a school's own survey (issue 18, parts 2 and 6): the respondent needs no
// account, picks the language, and answers on a phone without JavaScript. One answer per browser by
// the cookie on the link's path; with invitations, one answer per printed code instead.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../../db/client.ts';
import type { Clock } from '../../../lib/clock.ts';
import { HttpError } from '../../../lib/http-error.ts';
import { createTranslator } from '../../../plugins/i18n.ts';
import * as repo from '../survey-repository.ts';
import { view } from '../school-survey-routes.ts';
import { ownAnswersOf, ownFormModel, pick, type OwnAnswerFields } from './own-form.ts';
import * as own from './own-repository.ts';
import { INVITATION_CODE_PATTERN, invitationHash, submitOwnResponse } from './own-service.ts';

type Deps = {
  db: Db;
  clock: Clock;
  config: { secureCookies: boolean };
  path: (token: string) => string;
  answered: (request: FastifyRequest) => boolean;
  stop: (
    request: FastifyRequest,
    reply: FastifyReply,
    page: 'closed' | 'already',
  ) => Promise<FastifyReply> | FastifyReply;
  cookieAge: number;
  cookieName: string;
};

export function ownPublicPages({ db, clock, config, path, answered, stop, cookieAge, cookieName }: Deps) {
  const translatorFor = createTranslator();

  const formPage = async (
    request: FastifyRequest,
    survey: repo.Survey,
    code: string | null,
    values?: OwnAnswerFields,
  ) => {
    const languageHref = `${path(survey.token)}${code ? `?code=${code}&` : '?'}`;
    return {
      title: pick(survey.title, request.lang).text,
      surveyTitle: pick(survey.title, request.lang),
      audience: survey.audience,
      action: path(survey.token),
      languageHref,
      code,
      otherLanguageOffer: (await translatorFor)(request.lang === 'cy' ? 'en' : 'cy')(
        'surveys.answer.alsoInThisLanguage',
      ),
      form: ownFormModel(await repo.questionsOf(db, survey.id), request.lang, values),
    };
  };

  const codePage = (request: FastifyRequest, reply: FastifyReply, survey: repo.Survey, wrong: boolean) =>
    reply.status(wrong ? 400 : 200).page(view('public-own-code'), {
      title: request.t('surveys.own.code.title'),
      action: path(survey.token),
      errorList: wrong ? [{ text: request.t('surveys.own.code.wrong'), href: '#code' }] : [],
      codeError: wrong ? request.t('surveys.own.code.wrong') : null,
    });

  return {
    /** The answer form; with invitations, first the code (from the slip's link or typed in). */
    async form(request: FastifyRequest, reply: FastifyReply, survey: repo.Survey, typed: string | null) {
      const tidy = (typed ?? '').replace(/[\s-]/g, '').toUpperCase();
      const code = tidy ? tidy : null;
      const invited = (await own.invitationCounts(db, survey.id)).total > 0;
      if (invited) {
        if (!code) return codePage(request, reply, survey, false);
        if (!new RegExp(INVITATION_CODE_PATTERN).test(code)) return codePage(request, reply, survey, true);
        const state = await own.invitationState(db, survey.id, invitationHash(survey.id, code));
        if (state === 'unknown') return codePage(request, reply, survey, true);
        if (state === 'used') return stop(request, reply, 'already');
        return reply.page(view('public-own-answer'), await formPage(request, survey, code));
      }
      if (answered(request)) return reply.page(view('public-already'), { title: request.t('surveys.already.title') });
      return reply.page(view('public-own-answer'), await formPage(request, survey, null));
    },

    async submit(request: FastifyRequest, reply: FastifyReply, survey: repo.Survey, body: OwnAnswerFields) {
      const code = body.code ? body.code : null;
      const invited = (await own.invitationCounts(db, survey.id)).total > 0;
      if (!invited && answered(request)) return stop(request, reply, 'already');
      const result = await submitOwnResponse(db, survey, ownAnswersOf(body, request.lang), code, clock.now());
      if (result.ok) {
        if (!invited)
          reply.setCookie(cookieName, '1', {
            path: path(survey.token),
            httpOnly: true,
            sameSite: 'lax',
            secure: config.secureCookies,
            maxAge: cookieAge,
          });
        return reply.redirect(`${path(survey.token)}/thanks`, 303);
      }
      if (result.reason === 'empty')
        return reply.status(400).page(view('public-own-answer'), {
          ...(await formPage(request, survey, code, body)),
          errors: [{ text: request.t('surveys.own.answer.empty'), href: '#answers' }],
        });
      if (result.reason === 'invitation') return codePage(request, reply, survey, true);
      if (result.reason === 'closed' || result.reason === 'already') return stop(request, reply, result.reason);
      throw new HttpError(400, 'bad-request');
    },
  };
}
