import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { FeaturePlugin } from '../../app-deps.ts';
import { HttpError } from '../../lib/http-error.ts';
import { presentErrors } from '../../lib/forms.ts';
import { academicYearOf, CYCLE_STAGES } from '../../reference/reference-data.ts';
import { type SchoolRequestContext } from '../../access/loaders/school.ts';
import * as repo from './cycle-repository.ts';
import { ANSWER_FIELDS, moveStage, saveAnswers, startCycle, type AnswerField } from './cycle-service.ts';
import { BoundedInteger, FormText, SchoolNumber, Version } from '../../lib/request-schemas.ts';
import { schoolScope } from '../../access/request-scope.ts';
import { scoped } from '../../access/scopes.ts';

const signedIn = { access: { signedIn: true } } as const;
const SchoolParams = Type.Object({ number: SchoolNumber });
const CycleParams = Type.Object({ number: SchoolNumber, year: BoundedInteger(2000, 2100) });
const answer = FormText(20_000);
const AnswersBody = Type.Object({
  version: Version,
  progressingAnswer: answer,
  paceAnswer: answer,
  howWellAnswer: answer,
  howKnowAnswer: answer,
  howImproveAnswer: answer,
});
const StageBody = Type.Object({ version: Version, stage: Type.String({ maxLength: 40 }) });

export const schoolCycleRoutes: FeaturePlugin<'database' | 'clock'> = async (app, { database, clock }) => {
  const db = database.db;
  const view = (name: string) => `features/school-cycle/views/${name}.njk`;

  async function cycleOr404(number: string, year: number) {
    const cycle = await repo.findCycle(db, number, year);
    if (!cycle) throw new HttpError(404, 'not-found');
    return cycle;
  }

  async function renderCycle(
    request: FastifyRequest,
    reply: FastifyReply,
    ctx: SchoolRequestContext,
    cycle: repo.Cycle,
    extra: Record<string, unknown> = {},
    status = 200,
  ) {
    const counts = await repo.cycleCounts(db, cycle.id);
    return reply.status(status).page(view('cycle'), {
      title: request.t('pages.cycle.title', { year: cycle.academicYear, next: cycle.academicYear + 1 }),
      ...ctx,
      schoolCan: ctx.can,
      schoolSection: 'cycle',
      cycle,
      counts,
      stages: CYCLE_STAGES,
      fields: ANSWER_FIELDS,
      ...extra,
    });
  }

  app.get(
    '/schools/:number/cycle',
    { config: scoped(signedIn, 'school', 'readPrivate'), schema: { params: SchoolParams } },
    async (request, reply) => {
      const ctx = schoolScope(request);
      const current = academicYearOf(clock.now());
      if (await repo.findCycle(db, ctx.school.number, current))
        return reply.redirect(`/schools/${ctx.school.number}/cycles/${current}`, 303);
      const cycles = await repo.listCycles(db, ctx.school.number);
      return reply.page(view('cycles'), {
        title: request.t('pages.cycles.title'),
        ...ctx,
        schoolCan: ctx.can,
        schoolSection: 'cycle',
        cycles,
        current,
      });
    },
  );

  app.post(
    '/schools/:number/cycles',
    { config: scoped(signedIn, 'school', 'edit'), schema: { params: SchoolParams } },
    async (request, reply) => {
      const ctx = schoolScope(request);
      const year = academicYearOf(clock.now());
      await startCycle(db, request.user!.id, ctx.school, year, request.lang);
      return reply.redirect(`/schools/${ctx.school.number}/cycles/${year}`, 303);
    },
  );

  app.get(
    '/schools/:number/cycles/:year',
    { config: scoped(signedIn, 'school', 'readPrivate'), schema: { params: CycleParams } },
    async (request, reply) => {
      const ctx = schoolScope(request);
      return renderCycle(request, reply, ctx, await cycleOr404(ctx.school.number, request.params.year), {
        saved: (request.query as { saved?: string }).saved === '1',
      });
    },
  );

  app.get(
    '/schools/:number/cycles/:year/answers',
    { config: scoped(signedIn, 'school', 'edit'), schema: { params: CycleParams } },
    async (request, reply) => {
      const ctx = schoolScope(request);
      const cycle = await cycleOr404(ctx.school.number, request.params.year);
      return reply.page(view('answers'), {
        title: request.t('pages.cycle.editTitle'),
        ...ctx,
        schoolCan: ctx.can,
        schoolSection: 'cycle',
        cycle,
        values: cycle,
        fields: ANSWER_FIELDS,
      });
    },
  );

  app.post(
    '/schools/:number/cycles/:year/answers',
    { config: scoped(signedIn, 'school', 'edit'), schema: { params: CycleParams, body: AnswersBody } },
    async (request, reply) => {
      const ctx = schoolScope(request);
      const cycle = await cycleOr404(ctx.school.number, request.params.year);
      const input = Object.fromEntries(ANSWER_FIELDS.map((f) => [f, (request.body[f] ?? '').trim()])) as Record<
        AnswerField,
        string
      >;
      const result = await saveAnswers(
        db,
        request.user!.id,
        cycle,
        request.body.version,
        input,
        request.lang,
        clock.now(),
      );
      if (result.ok) return reply.redirect(`/schools/${ctx.school.number}/cycles/${cycle.academicYear}?saved=1`, 303);
      const model = {
        ...ctx,
        schoolCan: ctx.can,
        schoolSection: 'cycle',
        fields: ANSWER_FIELDS,
        values: { ...input, version: request.body.version },
      };
      if (result.reason === 'invalid')
        return reply.status(400).page(view('answers'), {
          title: request.t('pages.cycle.editTitle'),
          ...model,
          cycle,
          ...presentErrors(result.errors, request.t),
        });
      // Show what the other person saved beside what this person typed; saving again keeps theirs knowingly.
      const changed = ANSWER_FIELDS.filter((f) => result.current[f] !== input[f]).map((f) => ({
        field: f,
        theirs: result.current[f],
        yours: input[f],
      }));
      return reply.status(409).page(view('answers'), {
        title: request.t('pages.cycle.editTitle'),
        ...model,
        cycle: result.current,
        values: { ...input, version: result.current.version },
        conflict: changed,
        errors: [{ text: request.t('common.conflict.title'), href: '#conflict' }],
      });
    },
  );

  app.post(
    '/schools/:number/cycles/:year/stage',
    { config: scoped(signedIn, 'school', 'edit'), schema: { params: CycleParams, body: StageBody } },
    async (request, reply) => {
      const ctx = schoolScope(request);
      const cycle = await cycleOr404(ctx.school.number, request.params.year);
      const result = await moveStage(
        db,
        request.user!.id,
        cycle,
        request.body.version,
        request.body.stage,
        clock.now(),
      );
      if (result.ok) return reply.redirect(`/schools/${ctx.school.number}/cycles/${cycle.academicYear}?saved=1`, 303);
      if (result.reason === 'invalid') throw new HttpError(400, 'bad-request');
      return renderCycle(
        request,
        reply,
        ctx,
        result.current,
        { errors: [{ text: request.t('common.conflict.title'), href: '#stage' }] },
        409,
      );
    },
  );
};
