import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import type { FeaturePlugin } from '../../app-deps.ts';
import { formatDate } from '../../lib/dates.ts';
import { presentErrors, text } from '../../lib/forms.ts';
import { HttpError } from '../../lib/http-error.ts';
import { academicYearOf, FINDING_KINDS, NIF_THEMES } from '../../reference/reference-data.ts';
import { type SchoolRequestContext } from '../../access/loaders/school.ts';
import { findCycle } from '../school-cycle/cycle-repository.ts';
import { idList, requireUuid } from '../../school/school-items.ts';
import { CHOICES_SHOWN, conflictRows, evidencePicker } from './findings-presenter.ts';
import * as repo from './findings-repository.ts';
import { createFinding, updateFinding, type FindingInput } from './findings-service.ts';
import { FormText, IdList, SchoolNumber, Uuid, Version } from '../../lib/request-schemas.ts';
import { schoolScope } from '../../access/request-scope.ts';
import { scoped } from '../../access/scopes.ts';

const signedIn = { access: { signedIn: true } } as const;
const SchoolParams = Type.Object({ number: SchoolNumber });
const FindingParams = Type.Object({ number: SchoolNumber, id: Uuid });
const field = FormText(20_000);
const FindingBody = Type.Object({
  version: Type.Optional(Version),
  intent: field,
  kind: field,
  title: field,
  body: field,
  nifTheme: field,
  language: field,
  evidenceIds: IdList(2_000),
  q: field,
  source: field,
  theme: field,
});
type Body = Static<typeof FindingBody>;

function readInput(body: Body): FindingInput {
  return {
    kind: text(body.kind),
    title: text(body.title),
    body: text(body.body),
    nifTheme: text(body.nifTheme),
    language: text(body.language),
    evidenceIds: idList(body.evidenceIds),
  };
}
const readFilter = (body: Partial<Body>): repo.EvidenceFilter => ({
  q: text(body.q).slice(0, 200),
  source: text(body.source),
  theme: text(body.theme),
});

type FormState = {
  cycleId: string;
  finding?: repo.Finding;
  values: FindingInput & { version?: number };
  filter: repo.EvidenceFilter;
  status?: number;
  extra?: Record<string, unknown>;
};

/** Adding and editing findings: leaders only (`can.edit`). */
export const findingFormRoutes: FeaturePlugin<'database' | 'clock'> = async (app, { database, clock }) => {
  const db = database.db;
  const base = (number: string) => `/schools/${number}/findings`;

  async function renderForm(request: FastifyRequest, reply: FastifyReply, ctx: SchoolRequestContext, state: FormState) {
    const [selected, choices] = await Promise.all([
      repo.evidenceByIds(db, ctx.school.number, state.values.evidenceIds),
      repo.evidenceChoices(db, ctx.school.number, state.cycleId, state.filter, CHOICES_SHOWN),
    ]);
    const heading = request.t(state.finding ? 'pages.findings.editHeading' : 'pages.findings.newHeading');
    return reply.status(state.status ?? 200).page('features/findings/views/form.njk', {
      title: heading,
      heading,
      ...ctx,
      schoolCan: ctx.can,
      schoolSection: 'findings',
      values: state.values,
      kinds: FINDING_KINDS,
      themes: NIF_THEMES,
      picker: evidencePicker(selected, choices, state.filter, request.t, (d) => formatDate(d, request.lang)),
      action: state.finding ? `${base(ctx.school.number)}/${state.finding.id}/edit` : base(ctx.school.number),
      cancelHref: state.finding ? `${base(ctx.school.number)}/${state.finding.id}` : base(ctx.school.number),
      ...state.extra,
    });
  }

  async function currentCycleOrPage(
    request: FastifyRequest,
    reply: FastifyReply,
    ctx: SchoolRequestContext,
    status: number,
  ) {
    const year = academicYearOf(clock.now());
    const cycle = await findCycle(db, ctx.school.number, year);
    if (!cycle)
      await reply.status(status).page('features/findings/views/no-cycle.njk', {
        title: request.t('pages.findings.newHeading'),
        heading: request.t('pages.findings.newHeading'),
        ...ctx,
        schoolCan: ctx.can,
        schoolSection: 'findings',
        year,
      });
    return cycle;
  }

  async function editableFinding(ctx: SchoolRequestContext, id: string) {
    const finding = await repo.findFinding(db, ctx.school.number, requireUuid(id), { all: true });
    if (!finding) throw new HttpError(404, 'not-found');
    return finding;
  }

  app.get(
    '/schools/:number/findings/new',
    {
      config: scoped(signedIn, 'school', 'edit'),
      schema: { params: SchoolParams, querystring: Type.Object({ kind: field }) },
    },
    async (request, reply) => {
      const ctx = schoolScope(request);
      const cycle = await currentCycleOrPage(request, reply, ctx, 200);
      if (!cycle) return reply;
      const values = {
        kind: text(request.query.kind),
        title: '',
        body: '',
        nifTheme: '',
        language: request.lang,
        evidenceIds: [],
      };
      return renderForm(request, reply, ctx, { cycleId: cycle.id, values, filter: readFilter({}) });
    },
  );

  app.post(
    '/schools/:number/findings',
    { config: scoped(signedIn, 'school', 'edit'), schema: { params: SchoolParams, body: FindingBody } },
    async (request, reply) => {
      const ctx = schoolScope(request);
      const cycle = await currentCycleOrPage(request, reply, ctx, 409);
      if (!cycle) return reply;
      const values = readInput(request.body);
      const filter = readFilter(request.body);
      if (request.body.intent === 'filter')
        return renderForm(request, reply, ctx, { cycleId: cycle.id, values, filter });
      const result = await createFinding(db, request.user!.id, ctx.school, cycle.id, values);
      if (result.ok) return reply.redirect(`${base(ctx.school.number)}/${result.finding.id}?saved=1`, 303);
      if (result.reason === 'invalid')
        return renderForm(request, reply, ctx, {
          cycleId: cycle.id,
          values,
          filter,
          status: 400,
          extra: presentErrors(result.errors, request.t),
        });
      throw new HttpError(400, 'bad-request');
    },
  );

  app.get(
    '/schools/:number/findings/:id/edit',
    { config: scoped(signedIn, 'school', 'edit'), schema: { params: FindingParams } },
    async (request, reply) => {
      const ctx = schoolScope(request);
      const finding = await editableFinding(ctx, request.params.id);
      const values = {
        kind: finding.kind,
        title: finding.title,
        body: finding.body,
        nifTheme: finding.nifTheme ?? '',
        language: finding.language,
        evidenceIds: await repo.linkedEvidenceIds(db, finding.id),
        version: finding.version,
      };
      return renderForm(request, reply, ctx, { cycleId: finding.cycleId, finding, values, filter: readFilter({}) });
    },
  );

  app.post(
    '/schools/:number/findings/:id/edit',
    { config: scoped(signedIn, 'school', 'edit'), schema: { params: FindingParams, body: FindingBody } },
    async (request, reply) => {
      const ctx = schoolScope(request);
      const finding = await editableFinding(ctx, request.params.id);
      if (!request.body.version) throw new HttpError(400, 'bad-request');
      const values = { ...readInput(request.body), version: request.body.version };
      const filter = readFilter(request.body);
      const state = { cycleId: finding.cycleId, finding, values, filter };
      if (request.body.intent === 'filter') return renderForm(request, reply, ctx, state);
      const result = await updateFinding(db, request.user!.id, finding, request.body.version, values, clock.now());
      if (result.ok) return reply.redirect(`${base(ctx.school.number)}/${finding.id}?saved=1`, 303);
      if (result.reason === 'invalid')
        return renderForm(request, reply, ctx, {
          ...state,
          status: 400,
          extra: presentErrors(result.errors, request.t),
        });
      // Someone saved since this person opened the form: show theirs beside yours; saving again keeps yours knowingly.
      const { current, currentEvidenceIds } = result;
      const theirs = {
        kind: current.kind,
        title: current.title,
        body: current.body,
        nifTheme: current.nifTheme ?? '',
        language: current.language,
        evidenceIds: currentEvidenceIds,
      };
      const titles = new Map(
        (await repo.evidenceByIds(db, ctx.school.number, [...currentEvidenceIds, ...values.evidenceIds])).map((e) => [
          e.id,
          e.title,
        ]),
      );
      return renderForm(request, reply, ctx, {
        ...state,
        finding: current,
        values: { ...values, version: current.version },
        status: 409,
        extra: {
          conflict: conflictRows(theirs, values, titles, request.t),
          errors: [{ text: request.t('common.conflict.title'), href: '#conflict' }],
        },
      });
    },
  );
};
