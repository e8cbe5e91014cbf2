// "Sign in with Hwb" (issue 14): single sign-on with the OpenID Connect provider configured in
// OIDC_* (src/config.ts). Off, and every route here a 404, when it is not configured.
import type { FastifyBaseLogger, FastifyReply } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { FeaturePlugin } from '../../app-deps.ts';
import { HttpError } from '../../lib/http-error.ts';
import { safeNextPath } from '../../lib/forms.ts';
import { FormText, Uuid } from '../../lib/request-schemas.ts';
import { SESSION_COOKIE, sessionClientOf } from '../../sessions/session-service.ts';
import { CALLBACK_PATH, openIdProvider, ProviderProblem } from './openid-provider.ts';
import { openPendingSignIn, PENDING_COOKIE, PENDING_MINUTES, sealPendingSignIn } from './pending-sign-in.ts';
import { removeLink, signInWithProvider } from './single-sign-on-service.ts';

const StartQuery = Type.Object({ next: FormText(2000) });
// What a provider may put on the way back (RFC 6749 4.1.2, RFC 9207's iss, OIDC session management).
const CallbackQuery = Type.Object({
  code: FormText(2000),
  state: FormText(500),
  iss: FormText(2000),
  error: FormText(200),
  error_description: FormText(2000),
  error_uri: FormText(2000),
  session_state: FormText(500),
});
const LinkParams = Type.Object({ linkId: Uuid });

const open = { access: { public: true } } as const;
const signedIn = { access: { signedIn: true } } as const;

/** Each problem's page and status: never a 500, and always the way back to password sign-in. */
const PROBLEMS = {
  // The provider could not be reached: ours to report, theirs to mend.
  unavailable: 503,
  // It answered, but with a token or reply we do not accept (wrong audience, expired, bad signature).
  failed: 502,
  // No sign-in of ours to finish: a stale, replayed or forged callback, or the person turned back.
  notCompleted: 400,
  // Signed in at the provider, but no Cydwella account is linked or can be.
  notLinked: 403,
} as const;
type Problem = keyof typeof PROBLEMS;

/** What the provider answered, or the problem it had (logged: the person sees only its kind). */
async function asked<T>(log: FastifyBaseLogger, call: () => Promise<T>): Promise<T | ProviderProblem> {
  try {
    return await call();
  } catch (error) {
    if (!(error instanceof ProviderProblem)) throw error;
    log.warn({ err: error.cause, kind: error.kind }, 'single sign-on did not complete');
    return error;
  }
}

export const singleSignOnRoutes: FeaturePlugin<'database' | 'clock' | 'config' | 'keys'> = async (app, deps) => {
  const { config, clock, keys } = deps;
  const db = deps.database.db;
  const settings = config.oidc;
  const provider = settings ? openIdProvider(settings, config.publicUrl, clock) : null;
  const sessions = { idleMinutes: config.sessionIdleMinutes, absoluteHours: config.sessionAbsoluteHours };
  const rateLimit = { max: config.signInRateLimitPerMinute, timeWindow: '1 minute' };
  const pendingCookie = {
    path: '/sign-in/sso',
    httpOnly: true,
    sameSite: 'lax',
    secure: config.secureCookies,
  } as const;

  const enabled = () => {
    if (!provider) throw new HttpError(404, 'not-found');
    return { provider };
  };
  const problemPage = (reply: FastifyReply, problem: Problem) => {
    const name = settings?.name[reply.request.lang];
    return reply.status(PROBLEMS[problem]).page('features/single-sign-on/views/problem.njk', {
      title: reply.request.t(`singleSignOn.problems.${problem}.title`, { provider: name }),
      problem,
      provider: name,
    });
  };

  app.get(
    '/sign-in/sso',
    { config: { ...open, rateLimit }, schema: { querystring: StartQuery } },
    async (request, reply) => {
      const { provider } = enabled();
      const next = safeNextPath(request.query.next);
      if (request.user) return reply.redirect(next, 303);
      const started = await asked(request.log, () => provider.start(next));
      if (started instanceof ProviderProblem) return problemPage(reply, started.kind);
      reply.setCookie(PENDING_COOKIE, sealPendingSignIn(keys.singleSignOn, started.pending, clock.now()), {
        ...pendingCookie,
        maxAge: PENDING_MINUTES * 60,
      });
      return reply.redirect(started.url, 303);
    },
  );

  app.get(
    CALLBACK_PATH,
    { config: { ...open, rateLimit }, schema: { querystring: CallbackQuery } },
    async (request, reply) => {
      const { provider } = enabled();
      const now = clock.now();
      const pending = openPendingSignIn(keys.singleSignOn, request.cookies[PENDING_COOKIE], now);
      // Spent whatever happens next: a state is good for one callback.
      reply.clearCookie(PENDING_COOKIE, { path: pendingCookie.path });
      const { state, code, error } = request.query;
      if (!pending || state !== pending.state || error || !code) return problemPage(reply, 'notCompleted');
      const identity = await asked(request.log, () => provider.finish(new URL(request.url, config.publicUrl), pending));
      if (identity instanceof ProviderProblem) return problemPage(reply, identity.kind);
      const result = await signInWithProvider({ db, sessions, now, client: sessionClientOf(request) }, identity);
      if (!result.ok) return problemPage(reply, 'notLinked');
      reply.setCookie(SESSION_COOKIE, result.token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: config.secureCookies,
      });
      return reply.redirect(safeNextPath(pending.next), 303);
    },
  );

  app.post(
    '/account/sign-ins/:linkId/remove',
    { config: signedIn, schema: { params: LinkParams } },
    async (request, reply) => {
      // Only the person's own links match: anyone else's id is simply not found.
      const removed = await removeLink(db, request.user!.id, request.params.linkId);
      if (!removed) throw new HttpError(404, 'not-found');
      return reply.redirect('/account?signInRemoved=1#sign-ins', 303);
    },
  );
};
