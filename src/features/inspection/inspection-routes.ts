import { Type } from '@sinclair/typebox';
import type { FeaturePlugin } from '../../app-deps.ts';
import { schoolScope } from '../../access/request-scope.ts';
import { scoped } from '../../access/scopes.ts';
import { todayInWales } from '../../lib/clock.ts';
import { formatDate } from '../../lib/dates.ts';
import { presentErrors, text } from '../../lib/forms.ts';
import { dateToParts } from '../../lib/govuk-date-input.ts';
import { FormText, Version } from '../../lib/request-schemas.ts';
import { readerAccess } from '../../school/school-items.ts';
import {
  base,
  field,
  inspectionModel,
  presentRecommendations,
  SchoolParams,
  signedIn,
  view,
} from './inspection-context.ts';
import { INSPECTION_NEEDS } from './inspection-policy.ts';
import * as repo from './inspection-repository.ts';
import { saveInspection } from './inspection-service.ts';

const DONE = ['inspection-saved', 'recommendation-added', 'recommendation-saved', 'recommendation-removed'];
const InspectionBody = Type.Object({
  version: Type.Optional(Version),
  'inspectedOn-day': FormText(20),
  'inspectedOn-month': FormText(20),
  'inspectedOn-year': FormText(20),
  reportUrl: field,
});

/** The last inspection's page (the one place for an interim visit) and its date and report link. */
export const inspectionPageRoutes: FeaturePlugin<'database' | 'clock'> = async (app, { database, clock }) => {
  const db = database.db;

  app.get(
    '/schools/:number/inspection',
    {
      config: scoped(signedIn, 'school', INSPECTION_NEEDS.read),
      schema: { params: SchoolParams, querystring: Type.Object({ done: FormText(40) }) },
    },
    async (request, reply) => {
      const ctx = schoolScope(request);
      const inspection = await repo.findInspection(db, ctx.school.number);
      const recommendations = inspection ? await repo.recommendationsOf(db, inspection.id) : [];
      const linked = await repo.linkedPriorities(
        db,
        recommendations.map((r) => r.id),
        readerAccess(request, ctx),
      );
      return reply.page(view('inspection'), {
        title: request.t('inspection.title'),
        ...inspectionModel(ctx),
        inspection,
        recommendations: presentRecommendations(recommendations, linked, request.lang),
        done: DONE.includes(request.query.done ?? '') ? request.query.done : null,
      });
    },
  );

  app.get(
    '/schools/:number/inspection/edit',
    { config: scoped(signedIn, 'school', INSPECTION_NEEDS.edit), schema: { params: SchoolParams } },
    async (request, reply) => {
      const ctx = schoolScope(request);
      const inspection = await repo.findInspection(db, ctx.school.number);
      return reply.page(view('inspection-form'), {
        title: request.t('inspection.formTitle'),
        ...inspectionModel(ctx),
        values: {
          version: inspection?.version,
          inspectedOn: dateToParts(inspection?.inspectedOn),
          reportUrl: inspection?.reportUrl ?? '',
        },
      });
    },
  );

  app.post(
    '/schools/:number/inspection',
    {
      config: scoped(signedIn, 'school', INSPECTION_NEEDS.edit),
      schema: { params: SchoolParams, body: InspectionBody },
    },
    async (request, reply) => {
      const ctx = schoolScope(request);
      const b = request.body;
      const input = {
        inspectedOn: {
          day: text(b['inspectedOn-day']),
          month: text(b['inspectedOn-month']),
          year: text(b['inspectedOn-year']),
        },
        reportUrl: text(b.reportUrl),
      };
      const now = clock.now();
      const result = await saveInspection(
        db,
        request.user!.id,
        ctx.school.number,
        b.version,
        input,
        now,
        todayInWales(now),
      );
      if (result.ok) return reply.redirect(`${base(ctx)}?done=inspection-saved`, 303);
      const model = { title: request.t('inspection.formTitle'), ...inspectionModel(ctx) };
      if (result.reason === 'invalid')
        return reply.status(400).page(view('inspection-form'), {
          ...model,
          values: { ...input, version: b.version },
          ...presentErrors(result.errors, request.t),
        });
      const theirs = result.current;
      return reply.status(409).page(view('inspection-form'), {
        ...model,
        values: { ...input, version: theirs.version },
        conflict: [
          {
            label: request.t('inspection.fields.inspectedOn'),
            theirs: formatDate(theirs.inspectedOn, request.lang),
            yours: [input.inspectedOn.day, input.inspectedOn.month, input.inspectedOn.year].join('/'),
          },
          { label: request.t('inspection.fields.reportUrl'), theirs: theirs.reportUrl, yours: input.reportUrl },
        ],
        errors: [{ text: request.t('common.conflict.title'), href: '#conflict' }],
      });
    },
  );
};
