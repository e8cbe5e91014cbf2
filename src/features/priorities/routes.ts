import { readerTexts, withReaderTexts } from '../../lib/reader-texts.ts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { FeaturePlugin } from '../../app-deps.ts';
import { HttpError } from '../../lib/http-error.ts';
import { academicYearOf, isOneOf, PRIORITY_STATES } from '../../reference/reference-data.ts';
import { type SchoolRequestContext } from '../../access/loaders/school.ts';
import { sharingModel } from '../../sharing/sharing-presenter.ts';
import { questionsModel } from '../../governor-questions/question-presenter.ts';
import { findCycle } from '../school-cycle/cycle-repository.ts';
import { readerAccess, requireUuid, sharedNotice } from '../../school/school-items.ts';
import { priorityFormRoutes } from './form-routes.ts';
import { GROUPINGS, groupPriorities, PRIORITY_TEXTS } from './priorities-presenter.ts';
import * as repo from './priorities-repository.ts';
import { changeState } from './priorities-service.ts';
import { priorityProgress } from '../progress-reviews/progress-presenter.ts';
import { allowedTransitions, readinessChecklist } from '../../self-evaluation/priority-readiness.ts';
import { vagueWordingPrompts } from '../../self-evaluation/vague-wording.ts';
import { FormText, SchoolNumber, Uuid, Version } from '../../lib/request-schemas.ts';
import { schoolScope } from '../../access/request-scope.ts';
import { scoped } from '../../access/scopes.ts';

const signedIn = { access: { signedIn: true } } as const;
const SchoolParams = Type.Object({ number: SchoolNumber });
const PriorityParams = Type.Object({ number: SchoolNumber, id: Uuid });
const short = FormText(40);
const StateBody = Type.Object({ version: Version, state: Type.String({ maxLength: 40 }) });

/** Priorities: precise, refined and specific, agreed only when ready (issue 4, item 4). */
export const prioritiesRoutes: FeaturePlugin<'database' | 'clock'> = async (app, deps) => {
  const db = deps.database.db;
  const clock = deps.clock;
  const view = (name: string) => `features/priorities/views/${name}.njk`;

  app.get(
    '/schools/:number/priorities',
    {
      config: scoped(signedIn, 'school'),
      schema: { params: SchoolParams, querystring: Type.Object({ by: short, national: short }) },
    },
    async (request, reply) => {
      const ctx = schoolScope(request);
      const year = academicYearOf(clock.now());
      const cycle = await findCycle(db, ctx.school.number, year);
      const model = {
        title: request.t('pages.priorities.title'),
        heading: request.t('pages.priorities.heading'),
        ...ctx,
        schoolCan: ctx.can,
        schoolSection: 'priorities',
        year,
      };
      if (!cycle) return reply.page(view('no-cycle'), model);
      const by = isOneOf(GROUPINGS, request.query.by) ? request.query.by : 'theme';
      const national = await repo.nationalPriorityList(db);
      const filter = {
        national: national.some((n) => n.code === request.query.national) ? request.query.national! : '',
      };
      const rows = await repo.prioritiesOfCycle(db, cycle.id, readerAccess(request, ctx), filter);
      return reply.page(view('list'), {
        ...model,
        cycle,
        by,
        national,
        filter,
        total: rows.length,
        groups: groupPriorities(rows, by, request.lang),
      });
    },
  );

  async function renderPriority(
    request: FastifyRequest,
    reply: FastifyReply,
    ctx: SchoolRequestContext,
    priority: repo.PriorityDetail,
    extra: Record<string, unknown> = {},
    status = 200,
  ) {
    const access = readerAccess(request, ctx);
    const [linked, national, sharing, questions, progress] = await Promise.all([
      repo.linkedFindings(db, priority.id, access),
      repo.nationalPriorityList(db),
      sharingModel(db, ctx.school, ctx.can, 'priority', priority.id, request.lang, {
        record: priority,
        originals: {
          title: priority.title,
          description: priority.description,
          learners: priority.learners,
          successMeasure: priority.successMeasure,
        },
        href: `/schools/${ctx.school.number}/other-language/priority/${priority.id}`,
      }),
      questionsModel(db, request.user, ctx.school, 'priority', priority.id),
      priorityProgress(
        db,
        {
          schoolNumber: ctx.school.number,
          priority,
          access,
          now: clock.now(),
          editorId: ctx.can.edit ? request.user!.id : null,
        },
        request.t,
        request.lang,
      ),
    ]);
    const findings = linked.filter((f) => f.visible);
    const rt = readerTexts(priority, PRIORITY_TEXTS, request.lang);
    return reply.status(status).page(view('priority'), {
      title: rt.title.text,
      rt,
      ...ctx,
      schoolCan: ctx.can,
      schoolSection: 'priorities',
      priority,
      sharing,
      questions,
      national,
      findings: findings.map((f) => withReaderTexts(f, ['title'], request.lang)),
      hiddenFindings: linked.length - findings.length,
      checklist: readinessChecklist(priority),
      prompts: ctx.can.edit ? vagueWordingPrompts(priority, priority.language) : [],
      transitions: allowedTransitions(priority.state),
      progress,
      ...extra,
    });
  }

  async function priorityOr404(ctx: SchoolRequestContext, request: FastifyRequest, id: string) {
    const priority = await repo.findPriority(db, ctx.school.number, requireUuid(id), readerAccess(request, ctx));
    if (!priority) throw new HttpError(404, 'not-found');
    return priority;
  }

  app.get(
    '/schools/:number/priorities/:id',
    {
      config: scoped(signedIn, 'school'),
      schema: {
        params: PriorityParams,
        querystring: Type.Object({ saved: short, moved: short, shared: short, reviewed: short }),
      },
    },
    async (request, reply) => {
      const ctx = schoolScope(request);
      const priority = await priorityOr404(ctx, request, request.params.id);
      return renderPriority(request, reply, ctx, priority, {
        saved: request.query.saved === '1',
        moved: isOneOf(PRIORITY_STATES, request.query.moved) ? request.query.moved : null,
        shared: sharedNotice(request.query.shared),
        reviewed: request.query.reviewed === '1',
      });
    },
  );

  app.post(
    '/schools/:number/priorities/:id/state',
    { config: scoped(signedIn, 'school', 'edit'), schema: { params: PriorityParams, body: StateBody } },
    async (request, reply) => {
      const ctx = schoolScope(request);
      const priority = await priorityOr404(ctx, request, request.params.id);
      const result = await changeState(
        db,
        request.user!.id,
        priority,
        request.body.version,
        request.body.state,
        clock.now(),
      );
      if (result.ok)
        return reply.redirect(
          `/schools/${ctx.school.number}/priorities/${priority.id}?moved=${result.priority.state}`,
          303,
        );
      if (result.reason === 'not-ready') {
        const errors = result.missing.map((part) => ({
          text: request.t(`pages.priorities.errors.notReady.${part}`),
          href: `#readiness-${part}`,
        }));
        return renderPriority(request, reply, ctx, priority, { errors, refused: true }, 400);
      }
      if (result.reason === 'invalid')
        return renderPriority(
          request,
          reply,
          ctx,
          priority,
          { errors: [{ text: request.t('pages.priorities.errors.transition'), href: '#next-steps' }] },
          400,
        );
      if (result.reason === 'conflict') {
        const fresh = await priorityOr404(ctx, request, priority.id);
        return renderPriority(
          request,
          reply,
          ctx,
          fresh,
          { errors: [{ text: request.t('pages.priorities.errors.stateConflict'), href: '#next-steps' }] },
          409,
        );
      }
      throw new HttpError(400, 'bad-request');
    },
  );

  await priorityFormRoutes(app, deps);
};
