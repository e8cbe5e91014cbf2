// Follows the @fastify/swagger docs ("dynamic" mode, refResolver). Registered inside the API's
// own plugin, so the document lists only the routes of /api/v1.
import swagger from '@fastify/swagger';
import type { FastifyInstance } from 'fastify';
import { NATIONAL_PICTURE_OPENAPI } from '../national-picture/open-data-openapi.ts';

export async function registerOpenApi(app: FastifyInstance) {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Cydwella directory API',
        version: '1.0.0',
        description:
          'Read-only access to the directory of Welsh maintained schools, pupil referral units and local authorities. ' +
          'Codes are those of the Welsh Government Address list of schools. Requires a signed-in session.',
      },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'cyd_session' } } },
      security: [{ session: [] }],
      tags: [{ name: 'directory', description: 'Schools and local authorities' }],
    },
    // The national picture's open data is served by its own feature: its path is added here.
    transformObject: (documents) => {
      const doc = ('openapiObject' in documents ? documents.openapiObject : documents.swaggerObject) as {
        paths?: Record<string, unknown>;
      };
      return { ...doc, paths: { ...doc.paths, ...NATIONAL_PICTURE_OPENAPI } };
    },
    refResolver: {
      buildLocalReference: (json, _baseUri, _fragment, i) => (typeof json.$id === 'string' ? json.$id : `def-${i}`),
    },
  });
}
