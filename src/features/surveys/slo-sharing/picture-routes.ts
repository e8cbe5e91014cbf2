import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import type { FeaturePlugin } from '../../../app-deps.ts';
import { collaborativeScope, laScope } from '../../../access/request-scope.ts';
import { scoped } from '../../../access/scopes.ts';
import { FormText, LaCode, Uuid } from '../../../lib/request-schemas.ts';
import { laModel } from '../../../local-authority/la-model.ts';
import { nationalRead } from '../../national-picture/publish-context.ts';
import type { PictureAudience } from './share-repository.ts';
import { pictureFor, yearItems } from './picture-service.ts';

const YearQuery = Type.Object({ year: FormText(9) });
const view = (name: string) => `features/surveys/slo-sharing/views/${name}.njk`;

/**
 * The SLO pictures (issue 18, part 5): each collaborative, LA and Welsh Government sees agreement by
 * dimension across the schools that chose to share with it, never one school's figures.
 */
export const sloPictureRoutes: FeaturePlugin<'database'> = async (app, { database }) => {
  const db = database.db;
  const model = async (
    request: FastifyRequest<{ Querystring: { year?: string } }>,
    audience: PictureAudience,
    action: string,
  ) => {
    const data = await pictureFor(db, audience, request.query.year, request.lang);
    return {
      ...data,
      action,
      yearItems: yearItems(data.years, data.year, (y) => request.t('sloShare.picture.year', { year: y, next: y + 1 })),
    };
  };

  app.get(
    '/local-authorities/:code/slo-survey',
    {
      config: scoped({ access: { permission: 'la.read' } }, 'la', 'staff'),
      schema: { params: Type.Object({ code: LaCode }), querystring: YearQuery },
    },
    async (request, reply) => {
      const ctx = laScope(request);
      const action = `/local-authorities/${ctx.la.code}/slo-survey`;
      return reply.page(view('la-picture'), {
        ...laModel(ctx, 'overview'),
        title: request.t('sloShare.picture.laTitle', { la: ctx.laName }),
        ...(await model(request, { kind: 'la', code: ctx.la.code }, action)),
      });
    },
  );

  app.get(
    '/collaboratives/:id/slo-survey',
    {
      config: scoped({ access: { permission: 'collaboratives.read' } }, 'collaborative', 'space'),
      schema: { params: Type.Object({ id: Uuid }), querystring: YearQuery },
    },
    async (request, reply) => {
      const { collaborative, can } = collaborativeScope(request);
      return reply.page(view('collaborative-picture'), {
        title: request.t('sloShare.picture.collaborativeTitle'),
        activeNav: 'collaboratives',
        collaborative,
        collabCan: can,
        collaborativeSection: 'slo-survey',
        ...(await model(
          request,
          { kind: 'collaborative', id: collaborative.id },
          `/collaboratives/${collaborative.id}/slo-survey`,
        )),
      });
    },
  );

  app.get(
    '/national/slo-survey',
    { config: scoped(nationalRead, 'national', 'read'), schema: { querystring: YearQuery } },
    async (request, reply) =>
      reply.page(view('national-picture'), {
        title: request.t('sloShare.picture.nationalTitle'),
        ...(await model(request, { kind: 'national' }, '/national/slo-survey')),
      }),
  );
};
