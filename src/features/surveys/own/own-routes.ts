// A school's own surveys (issue 18, part 2): leaders build a short questionnaire as a draft (from the
// library or in their own words; add, edit, reorder and remove without JavaScript), open it, share
// its link and QR code or print single-use invitations, and read results safe with small numbers.
import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FeaturePlugin } from '../../../app-deps.ts';
import type { SchoolRequestContext } from '../../../access/loaders/school.ts';
import { schoolScope } from '../../../access/request-scope.ts';
import { scoped } from '../../../access/scopes.ts';
import { HttpError } from '../../../lib/http-error.ts';
import { createTranslator } from '../../../plugins/i18n.ts';
import { SchoolNumber, Uuid } from '../../../lib/request-schemas.ts';
import { SURVEY_NEEDS, surveyCan } from '../survey-policy.ts';
import * as repo from '../survey-repository.ts';
import { view } from '../school-survey-routes.ts';
import type { Audience } from './question-library.ts';
import {
  fieldsOf,
  InvitationsBody,
  invitationCount,
  LibraryBody,
  libraryModel,
  MoveBody,
  NewSurveyBody,
  pick,
  QuestionBody,
  questionOf,
  questionsModel,
  titleOf,
  type QuestionFields,
} from './own-form.ts';
import * as own from './own-repository.ts';
import {
  addLibraryQuestions,
  addQuestion,
  createInvitations,
  createOwnSurvey,
  editQuestion,
  MAX_INVITATIONS,
  MAX_OWN_QUESTIONS,
  moveQuestion,
  openOwnSurvey,
  removeQuestion,
} from './own-service.ts';

const signedIn = { access: { signedIn: true } } as const;
const manage = scoped(signedIn, 'school', SURVEY_NEEDS.manage);
const SchoolParams = Type.Object({ number: SchoolNumber });
const SurveyParams = Type.Object({ number: SchoolNumber, id: Uuid });
const QuestionParams = Type.Object({ number: SchoolNumber, id: Uuid, qid: Uuid });
const base = (ctx: SchoolRequestContext) => `/schools/${ctx.school.number}/surveys`;
const model = (ctx: SchoolRequestContext) => ({
  school: ctx.school,
  schoolCan: ctx.can,
  schoolSection: 'surveys',
  surveyCan: surveyCan(ctx.can),
});

/** The public link's QR code as inline SVG (the CSP allows no data: images), labelled for screen readers. */
export async function qrSvg(url: string, label: string, size = 200): Promise<string> {
  // Loaded on first use, not at every start (issue 19; test/start-imports.unit.test.ts).
  const { default: QRCode } = await import('qrcode');
  const svg = await QRCode.toString(url, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' });
  const safe = label.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  return svg.replace('<svg ', `<svg role="img" aria-label="${safe}" width="${size}" height="${size}" `);
}

export const ownSurveyRoutes: FeaturePlugin<'database' | 'clock' | 'config'> = async (
  app,
  { database, clock, config },
) => {
  const db = database.db;
  const translatorFor = await createTranslator();
  /** A poster's or a slip's words in both languages: whoever picks it up reads their own. */
  const both = (page: 'poster' | 'slips', keys: string[]) =>
    Object.fromEntries(
      (['cy', 'en'] as const).map((l) => [
        l,
        Object.fromEntries(keys.map((k) => [k, translatorFor(l)(`surveys.own.${page}.${k}`)])),
      ]),
    );
  const surveyOf = async (ctx: SchoolRequestContext, id: string) => {
    const survey = await repo.findSurvey(db, ctx.school.number, id);
    if (!survey || survey.kind !== 'own') throw new HttpError(404, 'not-found');
    return survey;
  };
  const questionOfSurvey = async (survey: repo.Survey, qid: string) => {
    const question = await own.findQuestion(db, survey.id, qid);
    if (!question) throw new HttpError(404, 'not-found');
    return question;
  };
  const buildHref = (ctx: SchoolRequestContext, survey: repo.Survey) => `${base(ctx)}/${survey.id}/build`;
  const titleText = (survey: repo.Survey, lang: 'en' | 'cy') => pick(survey.title, lang);
  const notDraft = (request: FastifyRequest, reply: FastifyReply, ctx: SchoolRequestContext) =>
    reply.status(400).page(view('own-not-draft'), { title: request.t('surveys.own.notDraft.title'), ...model(ctx) });

  const builderPage = async (
    request: FastifyRequest,
    ctx: SchoolRequestContext,
    survey: repo.Survey,
    extra: { values?: QuestionFields; errors?: Record<string, string> } = {},
  ) => {
    const questions = await repo.questionsOf(db, survey.id);
    const codes = new Set(questions.map((q) => q.code).filter((c): c is string => !!c));
    const errors = extra.errors ?? {};
    return {
      title: request.t('surveys.own.build.title'),
      ...model(ctx),
      survey,
      surveyTitle: titleText(survey, request.lang),
      questions: questionsModel(questions, request.lang),
      library: libraryModel(survey.audience as Audience, request.lang, codes),
      maxQuestions: MAX_OWN_QUESTIONS,
      values: extra.values ?? { kind: 'agreement' },
      errors: Object.fromEntries(Object.entries(errors).map(([k, v]) => [k, request.t(v)])),
      errorList: Object.entries(errors).map(([k, v]) => ({ text: request.t(v), href: `#${k}` })),
      action: `${base(ctx)}/${survey.id}`,
      done: (request.query as { done?: string }).done,
    };
  };

  app.get(
    '/schools/:number/surveys/new',
    { config: manage, schema: { params: SchoolParams } },
    async (request, reply) => {
      const ctx = schoolScope(request);
      return reply.page(view('own-new'), { title: request.t('surveys.own.new.title'), ...model(ctx), values: {} });
    },
  );

  app.post(
    '/schools/:number/surveys/new',
    { config: manage, schema: { params: SchoolParams, body: NewSurveyBody } },
    async (request, reply) => {
      const ctx = schoolScope(request);
      const title = titleOf(request.body);
      const audience = request.body.audience;
      if (!title || !audience) {
        const errors = [
          ...(audience ? [] : [{ text: request.t('surveys.own.errors.audience'), href: '#audience' }]),
          ...(title ? [] : [{ text: request.t('surveys.own.errors.title'), href: '#titleEn' }]),
        ];
        return reply.status(400).page(view('own-new'), {
          title: request.t('surveys.own.new.title'),
          ...model(ctx),
          values: request.body,
          errorList: errors,
          errors: Object.fromEntries(errors.map((e) => [e.href.slice(1), e.text])),
        });
      }
      const survey = await createOwnSurvey(db, request.user!.id, ctx.school, { audience, title }, clock.now());
      return reply.redirect(buildHref(ctx, survey), 303);
    },
  );

  app.get(
    '/schools/:number/surveys/:id/build',
    {
      config: manage,
      schema: {
        params: SurveyParams,
        querystring: Type.Object({ done: Type.Optional(Type.String({ maxLength: 20 })) }),
      },
    },
    async (request, reply) => {
      const ctx = schoolScope(request);
      const survey = await surveyOf(ctx, request.params.id);
      if (survey.state !== 'draft') return reply.redirect(`${base(ctx)}/${survey.id}`, 303);
      return reply.page(view('own-build'), await builderPage(request, ctx, survey));
    },
  );

  app.post(
    '/schools/:number/surveys/:id/library',
    { config: manage, schema: { params: SurveyParams, body: LibraryBody } },
    async (request, reply) => {
      const ctx = schoolScope(request);
      const survey = await surveyOf(ctx, request.params.id);
      const result = await addLibraryQuestions(db, request.user!.id, survey, request.body.codes ?? []);
      if (result.ok) return reply.redirect(`${buildHref(ctx, survey)}?done=added`, 303);
      if (result.reason === 'state') return notDraft(request, reply, ctx);
      const key = result.reason === 'full' ? 'surveys.own.errors.full' : 'surveys.own.errors.choose';
      return reply
        .status(400)
        .page(view('own-build'), await builderPage(request, ctx, survey, { errors: { library: key } }));
    },
  );

  app.post(
    '/schools/:number/surveys/:id/questions',
    { config: manage, schema: { params: SurveyParams, body: QuestionBody } },
    async (request, reply) => {
      const ctx = schoolScope(request);
      const survey = await surveyOf(ctx, request.params.id);
      if (survey.state !== 'draft') return notDraft(request, reply, ctx);
      const parsed = questionOf(request.body);
      const result = parsed.ok ? await addQuestion(db, request.user!.id, survey, parsed.value) : null;
      if (result?.ok) return reply.redirect(`${buildHref(ctx, survey)}?done=added`, 303);
      if (result?.reason === 'state') return notDraft(request, reply, ctx);
      const errors = parsed.ok ? { textEn: 'surveys.own.errors.full' } : parsed.errors;
      return reply
        .status(400)
        .page(view('own-build'), await builderPage(request, ctx, survey, { values: request.body, errors }));
    },
  );

  const editPage = (
    request: FastifyRequest,
    ctx: SchoolRequestContext,
    survey: repo.Survey,
    question: repo.Question,
    values: QuestionFields,
    errors: Record<string, string> = {},
  ) => ({
    title: request.t('surveys.own.edit.title'),
    ...model(ctx),
    survey,
    question,
    values,
    action: `${base(ctx)}/${survey.id}/questions/${question.id}`,
    back: buildHref(ctx, survey),
    errors: Object.fromEntries(Object.entries(errors).map(([k, v]) => [k, request.t(v)])),
    errorList: Object.entries(errors).map(([k, v]) => ({ text: request.t(v), href: `#${k}` })),
  });

  app.get(
    '/schools/:number/surveys/:id/questions/:qid',
    { config: manage, schema: { params: QuestionParams } },
    async (request, reply) => {
      const ctx = schoolScope(request);
      const survey = await surveyOf(ctx, request.params.id);
      if (survey.state !== 'draft') return notDraft(request, reply, ctx);
      const question = await questionOfSurvey(survey, request.params.qid);
      return reply.page(view('own-edit'), editPage(request, ctx, survey, question, fieldsOf(question)));
    },
  );

  app.post(
    '/schools/:number/surveys/:id/questions/:qid',
    { config: manage, schema: { params: QuestionParams, body: QuestionBody } },
    async (request, reply) => {
      const ctx = schoolScope(request);
      const survey = await surveyOf(ctx, request.params.id);
      const question = await questionOfSurvey(survey, request.params.qid);
      if (survey.state !== 'draft') return notDraft(request, reply, ctx);
      const parsed = questionOf(request.body);
      if (!parsed.ok)
        return reply
          .status(400)
          .page(view('own-edit'), editPage(request, ctx, survey, question, request.body, parsed.errors));
      const result = await editQuestion(db, request.user!.id, survey, question, parsed.value);
      if (!result.ok) return notDraft(request, reply, ctx);
      return reply.redirect(`${buildHref(ctx, survey)}?done=saved`, 303);
    },
  );

  app.post(
    '/schools/:number/surveys/:id/questions/:qid/move',
    { config: manage, schema: { params: QuestionParams, body: MoveBody } },
    async (request, reply) => {
      const ctx = schoolScope(request);
      const survey = await surveyOf(ctx, request.params.id);
      const question = await questionOfSurvey(survey, request.params.qid);
      const result = await moveQuestion(db, request.user!.id, survey, question, request.body.direction);
      if (!result.ok) return notDraft(request, reply, ctx);
      return reply.redirect(`${buildHref(ctx, survey)}#question-${question.id}`, 303);
    },
  );

  app.post(
    '/schools/:number/surveys/:id/questions/:qid/remove',
    { config: manage, schema: { params: QuestionParams } },
    async (request, reply) => {
      const ctx = schoolScope(request);
      const survey = await surveyOf(ctx, request.params.id);
      const question = await questionOfSurvey(survey, request.params.qid);
      const result = await removeQuestion(db, request.user!.id, survey, question);
      if (!result.ok) return notDraft(request, reply, ctx);
      return reply.redirect(`${buildHref(ctx, survey)}?done=removed`, 303);
    },
  );

  app.post(
    '/schools/:number/surveys/:id/open',
    { config: manage, schema: { params: SurveyParams } },
    async (request, reply) => {
      const ctx = schoolScope(request);
      const survey = await surveyOf(ctx, request.params.id);
      const result = await openOwnSurvey(db, request.user!.id, survey, clock.now());
      if (result.ok) return reply.redirect(`${base(ctx)}/${survey.id}/share?done=opened`, 303);
      if (result.reason === 'state') return notDraft(request, reply, ctx);
      return reply
        .status(400)
        .page(
          view('own-build'),
          await builderPage(request, ctx, survey, { errors: { library: 'surveys.own.errors.noQuestions' } }),
        );
    },
  );

  const linkOf = (survey: repo.Survey) => `${config.publicUrl}/survey/${survey.token}`;

  app.get(
    '/schools/:number/surveys/:id/share',
    {
      config: manage,
      schema: {
        params: SurveyParams,
        querystring: Type.Object({ done: Type.Optional(Type.String({ maxLength: 20 })) }),
      },
    },
    async (request, reply) => {
      const ctx = schoolScope(request);
      const survey = await surveyOf(ctx, request.params.id);
      if (survey.state === 'draft') return reply.redirect(buildHref(ctx, survey), 303);
      const link = linkOf(survey);
      return reply.page(view('own-share'), {
        title: request.t('surveys.own.share.title'),
        ...model(ctx),
        survey,
        surveyTitle: titleText(survey, request.lang),
        link,
        qr: await qrSvg(link, request.t('surveys.own.share.qrLabel')),
        invitations: await own.invitationCounts(db, survey.id),
        maxInvitations: MAX_INVITATIONS,
        done: request.query.done,
      });
    },
  );

  app.get(
    '/schools/:number/surveys/:id/poster',
    { config: manage, schema: { params: SurveyParams } },
    async (request, reply) => {
      const ctx = schoolScope(request);
      const survey = await surveyOf(ctx, request.params.id);
      if (survey.state !== 'open') return reply.redirect(`${base(ctx)}/${survey.id}`, 303);
      const link = linkOf(survey);
      return reply.page(view('own-poster'), {
        title: request.t('surveys.own.poster.title'),
        ...model(ctx),
        survey,
        surveyTitle: pick(survey.title, 'cy'),
        surveyTitleEn: pick(survey.title, 'en'),
        link,
        qr: await qrSvg(link, request.t('surveys.own.share.qrLabel'), 260),
        both: both('poster', ['scan', 'anonymous']),
      });
    },
  );

  app.post(
    '/schools/:number/surveys/:id/invitations',
    { config: manage, schema: { params: SurveyParams, body: InvitationsBody } },
    async (request, reply) => {
      const ctx = schoolScope(request);
      const survey = await surveyOf(ctx, request.params.id);
      if (survey.state === 'closed') return notDraft(request, reply, ctx);
      const n = invitationCount(request.body.count);
      if (!n) {
        const link = linkOf(survey);
        return reply.status(400).page(view('own-share'), {
          title: request.t('surveys.own.share.title'),
          ...model(ctx),
          survey,
          surveyTitle: titleText(survey, request.lang),
          link,
          qr: await qrSvg(link, request.t('surveys.own.share.qrLabel')),
          invitations: await own.invitationCounts(db, survey.id),
          maxInvitations: MAX_INVITATIONS,
          countValue: request.body.count,
          errorList: [{ text: request.t('surveys.own.errors.count', { max: MAX_INVITATIONS }), href: '#count' }],
          countError: request.t('surveys.own.errors.count', { max: MAX_INVITATIONS }),
        });
      }
      const codes = (await createInvitations(db, request.user!.id, survey, n))!;
      const slips = await Promise.all(
        codes.map(async (code) => {
          const url = `${linkOf(survey)}?code=${code}`;
          return { code, url, qr: await qrSvg(url, request.t('surveys.own.share.qrLabel'), 120) };
        }),
      );
      // Shown now and never again: only the codes' hashes are kept.
      return reply.page(view('own-slips'), {
        title: request.t('surveys.own.slips.title'),
        ...model(ctx),
        survey,
        surveyTitle: pick(survey.title, 'cy'),
        surveyTitleEn: pick(survey.title, 'en'),
        slips,
        both: both('slips', ['code']),
        back: `${base(ctx)}/${survey.id}/share`,
      });
    },
  );
};
