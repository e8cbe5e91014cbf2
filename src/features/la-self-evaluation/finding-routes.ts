import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import type { FeaturePlugin } from '../../app-deps.ts';
import { presentErrors, text } from '../../lib/forms.ts';
import { HttpError } from '../../lib/http-error.ts';
import { FINDING_KINDS, NIF_THEMES } from '../../reference/reference-data.ts';
import { idList, requireUuid } from '../../school/school-items.ts';
import { findFinding, listEvidence, listFindings, type LaFinding } from './items-repository.ts';
import { saveFinding } from './items-service.ts';
import {
  CodeParams,
  field,
  ids,
  ItemParams,
  laManage,
  laRead,
  seContext,
  seModel,
  version,
  view,
  type SeContext,
} from './se-context.ts';
import type { FindingForm } from './se-forms.ts';
import { findingConflict } from './se-presenter.ts';
import { scoped } from '../../access/scopes.ts';

const FindingBody = Type.Object({ version, kind: field, title: field, body: field, nifTheme: field, evidenceIds: ids });
const read = (b: Static<typeof FindingBody>): FindingForm => ({
  kind: text(b.kind),
  title: text(b.title),
  body: text(b.body),
  nifTheme: text(b.nifTheme),
  evidenceIds: idList(b.evidenceIds),
});
const formOf = (f: LaFinding): FindingForm => ({
  kind: f.kind,
  title: f.title,
  body: f.body,
  nifTheme: f.nifTheme ?? '',
  evidenceIds: f.evidenceIds,
});

/** The LA's findings: strengths and areas for development, each resting on its evidence. */
export const findingRoutes: FeaturePlugin<'database' | 'clock'> = async (app, { database, clock }) => {
  const db = database.db;

  async function renderForm(
    request: FastifyRequest,
    reply: FastifyReply,
    se: SeContext,
    cycleId: string,
    state: { item?: LaFinding; values: FindingForm & { version?: number }; status?: number; extra?: object },
  ) {
    const heading = request.t(
      state.item ? 'laSelfEvaluation.findings.editTitle' : 'laSelfEvaluation.findings.newTitle',
    );
    return reply.status(state.status ?? 200).page(view('finding-form'), {
      title: heading,
      heading,
      ...seModel(se, 'findings', null),
      values: state.values,
      kinds: FINDING_KINDS,
      themes: NIF_THEMES,
      evidence: await listEvidence(db, cycleId),
      action: state.item ? `${se.base}/findings/${state.item.id}/edit` : `${se.base}/findings`,
      ...state.extra,
    });
  }
  async function itemOf(se: SeContext, id: string) {
    const item = await findFinding(db, se.la.code, requireUuid(id));
    if (!item) throw new HttpError(404, 'not-found');
    return item;
  }

  app.get(
    '/local-authorities/:code/self-evaluation/findings',
    { config: scoped(laRead, 'la'), schema: { params: CodeParams } },
    async (request, reply) => {
      const { se, cycle } = await seContext(db, request, clock.now());
      if (!cycle) return reply.redirect(se.base, 303);
      const [findings, evidence] = await Promise.all([listFindings(db, cycle.id), listEvidence(db, cycle.id)]);
      const titles = new Map(evidence.map((e) => [e.id, e]));
      const items = findings.map((f) => ({
        ...f,
        evidence: f.evidenceIds.map((id) => titles.get(id)).filter((e) => e !== undefined),
      }));
      return reply.page(view('findings-list'), {
        title: request.t('laSelfEvaluation.findings.title'),
        ...seModel(se, 'findings', cycle),
        groups: FINDING_KINDS.map((kind) => ({ kind, items: items.filter((f) => f.kind === kind) })),
      });
    },
  );

  app.get(
    '/local-authorities/:code/self-evaluation/findings/new',
    { config: scoped(laManage, 'la', 'editSelfEvaluation'), schema: { params: CodeParams } },
    async (request, reply) => {
      const { se, cycle } = await seContext(db, request, clock.now());
      if (!cycle) return reply.redirect(se.base, 303);
      return renderForm(request, reply, se, cycle.id, {
        values: { kind: '', title: '', body: '', nifTheme: '', evidenceIds: [] },
      });
    },
  );

  app.post(
    '/local-authorities/:code/self-evaluation/findings',
    { config: scoped(laManage, 'la', 'editSelfEvaluation'), schema: { params: CodeParams, body: FindingBody } },
    async (request, reply) => {
      const { se, cycle } = await seContext(db, request, clock.now());
      if (!cycle) throw new HttpError(404, 'not-found');
      const values = read(request.body);
      const result = await saveFinding(
        db,
        { actorId: request.user!.id, language: request.lang, now: clock.now() },
        cycle.id,
        values,
      );
      if (result.ok) return reply.redirect(`${se.base}/findings?saved=1#${result.row.id}`, 303);
      if (result.reason === 'invalid')
        return renderForm(request, reply, se, cycle.id, {
          values,
          status: 400,
          extra: presentErrors(result.errors, request.t),
        });
      throw new HttpError(409, 'conflict');
    },
  );

  app.get(
    '/local-authorities/:code/self-evaluation/findings/:id/edit',
    { config: scoped(laManage, 'la', 'editSelfEvaluation'), schema: { params: ItemParams } },
    async (request, reply) => {
      const { se } = await seContext(db, request, clock.now());
      const item = await itemOf(se, request.params.id);
      return renderForm(request, reply, se, item.cycleId, { item, values: { ...formOf(item), version: item.version } });
    },
  );

  app.post(
    '/local-authorities/:code/self-evaluation/findings/:id/edit',
    { config: scoped(laManage, 'la', 'editSelfEvaluation'), schema: { params: ItemParams, body: FindingBody } },
    async (request, reply) => {
      const { se } = await seContext(db, request, clock.now());
      const item = await itemOf(se, request.params.id);
      if (!request.body.version) throw new HttpError(400, 'bad-request');
      const values = read(request.body);
      const result = await saveFinding(
        db,
        { actorId: request.user!.id, language: request.lang, now: clock.now() },
        item.cycleId,
        values,
        { row: item, version: request.body.version },
      );
      if (result.ok) return reply.redirect(`${se.base}/findings?saved=1#${item.id}`, 303);
      const state = { item, status: 400, values: { ...values, version: request.body.version } };
      if (result.reason === 'invalid')
        return renderForm(request, reply, se, item.cycleId, {
          ...state,
          extra: presentErrors(result.errors, request.t),
        });
      const titles = new Map((await listEvidence(db, item.cycleId)).map((e) => [e.id, e.title]));
      return renderForm(request, reply, se, item.cycleId, {
        ...state,
        status: 409,
        values: { ...values, version: result.current.version },
        extra: {
          conflict: findingConflict(result.current, values, request.t, titles),
          errors: [{ text: request.t('common.conflict.title'), href: '#conflict' }],
        },
      });
    },
  );
};
