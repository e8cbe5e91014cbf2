// Governors' questions and comments (issue 15, part 5): ask on an item, answer or follow up, close,
// and the school's list of them. The threads show on each item's page (views/partials/questions.njk).
import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FeaturePlugin } from '../../app-deps.ts';
import { governingBodyScope } from '../../access/request-scope.ts';
import { scoped } from '../../access/scopes.ts';
import { HttpError } from '../../lib/http-error.ts';
import { presentErrors, text } from '../../lib/forms.ts';
import { FormText, SchoolNumber, SharedItemId, Uuid } from '../../lib/request-schemas.ts';
import { createTranslator } from '../../plugins/i18n.ts';
import { THREAD_ITEM_TYPES, THREAD_KINDS, THREAD_STATUSES } from '../../reference/record-states.ts';
import {
  addMessage,
  askQuestion,
  closeThread,
  type ItemNamer,
  type ThreadResult,
} from '../../governor-questions/question-service.ts';
import { listThreads, LIST_LIMIT } from '../../governor-questions/question-list-repository.ts';
import { presentThreadList } from './question-list-presenter.ts';

const signedIn = { access: { signedIn: true } } as const;
const literals = <T extends string>(values: readonly T[]) => Type.Union(values.map((v) => Type.Literal(v)));
const SchoolParams = Type.Object({ number: SchoolNumber });
const ThreadParams = Type.Object({ number: SchoolNumber, threadId: Uuid });
// Generous at the door: the service says, on the page, when a message is longer than it keeps.
const Body = FormText(20_000);
const AskBody = Type.Object({
  itemType: literals(THREAD_ITEM_TYPES),
  itemId: SharedItemId,
  kind: literals(THREAD_KINDS),
  body: Body,
});
const view = (name: string) => `features/governor-questions/views/${name}.njk`;

export const governorQuestionRoutes: FeaturePlugin<'database' | 'clock'> = async (app, { database, clock }) => {
  const db = database.db;
  const tFor = await createTranslator();
  // The item's name in both languages, for a notification about the plan, a revision or a document.
  const named: ItemNamer = (item) => {
    const name = (lang: 'en' | 'cy') =>
      item.type === 'output'
        ? tFor(lang)(`outputs.titles.${item.id.split(':')[1]}`)
        : tFor(lang)(`questions.items.${item.type}`, { number: item.number ?? '' });
    return { en: name('en'), cy: name('cy') };
  };

  /** Where a change leads: back to the item, or the form again (400, or 409 once closed), or a refusal. */
  function respond(request: FastifyRequest, reply: FastifyReply, result: ThreadResult, action: string, hidden: object) {
    if (result.ok) return reply.redirect(result.link, 303);
    if (result.reason === 'not-found') throw new HttpError(404, 'not-found');
    if (result.reason === 'forbidden') throw new HttpError(403, 'forbidden');
    if (result.reason !== 'invalid' && result.reason !== 'closed') throw new HttpError(400, 'bad-request');
    const ctx = governingBodyScope(request);
    return reply.status(result.reason === 'closed' ? 409 : 400).page(view('message-form'), {
      title: request.t('questions.formTitle'),
      school: ctx.school,
      schoolCan: ctx.can,
      schoolSection: 'plan',
      action,
      hidden,
      back: result.link,
      body: (request.body as { body?: string }).body ?? '',
      ...presentErrors(result.errors, request.t),
    });
  }

  // The body's governors ask about what the school shares with them; the service checks the item is.
  app.post(
    '/schools/:number/questions',
    { config: scoped(signedIn, 'governingBody', 'readShared'), schema: { params: SchoolParams, body: AskBody } },
    async (request, reply) => {
      const ctx = governingBodyScope(request);
      const { itemType, itemId, kind } = request.body;
      const input = { itemType, itemId, kind, body: text(request.body.body), language: request.lang };
      const result = await askQuestion(db, request.user!, ctx.school, input, clock.now(), named);
      return respond(request, reply, result, `/schools/${ctx.school.number}/questions`, { itemType, itemId, kind });
    },
  );

  app.post(
    '/schools/:number/questions/:threadId/messages',
    {
      config: scoped(signedIn, 'governingBody', 'questions'),
      schema: { params: ThreadParams, body: Type.Object({ body: Body }) },
    },
    async (request, reply) => {
      const ctx = governingBodyScope(request);
      const input = { body: text(request.body.body), language: request.lang };
      const result = await addMessage(
        db,
        request.user!,
        ctx.school,
        request.params.threadId,
        input,
        clock.now(),
        named,
      );
      return respond(request, reply, result, request.url, {});
    },
  );

  app.post(
    '/schools/:number/questions/:threadId/close',
    { config: scoped(signedIn, 'governingBody', 'questions'), schema: { params: ThreadParams } },
    async (request, reply) => {
      const ctx = governingBodyScope(request);
      const result = await closeThread(db, request.user!, ctx.school, request.params.threadId, clock.now());
      return respond(request, reply, result, request.url, {});
    },
  );

  app.get(
    '/schools/:number/questions',
    {
      config: scoped(signedIn, 'governingBody', 'questions'),
      schema: { params: SchoolParams, querystring: Type.Object({ status: Type.Optional(literals(THREAD_STATUSES)) }) },
    },
    async (request, reply) => {
      const ctx = governingBodyScope(request);
      const status = request.query.status ?? 'open';
      // The school's staff read every thread; its governors those on items still open to them.
      const rows = await listThreads(db, ctx.school.number, [status], { governorsOnly: !ctx.can.staff });
      return reply.page(view('list'), {
        title: request.t('questions.list.title'),
        school: ctx.school,
        schoolCan: ctx.can,
        schoolSection: 'plan',
        status,
        statuses: THREAD_STATUSES,
        staff: ctx.can.staff,
        threads: presentThreadList(rows, ctx.school.number, request.user!.id, request.t, request.lang),
        limited: rows.length >= LIST_LIMIT,
        limit: LIST_LIMIT,
      });
    },
  );
};
