import type { FastifyRequest } from 'fastify';
import { withReaderTexts } from '../../lib/reader-texts.ts';
import { Type } from '@sinclair/typebox';
import type { FeaturePlugin } from '../../app-deps.ts';
import type { Db } from '../../db/client.ts';
import { type CollaborativeContext } from '../../access/loaders/collaborative.ts';
import { schoolCollaboratives } from '../../directory/directory-repository.ts';
import { presentErrors } from '../../lib/forms.ts';
import { dateToParts } from '../../lib/govuk-date-input.ts';
import { HttpError } from '../../lib/http-error.ts';
import { academicYearOf } from '../../reference/reference-data.ts';
import { findingsOfCycle } from '../findings/findings-repository.ts';
import { findCycleId } from '../development-plan/plan-repository.ts';
import { CollaborativeParams, field, many, read, view } from './enquiry-context.ts';
import { validateProposal, type ProposalForm } from './enquiry-form.ts';
import { stateTag, themeItems } from './enquiry-presenter.ts';
import * as repo from './enquiry-repository.ts';
import { proposeEnquiry } from './enquiry-service.ts';
import { EmptyOrUuid, SchoolNumber, Uuid } from '../../lib/request-schemas.ts';
import { schoolScope } from '../../access/request-scope.ts';
import { scoped } from '../../access/scopes.ts';
import { collaborativeScope } from '../../access/request-scope.ts';

const ProposalBody = Type.Object({
  hostSchool: field,
  question: field,
  context: field,
  nifThemes: many,
  findingId: Type.Optional(EmptyOrUuid),
  'visitStart-day': field,
  'visitStart-month': field,
  'visitStart-year': field,
  'visitEnd-day': field,
  'visitEnd-month': field,
  'visitEnd-year': field,
});

/** The host's findings of its current cycle, for the schools this person may propose for. */
async function findingChoices(db: Db, hostSchools: string[], now: Date) {
  const year = academicYearOf(now);
  const perSchool = await Promise.all(
    hostSchools.map(async (n) => {
      const cycleId = await findCycleId(db, n, year);
      return cycleId ? findingsOfCycle(db, cycleId, { all: true }) : [];
    }),
  );
  return perSchool.flat();
}

async function formModel(
  db: Db,
  request: FastifyRequest,
  ctx: CollaborativeContext,
  form: ProposalForm,
  now: Date,
  extra: Record<string, unknown> = {},
) {
  const [findings, members] = await Promise.all([
    findingChoices(db, ctx.can.hostSchools, now),
    repo.partnerSchools(db, ctx.collaborative.id, null),
  ]);
  const t = request.t;
  return {
    title: t('enquiries.new.title'),
    activeNav: 'collaboratives',
    collaborative: ctx.collaborative,
    collabCan: ctx.can,
    collaborativeSection: 'enquiries',
    form,
    hostItems: members
      .filter((m) => ctx.can.hostSchools.includes(m.number))
      .map((m) => ({ value: m.number, text: `${m.name} (${m.number})`, selected: m.number === form.hostSchool })),
    themeItems: themeItems(t, form.nifThemes),
    findingItems: [
      { value: '', text: t('enquiries.new.noFinding') },
      ...findings.map((f) => ({ value: f.id, text: f.title, selected: f.id === form.findingId })),
    ],
    ...extra,
  };
}

/** The collaborative's enquiries, and a member school's leaders proposing one. */
export const enquiryListRoutes: FeaturePlugin<'database' | 'clock'> = async (app, deps) => {
  const db = deps.database.db;
  const clock = deps.clock;

  app.get(
    '/collaboratives/:id/enquiries',
    { config: scoped(read, 'collaborative', 'space'), schema: { params: CollaborativeParams } },
    async (request, reply) => {
      const ctx = collaborativeScope(request);
      const enquiries = (await repo.listEnquiries(db, ctx.collaborative.id)).map((e) => ({
        ...withReaderTexts(e, ['question'], request.lang),
        tag: stateTag(request.t, e.state),
      }));
      return reply.page(view('list'), {
        title: request.t('enquiries.list.title'),
        activeNav: 'collaboratives',
        collaborative: ctx.collaborative,
        collabCan: ctx.can,
        collaborativeSection: 'enquiries',
        enquiries,
      });
    },
  );

  app.get(
    '/collaboratives/:id/enquiries/new',
    {
      config: scoped(read, 'collaborative', 'space'),
      schema: { params: CollaborativeParams, querystring: Type.Object({ finding: Type.Optional(EmptyOrUuid) }) },
    },
    async (request, reply) => {
      const ctx = collaborativeScope(request);
      if (!ctx.can.hostSchools.length) throw new HttpError(403, 'forbidden');
      const form: ProposalForm = {
        hostSchool: ctx.can.hostSchools[0]!,
        question: '',
        context: '',
        nifThemes: [],
        findingId: request.query.finding ?? '',
        visitStart: dateToParts(null),
        visitEnd: dateToParts(null),
      };
      return reply.page(view('new'), await formModel(db, request, ctx, form, clock.now()));
    },
  );

  app.post(
    '/collaboratives/:id/enquiries',
    { config: scoped(read, 'collaborative', 'space'), schema: { params: CollaborativeParams, body: ProposalBody } },
    async (request, reply) => {
      const ctx = collaborativeScope(request);
      if (!ctx.can.hostSchools.length) throw new HttpError(403, 'forbidden');
      const findings = await findingChoices(db, ctx.can.hostSchools, clock.now());
      const { form, errors, values } = validateProposal(
        request.body,
        ctx.can.hostSchools,
        findings.map((f) => f.id),
      );
      if (Object.keys(errors).length) {
        return reply
          .status(400)
          .page(view('new'), await formModel(db, request, ctx, form, clock.now(), presentErrors(errors, request.t)));
      }
      const enquiry = await proposeEnquiry(
        db,
        request.user!.id,
        ctx.collaborative.id,
        form.hostSchool,
        values,
        request.lang,
      );
      return reply.redirect(`/collaboratives/${ctx.collaborative.id}/enquiries/${enquiry.id}?done=proposed`, 303);
    },
  );

  // From a finding of the school's self-evaluation: straight to the form when the school is in one collaborative.
  app.get(
    '/schools/:number/enquiries/new',
    {
      config: scoped(read, 'school', 'edit'),
      schema: {
        params: Type.Object({ number: SchoolNumber }),
        querystring: Type.Object({ finding: Type.Optional(Uuid) }),
      },
    },
    async (request, reply) => {
      const ctx = schoolScope(request);
      const collaboratives = await schoolCollaboratives(db, ctx.school.number);
      const finding = request.query.finding ? `?finding=${request.query.finding}` : '';
      if (!collaboratives.length) throw new HttpError(404, 'not-found');
      if (collaboratives.length === 1)
        return reply.redirect(`/collaboratives/${collaboratives[0]!.id}/enquiries/new${finding}`, 303);
      return reply.page(view('choose-collaborative'), {
        title: request.t('enquiries.choose.title'),
        ...ctx,
        schoolCan: ctx.can,
        schoolSection: 'findings',
        collaboratives,
        finding,
      });
    },
  );
};
