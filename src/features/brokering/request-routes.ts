import { Type } from '@sinclair/typebox';
import type { FeaturePlugin } from '../../app-deps.ts';
import { HttpError } from '../../lib/http-error.ts';
import { presentErrors } from '../../lib/forms.ts';
import { academicYearOf } from '../../reference/reference-data.ts';
import { requireUuid } from '../../school/school-items.ts';
import { parseImpact, parseRequest, requestInput } from './brokering-forms.ts';
import { agreementFacts } from './brokering-presenter.ts';
import * as repo from './brokering-repository.ts';
import { createRequest, recordImpact } from './brokering-service.ts';
import { FormText, SchoolNumber, Uuid, Version } from '../../lib/request-schemas.ts';
import { schoolScope } from '../../access/request-scope.ts';
import { scoped } from '../../access/scopes.ts';

const signedIn = { access: { signedIn: true } } as const;
const Params = Type.Object({ number: SchoolNumber, id: Uuid });
const RequestBody = Type.Object({ need: FormText(5000), broker: FormText(64), language: FormText(5) });
const ImpactBody = Type.Object({ impact: FormText(8000), language: FormText(5), version: Version });

/** A school asks for support with a priority, and at the end says what difference the support made. */
export const requestRoutes: FeaturePlugin<'database' | 'clock'> = async (app, { database, clock }) => {
  const db = database.db;
  const view = (name: string) => `features/brokering/views/${name}.njk`;

  async function requestModel(schoolNumber: string, priorityId: string) {
    const priority = await repo.requestablePriority(
      db,
      schoolNumber,
      requireUuid(priorityId),
      academicYearOf(clock.now()),
    );
    if (!priority) throw new HttpError(404, 'not-found');
    const [collaboratives, national] = await Promise.all([
      repo.collaborativesOf(db, schoolNumber),
      repo.nationalPriorityNames(db),
    ]);
    return { priority, collaboratives, national };
  }

  app.get(
    '/schools/:number/priorities/:id/support-request',
    { config: scoped(signedIn, 'school', 'edit'), schema: { params: Params } },
    async (request, reply) => {
      const { school, can } = schoolScope(request);
      const model = await requestModel(school.number, request.params.id);
      return reply.page(view('request-form'), {
        title: request.t('brokering.request.title'),
        school,
        schoolCan: can,
        schoolSection: 'priorities',
        ...model,
        values: { need: '', broker: 'la', language: request.lang },
      });
    },
  );

  app.post(
    '/schools/:number/priorities/:id/support-request',
    { config: scoped(signedIn, 'school', 'edit'), schema: { params: Params, body: RequestBody } },
    async (request, reply) => {
      const { school, can } = schoolScope(request);
      const model = await requestModel(school.number, request.params.id);
      const input = requestInput(request.body);
      const parsed = parseRequest(
        input,
        model.collaboratives.map((c) => c.id),
      );
      if (!parsed.ok)
        return reply.status(400).page(view('request-form'), {
          title: request.t('brokering.request.title'),
          school,
          schoolCan: can,
          schoolSection: 'priorities',
          ...model,
          values: input,
          ...presentErrors(parsed.errors, request.t),
        });
      await createRequest(db, request.user!.id, school.number, model.priority.id, parsed.values);
      return reply.redirect(`/schools/${school.number}/support?done=requested`, 303);
    },
  );

  async function impactModel(
    schoolNumber: string,
    id: string,
    lang: 'en' | 'cy',
    t: Parameters<typeof agreementFacts>[0],
  ) {
    const row = await repo.findReceivedAgreement(db, schoolNumber, requireUuid(id));
    if (!row) throw new HttpError(404, 'not-found');
    return { row, agreement: agreementFacts(t, lang, row, await repo.nationalPriorityNames(db)) };
  }

  app.get(
    '/schools/:number/support/agreements/:id/impact',
    { config: scoped(signedIn, 'school', 'edit'), schema: { params: Params } },
    async (request, reply) => {
      const { school, can } = schoolScope(request);
      const { row, agreement } = await impactModel(school.number, request.params.id, request.lang, request.t);
      const values = {
        impact: row.agreement.impact,
        language: row.agreement.impact ? row.agreement.language : request.lang,
        version: row.agreement.version,
      };
      return reply.page(view('impact'), {
        title: request.t('brokering.impact.title'),
        school,
        schoolCan: can,
        schoolSection: 'support',
        agreement,
        values,
      });
    },
  );

  app.post(
    '/schools/:number/support/agreements/:id/impact',
    { config: scoped(signedIn, 'school', 'edit'), schema: { params: Params, body: ImpactBody } },
    async (request, reply) => {
      const { school, can } = schoolScope(request);
      const { row, agreement } = await impactModel(school.number, request.params.id, request.lang, request.t);
      const model = {
        title: request.t('brokering.impact.title'),
        school,
        schoolCan: can,
        schoolSection: 'support',
        agreement,
      };
      const parsed = parseImpact(request.body);
      const typed = {
        impact: request.body.impact ?? '',
        language: request.body.language ?? 'en',
        version: request.body.version,
      };
      if (!parsed.ok)
        return reply
          .status(400)
          .page(view('impact'), { ...model, values: typed, ...presentErrors(parsed.errors, request.t) });
      const result = await recordImpact(db, request.user!.id, row, request.body.version, parsed.values, clock.now());
      if (result.ok) return reply.redirect(`/schools/${school.number}/support?done=impact`, 303);
      const conflict = [
        { label: request.t('brokering.impact.field'), theirs: row.agreement.impact, yours: parsed.values.impact },
      ];
      return reply.status(409).page(view('impact'), {
        ...model,
        values: { ...typed, version: row.agreement.version },
        conflict,
        errors: [{ text: request.t('common.conflict.title'), href: '#conflict' }],
      });
    },
  );
};
