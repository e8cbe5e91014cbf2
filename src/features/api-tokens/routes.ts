// A person's API tokens, from their account page: make one (shown once), see when each was last
// used, revoke it. The tokens are used on the API (src/plugins/api-token.ts), never on these pages.
import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FeaturePlugin } from '../../app-deps.ts';
import { HttpError } from '../../lib/http-error.ts';
import { presentErrors, text, type FieldErrors } from '../../lib/forms.ts';
import { FormText, Uuid } from '../../lib/request-schemas.ts';
import { API_SCOPES, API_TOKEN_LIFETIMES } from '../../policy/api-scopes.ts';
import { listApiTokens } from './api-token-repository.ts';
import { createApiToken, revokeApiToken } from './api-token-service.ts';
import { presentTokens, tokenFormItems } from './api-token-presenter.ts';

const signedIn = { access: { signedIn: true } } as const;
const view = 'features/api-tokens/views/api-tokens.njk';
const literals = (values: readonly string[]) => Type.Union(values.map((v) => Type.Literal(v)));

// An unknown scope or lifetime is not a choice the page offers: refused at the schema with a 400.
const CreateBody = Type.Object({
  name: FormText(200),
  scopes: Type.Optional(Type.Array(literals(API_SCOPES), { maxItems: API_SCOPES.length })),
  lifetimeDays: Type.Optional(literals(API_TOKEN_LIFETIMES.map(String))),
});
const TokenParams = Type.Object({ tokenId: Uuid });
const PageQuery = Type.Object({ done: Type.Optional(Type.Literal('revoked')) });

type Form = { name: string; scopes: string[]; lifetimeDays: string };
const EMPTY_FORM: Form = { name: '', scopes: [], lifetimeDays: '' };

export const apiTokenRoutes: FeaturePlugin<'database' | 'clock'> = async (app, { database, clock }) => {
  const db = database.db;

  async function render(
    request: FastifyRequest,
    reply: FastifyReply,
    extra: { form?: Form; errors?: FieldErrors; newToken?: string; done?: string } = {},
  ) {
    const now = clock.now();
    const form = extra.form ?? EMPTY_FORM;
    // A page that may show a token must not be kept by the browser or a proxy.
    reply.header('cache-control', 'no-store');
    return reply.page(view, {
      title: request.t('pages.apiTokens.title'),
      activeNav: 'account',
      tokens: presentTokens(await listApiTokens(db, request.user!.id), now, request.t),
      form,
      ...tokenFormItems(form, request.t),
      ...(extra.errors ? presentErrors(extra.errors, request.t) : {}),
      newToken: extra.newToken,
      done: extra.done,
    });
  }

  app.get('/account/api-tokens', { config: signedIn, schema: { querystring: PageQuery } }, (request, reply) =>
    render(request, reply, { done: request.query.done }),
  );

  // The token is shown in the response to the POST itself, once: it is never stored to be shown again.
  app.post('/account/api-tokens', { config: signedIn, schema: { body: CreateBody } }, async (request, reply) => {
    const form: Form = {
      name: text(request.body.name),
      scopes: request.body.scopes ?? [],
      lifetimeDays: request.body.lifetimeDays ?? '',
    };
    const result = await createApiToken(db, request.user!.id, form, clock.now());
    if (!result.ok) return render(request, reply.status(400), { form, errors: result.errors });
    return render(request, reply, { newToken: result.token });
  });

  app.post(
    '/account/api-tokens/:tokenId/revoke',
    { config: signedIn, schema: { params: TokenParams } },
    async (request, reply) => {
      // Only the person's own tokens match: anyone else's id is simply not found.
      if (!(await revokeApiToken(db, request.user!.id, request.params.tokenId, clock.now())))
        throw new HttpError(404, 'not-found');
      return reply.redirect('/account/api-tokens?done=revoked', 303);
    },
  );
};
