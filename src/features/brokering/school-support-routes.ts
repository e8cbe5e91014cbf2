import { readerTexts } from '../../lib/reader-texts.ts';
import { forReader } from '../../lib/paired-text.ts';
import { Type } from '@sinclair/typebox';
import type { FeaturePlugin } from '../../app-deps.ts';
import { HttpError } from '../../lib/http-error.ts';
import { presentErrors } from '../../lib/forms.ts';
import { academicYearOf, AREAS, NIF_THEMES } from '../../reference/reference-data.ts';
import { requireUuid } from '../../school/school-items.ts';
import { offerInput, parseOffer } from './brokering-forms.ts';
import { agreementFacts, brokerName } from './brokering-presenter.ts';
import * as repo from './brokering-repository.ts';
import { createOffer, withdrawOffer, withdrawRequest } from './brokering-service.ts';
import { EmptyOrUuid, FormText, SchoolNumber, Uuid, Version } from '../../lib/request-schemas.ts';
import { schoolScope } from '../../access/request-scope.ts';
import { scoped } from '../../access/scopes.ts';

const signedIn = { access: { signedIn: true } } as const;
const SchoolParams = Type.Object({ number: SchoolNumber });
const ItemParams = Type.Object({ number: SchoolNumber, id: Uuid });
const VersionBody = Type.Object({ version: Version });
const list = Type.Optional(
  Type.Union([Type.String({ maxLength: 100 }), Type.Array(Type.String({ maxLength: 100 }), { maxItems: 30 })]),
);
const OfferBody = Type.Object({
  findingId: Type.Optional(EmptyOrUuid),
  title: FormText(1000),
  description: FormText(5000),
  nifTheme: FormText(40),
  areas: list,
  nationalPriorities: list,
  language: FormText(5),
});
const Notice = Type.Object({ done: FormText(20) });
const NOTICES = ['offered', 'offer-withdrawn', 'requested', 'request-withdrawn', 'impact', 'stale'];

/** The school's support page (offers, requests, support received and given) and its offers. */
export const schoolSupportRoutes: FeaturePlugin<'database' | 'clock'> = async (app, { database, clock }) => {
  const db = database.db;
  const view = (name: string) => `features/brokering/views/${name}.njk`;

  app.get(
    '/schools/:number/support',
    { config: scoped(signedIn, 'school', 'staff'), schema: { params: SchoolParams, querystring: Notice } },
    async (request, reply) => {
      const { school, can } = schoolScope(request);
      const [profile, offers, requests, received, given, national] = await Promise.all([
        repo.findProfile(db, school.number),
        repo.offersOf(db, school.number),
        repo.requestsOfSchool(db, school.number),
        repo.agreementsReceived(db, school.number),
        repo.agreementsGiven(db, school.number),
        repo.nationalPriorityNames(db),
      ]);
      const facts = (rows: repo.AgreementRow[]) =>
        rows.map((r) => ({
          ...agreementFacts(request.t, request.lang, r, national),
          requestId: r.agreement.requestId,
        }));
      const receivedFacts = facts(received);
      return reply.page(view('support'), {
        title: request.t('brokering.support.title'),
        school,
        schoolCan: can,
        schoolSection: 'support',
        profile,
        offers: offers.map((o) => ({ ...o, rt: readerTexts(o.offer, ['title', 'description'], request.lang) })),
        national,
        requests: requests.map((r) => ({
          ...r,
          broker: brokerName(request.lang, r),
          // A request names its school's own priority; the school's reader sees its title in their language.
          priorityRt: forReader(
            { language: r.priorityLanguage ?? request.lang, otherLanguage: r.priorityOtherLanguage },
            r.priorityTitle ?? '',
            'title',
            request.lang,
          ),
          needRt: forReader(r.request, r.request.need, 'need', request.lang),
          agreement: receivedFacts.find((a) => a.requestId === r.request.id) ?? null,
        })),
        given: facts(given),
        done: NOTICES.includes(request.query.done ?? '') ? request.query.done : null,
      });
    },
  );

  const offerModel = async (schoolNumber: string) => {
    const [strengths, national] = await Promise.all([
      repo.strengthFindings(db, schoolNumber, academicYearOf(clock.now())),
      repo.nationalPriorityNames(db),
    ]);
    return { strengths, national, themes: NIF_THEMES, areas: AREAS };
  };

  app.get(
    '/schools/:number/support/offers/new',
    {
      config: scoped(signedIn, 'school', 'widenSharing'),
      schema: { params: SchoolParams, querystring: Type.Object({ finding: Type.Optional(EmptyOrUuid) }) },
    },
    async (request, reply) => {
      const { school, can } = schoolScope(request);
      const model = {
        title: request.t('brokering.offer.title'),
        school,
        schoolCan: can,
        schoolSection: 'support',
        ...(await offerModel(school.number)),
      };
      const finding = model.strengths.find((f) => f.id === request.query.finding);
      if (!finding) return reply.page(view('offer-choose'), model);
      const areas = await repo.areasOfFindings(db, [finding.id]);
      const values = {
        findingId: finding.id,
        title: finding.title,
        description: '',
        nifTheme: finding.nifTheme ?? '',
        areas,
        nationalPriorities: [],
        language: finding.language,
      };
      return reply.page(view('offer-form'), { ...model, finding, values });
    },
  );

  app.post(
    '/schools/:number/support/offers',
    { config: scoped(signedIn, 'school', 'widenSharing'), schema: { params: SchoolParams, body: OfferBody } },
    async (request, reply) => {
      const { school, can } = schoolScope(request);
      const model = {
        title: request.t('brokering.offer.title'),
        school,
        schoolCan: can,
        schoolSection: 'support',
        ...(await offerModel(school.number)),
      };
      const input = offerInput(request.body);
      const parsed = parseOffer(
        input,
        model.strengths.map((f) => f.id),
        model.national.map((n) => n.code),
      );
      if (!parsed.ok) {
        const finding = model.strengths.find((f) => f.id === input.findingId);
        return reply.status(400).page(view(finding ? 'offer-form' : 'offer-choose'), {
          ...model,
          finding,
          values: input,
          ...presentErrors(parsed.errors, request.t),
        });
      }
      await createOffer(db, request.user!.id, school.number, parsed.values);
      return reply.redirect(`/schools/${school.number}/support?done=offered`, 303);
    },
  );

  app.post(
    '/schools/:number/support/offers/:id/withdraw',
    { config: scoped(signedIn, 'school', 'narrowSharing'), schema: { params: ItemParams, body: VersionBody } },
    async (request, reply) => {
      const { school } = schoolScope(request);
      const offer = await repo.findOffer(db, school.number, requireUuid(request.params.id));
      if (!offer) throw new HttpError(404, 'not-found');
      const done = await withdrawOffer(db, request.user!.id, offer, request.body.version, clock.now());
      return reply.redirect(`/schools/${school.number}/support?done=${done ? 'offer-withdrawn' : 'stale'}`, 303);
    },
  );

  app.post(
    '/schools/:number/support/requests/:id/withdraw',
    { config: scoped(signedIn, 'school', 'edit'), schema: { params: ItemParams, body: VersionBody } },
    async (request, reply) => {
      const { school } = schoolScope(request);
      const found = await repo.findRequest(db, requireUuid(request.params.id));
      if (!found || found.schoolNumber !== school.number) throw new HttpError(404, 'not-found');
      const done = await withdrawRequest(db, request.user!.id, found, request.body.version, clock.now());
      return reply.redirect(`/schools/${school.number}/support?done=${done ? 'request-withdrawn' : 'stale'}`, 303);
    },
  );
};
