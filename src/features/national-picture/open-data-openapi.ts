/** The OpenAPI entry of the national picture's stable endpoint (open data, no sign-in). */
export const NATIONAL_PICTURE_OPENAPI = {
  '/api/v1/national-picture': {
    get: {
      tags: ['national'],
      summary:
        'The national picture: schools with priorities shared at national-aggregate level, by year, LA, phase, NIF theme and national priority, and by collaborative; figures that could reveal fewer than 5 schools are null',
      security: [],
      parameters: [
        {
          name: 'year',
          in: 'query',
          required: false,
          schema: { type: 'string', pattern: '^\\d{4}$' },
          description: 'Academic year by its starting year (2025 is 2025-26)',
        },
      ],
      responses: {
        200: {
          description: 'Every published figure; "*" is "all"',
          content: {
            'application/json': {
              schema: {
                type: 'object',
                properties: {
                  builtAt: { type: 'string', format: 'date-time' },
                  threshold: { type: 'integer' },
                  notes: { type: 'object', properties: { en: { type: 'string' }, cy: { type: 'string' } } },
                  items: {
                    type: 'array',
                    items: {
                      type: 'object',
                      properties: {
                        academicYear: { type: 'integer' },
                        level: { type: 'string', enum: ['wales', 'la', 'collaborative'] },
                        la: { type: 'string' },
                        collaborative: { type: ['string', 'null'] },
                        phase: { type: 'string' },
                        theme: { type: 'string' },
                        nationalPriority: { type: 'string' },
                        schools: { type: ['integer', 'null'] },
                        suppressed: { type: 'boolean' },
                      },
                    },
                  },
                },
              },
            },
          },
        },
      },
    },
  },
};
