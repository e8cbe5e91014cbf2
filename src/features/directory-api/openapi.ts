// Follows the @fastify/swagger docs ("dynamic" mode, refResolver). Registered inside the API's
// own plugin, so the document lists only the routes of /api/v1.
import swagger from '@fastify/swagger';
import type { FastifyInstance } from 'fastify';
import { API_SCOPES } from '../../policy/api-scopes.ts';
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
          'Codes are those of the Welsh Government Address list of schools. Requires a signed-in session, or ' +
          'an API token made on your account page, sent as `Authorization: Bearer cyd_...`. A token reads as the ' +
          'person who made it, only what they may see now, and only with the scope each operation names.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'cyd_session' },
          apiToken: {
            type: 'http',
            scheme: 'bearer',
            description: `A personal API token (cyd_...), limited to its scopes: ${API_SCOPES.join(', ')}. Expired or revoked: 401; a scope the operation needs missing: 403.`,
          },
        },
      },
      security: [{ session: [] }],
      tags: [{ name: 'directory', description: 'Schools and local authorities' }],
    },
    // Each operation's security comes from the scope its route declares (config.apiTokenScope), the
    // same value src/plugins/api-token.ts enforces, so the document cannot drift from the check.
    transform: ({ schema, url, route }) => {
      const scope = route.config?.apiTokenScope;
      if (scope === undefined || !schema) return { schema, url };
      return { schema: { ...schema, security: [{ session: [] }, { apiToken: scope ? [scope] : [] }] }, url };
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
