import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import type { FeaturePlugin } from '../../app-deps.ts';
import { presentErrors, text } from '../../lib/forms.ts';
import { HttpError } from '../../lib/http-error.ts';
import { EVIDENCE_SOURCES, NIF_THEMES } from '../../reference/reference-data.ts';
import { idList, requireUuid } from '../../school/school-items.ts';
import { findEvidence, listEvidence, type LaEvidence } from './items-repository.ts';
import { saveEvidence } from './items-service.ts';
import {
  CodeParams,
  dateFields,
  dateFrom,
  dateToParts,
  field,
  ItemParams,
  laManage,
  laRead,
  list,
  seContext,
  seModel,
  version,
  view,
  type SeContext,
} from './se-context.ts';
import type { EvidenceForm } from './se-forms.ts';
import { evidenceConflict } from './se-presenter.ts';
import { scoped } from '../../access/scopes.ts';

const EvidenceBody = Type.Object({
  version,
  source: field,
  title: field,
  body: field,
  nifThemes: list,
  ...dateFields('observedOn'),
});
const read = (b: Static<typeof EvidenceBody>): EvidenceForm => ({
  source: text(b.source),
  observedOn: dateFrom(b, 'observedOn'),
  title: text(b.title),
  body: text(b.body),
  nifThemes: idList(b.nifThemes),
});
const formOf = (e: LaEvidence): EvidenceForm => ({
  source: e.source,
  observedOn: dateToParts(e.observedOn),
  title: e.title,
  body: e.body,
  nifThemes: e.nifThemes,
});

/** The LA's evidence: what it knows and how (EVIDENCE_SOURCES), tagged by NIF theme. */
export const evidenceRoutes: FeaturePlugin<'database' | 'clock'> = async (app, { database, clock }) => {
  const db = database.db;

  function renderForm(
    request: FastifyRequest,
    reply: FastifyReply,
    se: SeContext,
    state: { item?: LaEvidence; values: EvidenceForm & { version?: number }; status?: number; extra?: object },
  ) {
    const heading = request.t(
      state.item ? 'laSelfEvaluation.evidence.editTitle' : 'laSelfEvaluation.evidence.newTitle',
    );
    return reply.status(state.status ?? 200).page(view('evidence-form'), {
      title: heading,
      heading,
      ...seModel(se, 'evidence', null),
      values: state.values,
      sources: EVIDENCE_SOURCES,
      themes: NIF_THEMES,
      action: state.item ? `${se.base}/evidence/${state.item.id}/edit` : `${se.base}/evidence`,
      ...state.extra,
    });
  }
  async function itemOf(se: SeContext, id: string) {
    const item = await findEvidence(db, se.la.code, requireUuid(id));
    if (!item) throw new HttpError(404, 'not-found');
    return item;
  }

  app.get(
    '/local-authorities/:code/self-evaluation/evidence',
    { config: scoped(laRead, 'la'), schema: { params: CodeParams } },
    async (request, reply) => {
      const { se, cycle } = await seContext(db, request, clock.now());
      if (!cycle) return reply.redirect(se.base, 303);
      return reply.page(view('evidence-list'), {
        title: request.t('laSelfEvaluation.evidence.title'),
        ...seModel(se, 'evidence', cycle),
        items: await listEvidence(db, cycle.id),
      });
    },
  );

  app.get(
    '/local-authorities/:code/self-evaluation/evidence/new',
    { config: scoped(laManage, 'la', 'editSelfEvaluation'), schema: { params: CodeParams } },
    async (request, reply) => {
      const { se, cycle } = await seContext(db, request, clock.now());
      if (!cycle) return reply.redirect(se.base, 303);
      return renderForm(request, reply, se, {
        values: { source: '', observedOn: { day: '', month: '', year: '' }, title: '', body: '', nifThemes: [] },
      });
    },
  );

  app.post(
    '/local-authorities/:code/self-evaluation/evidence',
    { config: scoped(laManage, 'la', 'editSelfEvaluation'), schema: { params: CodeParams, body: EvidenceBody } },
    async (request, reply) => {
      const { se, cycle } = await seContext(db, request, clock.now());
      if (!cycle) throw new HttpError(404, 'not-found');
      const values = read(request.body);
      const result = await saveEvidence(
        db,
        { actorId: request.user!.id, language: request.lang, now: clock.now() },
        cycle.id,
        values,
      );
      if (result.ok) return reply.redirect(`${se.base}/evidence?saved=1#${result.row.id}`, 303);
      if (result.reason === 'invalid')
        return renderForm(request, reply, se, { values, status: 400, extra: presentErrors(result.errors, request.t) });
      throw new HttpError(409, 'conflict');
    },
  );

  app.get(
    '/local-authorities/:code/self-evaluation/evidence/:id/edit',
    { config: scoped(laManage, 'la', 'editSelfEvaluation'), schema: { params: ItemParams } },
    async (request, reply) => {
      const { se } = await seContext(db, request, clock.now());
      const item = await itemOf(se, request.params.id);
      return renderForm(request, reply, se, { item, values: { ...formOf(item), version: item.version } });
    },
  );

  app.post(
    '/local-authorities/:code/self-evaluation/evidence/:id/edit',
    { config: scoped(laManage, 'la', 'editSelfEvaluation'), schema: { params: ItemParams, body: EvidenceBody } },
    async (request, reply) => {
      const { se } = await seContext(db, request, clock.now());
      const item = await itemOf(se, request.params.id);
      if (!request.body.version) throw new HttpError(400, 'bad-request');
      const values = read(request.body);
      const result = await saveEvidence(
        db,
        { actorId: request.user!.id, language: request.lang, now: clock.now() },
        item.cycleId,
        values,
        { row: item, version: request.body.version },
      );
      if (result.ok) return reply.redirect(`${se.base}/evidence?saved=1#${item.id}`, 303);
      const state = { item, status: 400, values: { ...values, version: request.body.version } };
      if (result.reason === 'invalid')
        return renderForm(request, reply, se, { ...state, extra: presentErrors(result.errors, request.t) });
      return renderForm(request, reply, se, {
        ...state,
        status: 409,
        values: { ...values, version: result.current.version },
        extra: {
          conflict: evidenceConflict(result.current, values, request.t),
          errors: [{ text: request.t('common.conflict.title'), href: '#conflict' }],
        },
      });
    },
  );
};
