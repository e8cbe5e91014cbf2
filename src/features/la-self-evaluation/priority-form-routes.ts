import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import type { FeaturePlugin } from '../../app-deps.ts';
import { presentErrors, text } from '../../lib/forms.ts';
import { HttpError } from '../../lib/http-error.ts';
import { NIF_THEMES, PRIORITY_STATES } from '../../reference/reference-data.ts';
import { idList, requireUuid } from '../../school/school-items.ts';
import { listFindings } from './items-repository.ts';
import { localPicture } from './picture-repository.ts';
import { findPriority, nationalPriorityList, type LaPriority } from './priority-repository.ts';
import { savePriority } from './priority-service.ts';
import {
  CodeParams,
  field,
  ids,
  ItemParams,
  laManage,
  list,
  seContext,
  seModel,
  version,
  view,
  type SeContext,
} from './se-context.ts';
import { parseDrawnFrom, type PriorityForm } from './se-forms.ts';
import { pictureRows, priorityConflict } from './se-presenter.ts';
import { FormText } from '../../lib/request-schemas.ts';
import { scoped } from '../../access/scopes.ts';

const PriorityBody = Type.Object({
  version,
  title: field,
  description: field,
  nifTheme: field,
  nationalPriorities: list,
  successMeasure: field,
  state: field,
  findingIds: ids,
  drawnFrom: field,
});
const read = (b: Static<typeof PriorityBody>): PriorityForm => ({
  title: text(b.title),
  description: text(b.description),
  nifTheme: text(b.nifTheme),
  nationalPriorities: idList(b.nationalPriorities),
  successMeasure: text(b.successMeasure),
  state: text(b.state),
  findingIds: idList(b.findingIds),
  drawnFrom: text(b.drawnFrom),
});
const formOf = (p: LaPriority): PriorityForm => ({
  title: p.title,
  description: p.description,
  nifTheme: p.nifTheme ?? '',
  nationalPriorities: p.nationalPriorities,
  successMeasure: p.successMeasure,
  state: p.state,
  findingIds: p.findingIds,
  drawnFrom: '',
});
const blank: PriorityForm = {
  title: '',
  description: '',
  nifTheme: '',
  nationalPriorities: [],
  successMeasure: '',
  state: 'draft',
  findingIds: [],
  drawnFrom: '',
};

/** Adding (drawing on the local picture) and editing the LA's priorities; officers only. */
export const priorityFormRoutes: FeaturePlugin<'database' | 'clock'> = async (app, { database, clock }) => {
  const db = database.db;

  async function renderForm(
    request: FastifyRequest,
    reply: FastifyReply,
    se: SeContext,
    cycleId: string,
    state: { item?: LaPriority; values: PriorityForm & { version?: number }; status?: number; extra?: object },
  ) {
    const heading = request.t(
      state.item ? 'laSelfEvaluation.priorities.editTitle' : 'laSelfEvaluation.priorities.newTitle',
    );
    const [findings, national, picture] = await Promise.all([
      listFindings(db, cycleId),
      nationalPriorityList(db),
      state.item ? null : localPicture(db, se.la.code),
    ]);
    return reply.status(state.status ?? 200).page(view('priority-form'), {
      title: heading,
      heading,
      ...seModel(se, 'priorities', null),
      values: state.values,
      findings,
      picture: picture && pictureRows(picture, national, request.t, request.lang),
      themes: NIF_THEMES,
      states: PRIORITY_STATES,
      // A withdrawn national priority is no longer offered (the picture above still names it); one already linked stays.
      national: national.filter((n) => !n.withdrawnOn || state.values.nationalPriorities.includes(n.code)),
      drawn: parseDrawnFrom(
        state.values.drawnFrom,
        national.map((n) => n.code),
      ),
      action: state.item ? `${se.base}/priorities/${state.item.id}/edit` : `${se.base}/priorities`,
      cancel: state.item ? `${se.base}/priorities/${state.item.id}` : `${se.base}/priorities`,
      ...state.extra,
    });
  }

  app.get(
    '/local-authorities/:code/self-evaluation/priorities/new',
    {
      config: scoped(laManage, 'la', 'editSelfEvaluation'),
      schema: { params: CodeParams, querystring: Type.Object({ from: FormText(80) }) },
    },
    async (request, reply) => {
      const { se, cycle } = await seContext(db, request, clock.now());
      if (!cycle) return reply.redirect(se.base, 303);
      // Starting from a row of the picture: its theme or national priority is filled in already.
      const drawn = parseDrawnFrom(
        request.query.from ?? '',
        (await nationalPriorityList(db)).map((n) => n.code),
      );
      const values: PriorityForm = drawn
        ? {
            ...blank,
            drawnFrom: `${drawn.kind}:${drawn.code}`,
            ...(drawn.kind === 'theme' ? { nifTheme: drawn.code } : { nationalPriorities: [drawn.code] }),
          }
        : blank;
      return renderForm(request, reply, se, cycle.id, { values });
    },
  );

  app.post(
    '/local-authorities/:code/self-evaluation/priorities',
    { config: scoped(laManage, 'la', 'editSelfEvaluation'), schema: { params: CodeParams, body: PriorityBody } },
    async (request, reply) => {
      const { se, cycle } = await seContext(db, request, clock.now());
      if (!cycle) throw new HttpError(404, 'not-found');
      const values = read(request.body);
      const result = await savePriority(
        db,
        { actorId: request.user!.id, language: request.lang, now: clock.now() },
        cycle,
        values,
      );
      if (result.ok) return reply.redirect(`${se.base}/priorities/${result.row.id}?saved=priority`, 303);
      if (result.reason === 'invalid')
        return renderForm(request, reply, se, cycle.id, {
          values,
          status: 400,
          extra: presentErrors(result.errors, request.t),
        });
      throw new HttpError(409, 'conflict');
    },
  );

  async function itemOf(se: SeContext, id: string) {
    const item = await findPriority(db, se.la.code, requireUuid(id));
    if (!item) throw new HttpError(404, 'not-found');
    return item;
  }

  app.get(
    '/local-authorities/:code/self-evaluation/priorities/:id/edit',
    { config: scoped(laManage, 'la', 'editSelfEvaluation'), schema: { params: ItemParams } },
    async (request, reply) => {
      const { se } = await seContext(db, request, clock.now());
      const item = await itemOf(se, request.params.id);
      return renderForm(request, reply, se, item.cycleId, { item, values: { ...formOf(item), version: item.version } });
    },
  );

  app.post(
    '/local-authorities/:code/self-evaluation/priorities/:id/edit',
    { config: scoped(laManage, 'la', 'editSelfEvaluation'), schema: { params: ItemParams, body: PriorityBody } },
    async (request, reply) => {
      const { se } = await seContext(db, request, clock.now());
      const item = await itemOf(se, request.params.id);
      if (!request.body.version) throw new HttpError(400, 'bad-request');
      const values = { ...read(request.body), drawnFrom: '' };
      const result = await savePriority(
        db,
        { actorId: request.user!.id, language: request.lang, now: clock.now() },
        { id: item.cycleId, laCode: se.la.code },
        values,
        { row: item, version: request.body.version },
      );
      if (result.ok) return reply.redirect(`${se.base}/priorities/${item.id}?saved=priority`, 303);
      const state = { item, status: 400, values: { ...values, version: request.body.version } };
      if (result.reason === 'invalid')
        return renderForm(request, reply, se, item.cycleId, {
          ...state,
          extra: presentErrors(result.errors, request.t),
        });
      const [findings, national] = await Promise.all([listFindings(db, item.cycleId), nationalPriorityList(db)]);
      const names = {
        findings: new Map(findings.map((f) => [f.id, f.title])),
        national: new Map(national.map((n) => [n.code, request.lang === 'cy' ? n.nameCy : n.nameEn])),
      };
      return renderForm(request, reply, se, item.cycleId, {
        ...state,
        status: 409,
        values: { ...values, version: result.current.version },
        extra: {
          conflict: priorityConflict(result.current, values, request.t, names),
          errors: [{ text: request.t('common.conflict.title'), href: '#conflict' }],
        },
      });
    },
  );
};
