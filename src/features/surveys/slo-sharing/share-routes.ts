import { Type } from '@sinclair/typebox';
import type { FeaturePlugin } from '../../../app-deps.ts';
import { schoolScope } from '../../../access/request-scope.ts';
import { scoped } from '../../../access/scopes.ts';
import { HttpError } from '../../../lib/http-error.ts';
import { CodeList, IdList, SchoolNumber, Uuid } from '../../../lib/request-schemas.ts';
import { SURVEY_NEEDS } from '../survey-policy.ts';
import { findSurvey } from '../survey-repository.ts';
import { setSloSharing } from './share-service.ts';

const SurveyParams = Type.Object({ number: SchoolNumber, id: Uuid });
// The ticked boxes: "la" and/or "national", and the school's collaboratives by id.
const SharingBody = Type.Object({ audiences: CodeList(2, 20), collaboratives: IdList(50) });
const WIDE = ['la', 'national'] as const;

/** POST /schools/:number/surveys/:id/sharing: the leader's consent to count the SLO results in wider pictures. */
export const sloShareRoutes: FeaturePlugin<'database' | 'clock'> = async (app, { database, clock }) => {
  app.post(
    '/schools/:number/surveys/:id/sharing',
    {
      config: scoped({ access: { signedIn: true } }, 'school', SURVEY_NEEDS.manage),
      schema: { params: SurveyParams, body: SharingBody },
    },
    async (request, reply) => {
      const ctx = schoolScope(request);
      const survey = await findSurvey(database.db, ctx.school.number, request.params.id);
      if (!survey) throw new HttpError(404, 'not-found');
      const audiences = request.body.audiences ?? [];
      if (audiences.some((a) => !(WIDE as readonly string[]).includes(a))) throw new HttpError(400, 'bad-request');
      const outcome = await setSloSharing(
        database.db,
        request.user!.id,
        ctx.school,
        ctx.can,
        survey,
        {
          la: audiences.includes('la'),
          national: audiences.includes('national'),
          collaboratives: request.body.collaboratives ?? [],
        },
        clock.now(),
      );
      if (outcome === 'forbidden') throw new HttpError(403, 'forbidden');
      if (outcome === 'bad-request' || outcome === 'not-closed') throw new HttpError(400, 'bad-request');
      return reply.redirect(
        `/schools/${ctx.school.number}/surveys/${survey.id}?done=${outcome === 'changed' ? 'shared' : 'unchanged'}#sharing`,
        303,
      );
    },
  );
};
