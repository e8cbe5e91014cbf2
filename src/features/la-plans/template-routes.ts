import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FeaturePlugin } from '../../app-deps.ts';
import { presentErrors, text } from '../../lib/forms.ts';
import { HttpError } from '../../lib/http-error.ts';
import { anySubmitted, findSection, roundSections, type Round, type Section } from './plan-repository.ts';
import { field, localName, roundsManage, RoundParams, RoundSectionParams, view } from './plan-context.ts';
import { moveSection, removeSection, saveSection, type Changed, type SectionForm } from './round-service.ts';
import { FormText, Version } from '../../lib/request-schemas.ts';
import { roundScope } from '../../access/request-scope.ts';
import { scoped } from '../../access/scopes.ts';

const version = Version;
const SectionBody = Type.Object({ version, titleEn: field, titleCy: field, guidanceEn: field, guidanceCy: field });
const MoveBody = Type.Object({ version, direction: Type.Union([Type.Literal('up'), Type.Literal('down')]) });
const RemoveBody = Type.Object({ version });
const Saved = Type.Object({ saved: FormText(20) });

/** WG edits a round's template (add, edit, reorder, remove) until the first LA submits. */
export const templateRoutes: FeaturePlugin<'database' | 'clock'> = async (app, { database, clock }) => {
  const db = database.db;
  const base = (round: Round) => `/plans/rounds/${round.id}/template`;
  const sectionOf = async (round: Round, id: string) =>
    (await findSection(db, round.id, id)) ?? Promise.reject(new HttpError(404, 'not-found'));
  const formOf = (b: {
    titleEn?: string | undefined;
    titleCy?: string | undefined;
    guidanceEn?: string | undefined;
    guidanceCy?: string | undefined;
  }): SectionForm => ({
    titleEn: text(b.titleEn),
    titleCy: text(b.titleCy),
    guidanceEn: text(b.guidanceEn),
    guidanceCy: text(b.guidanceCy),
  });

  app.get(
    '/plans/rounds/:roundId/template',
    { config: scoped(roundsManage, 'round'), schema: { params: RoundParams, querystring: Saved } },
    async (request, reply) => {
      const { round, roundTitle } = roundScope(request);
      const [sections, locked] = await Promise.all([roundSections(db, round.id), anySubmitted(db, round.id)]);
      const list = sections.map((s, i) => ({
        ...s,
        number: i + 1,
        title: localName(request.lang, s.titleEn, s.titleCy),
        guidance: localName(request.lang, s.guidanceEn, s.guidanceCy),
      }));
      return reply.page(view('template'), {
        title: request.t('laPlans.template.title'),
        activeNav: 'plans',
        round,
        roundTitle,
        sections: list,
        locked,
        saved: request.query.saved,
        base: base(round),
      });
    },
  );

  /** After a refused change: the form again, with why (400 invalid, 409 someone else changed the template, 409 locked). */
  const refused = (
    request: FastifyRequest,
    reply: FastifyReply,
    result: Exclude<Changed<unknown>, { ok: true }>,
    model: object,
  ) => {
    const t = request.t;
    if (result.reason === 'invalid')
      return reply.status(400).page(view('section-form'), { ...model, ...presentErrors(result.errors, t) });
    const message = result.reason === 'locked' ? 'laPlans.template.locked' : 'laPlans.template.conflict';
    return reply
      .status(409)
      .page(view('section-form'), { ...model, conflict: true, errors: [{ text: t(message), href: '#titleEn' }] });
  };

  app.get(
    '/plans/rounds/:roundId/sections/new',
    { config: scoped(roundsManage, 'round'), schema: { params: RoundParams } },
    async (request, reply) => {
      const { round, roundTitle } = roundScope(request);
      return reply.page(view('section-form'), {
        title: request.t('laPlans.sectionForm.addTitle'),
        activeNav: 'plans',
        round,
        roundTitle,
        values: { version: round.version },
        action: `/plans/rounds/${round.id}/sections`,
      });
    },
  );

  app.post(
    '/plans/rounds/:roundId/sections',
    { config: scoped(roundsManage, 'round'), schema: { params: RoundParams, body: SectionBody } },
    async (request, reply) => {
      const { round, roundTitle } = roundScope(request);
      const form = formOf(request.body);
      const result = await saveSection(db, request.user!.id, round, request.body.version, null, form, clock.now());
      if (result.ok) return reply.redirect(`${base(round)}?saved=added`, 303);
      const model = {
        title: request.t('laPlans.sectionForm.addTitle'),
        activeNav: 'plans',
        round,
        roundTitle,
        values: { ...form, version: round.version },
        action: `/plans/rounds/${round.id}/sections`,
      };
      return refused(
        request,
        reply,
        result,
        result.reason === 'conflict' ? model : { ...model, values: { ...form, version: request.body.version } },
      );
    },
  );

  const editModel = (request: { t: (k: string) => string }, round: Round, roundTitle: string, section: Section) => ({
    title: request.t('laPlans.sectionForm.editTitle'),
    activeNav: 'plans',
    round,
    roundTitle,
    section,
    action: `/plans/rounds/${round.id}/sections/${section.id}`,
  });

  app.get(
    '/plans/rounds/:roundId/sections/:sectionId',
    { config: scoped(roundsManage, 'round'), schema: { params: RoundSectionParams } },
    async (request, reply) => {
      const { round, roundTitle } = roundScope(request);
      const section = await sectionOf(round, request.params.sectionId);
      return reply.page(view('section-form'), {
        ...editModel(request, round, roundTitle, section),
        values: { ...section, version: round.version },
      });
    },
  );

  app.post(
    '/plans/rounds/:roundId/sections/:sectionId',
    { config: scoped(roundsManage, 'round'), schema: { params: RoundSectionParams, body: SectionBody } },
    async (request, reply) => {
      const { round, roundTitle } = roundScope(request);
      const section = await sectionOf(round, request.params.sectionId);
      const form = formOf(request.body);
      const result = await saveSection(db, request.user!.id, round, request.body.version, section, form, clock.now());
      if (result.ok) return reply.redirect(`${base(round)}?saved=updated`, 303);
      // On a conflict the form carries the round's current version: saving again keeps this official's text, knowingly.
      return refused(request, reply, result, {
        ...editModel(request, round, roundTitle, section),
        values: { ...form, version: result.reason === 'conflict' ? round.version : request.body.version },
      });
    },
  );

  app.post(
    '/plans/rounds/:roundId/sections/:sectionId/move',
    { config: scoped(roundsManage, 'round'), schema: { params: RoundSectionParams, body: MoveBody } },
    async (request, reply) => {
      const { round } = roundScope(request);
      const section = await sectionOf(round, request.params.sectionId);
      const result = await moveSection(
        db,
        request.user!.id,
        round,
        request.body.version,
        section,
        request.body.direction,
        clock.now(),
      );
      return reply.redirect(`${base(round)}?saved=${result.ok ? 'moved' : result.reason}`, 303);
    },
  );

  app.get(
    '/plans/rounds/:roundId/sections/:sectionId/remove',
    { config: scoped(roundsManage, 'round'), schema: { params: RoundSectionParams } },
    async (request, reply) => {
      const { round, roundTitle } = roundScope(request);
      const section = await sectionOf(round, request.params.sectionId);
      return reply.page(view('section-remove'), {
        title: request.t('laPlans.sectionRemove.title'),
        activeNav: 'plans',
        round,
        roundTitle,
        section,
        sectionTitle: localName(request.lang, section.titleEn, section.titleCy),
      });
    },
  );

  app.post(
    '/plans/rounds/:roundId/sections/:sectionId/remove',
    { config: scoped(roundsManage, 'round'), schema: { params: RoundSectionParams, body: RemoveBody } },
    async (request, reply) => {
      const { round } = roundScope(request);
      const section = await sectionOf(round, request.params.sectionId);
      const result = await removeSection(db, request.user!.id, round, request.body.version, section, clock.now());
      return reply.redirect(`${base(round)}?saved=${result.ok ? 'removed' : result.reason}`, 303);
    },
  );
};
