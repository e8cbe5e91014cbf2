// The second step of a password sign-in: a code (or a recovery code), or setting two-factor up
// when the person's role requires it. Open only to whoever holds a live challenge cookie.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { FeaturePlugin } from '../../app-deps.ts';
import { presentErrors, safeNextPath } from '../../lib/forms.ts';
import { FormText } from '../../lib/request-schemas.ts';
import { SESSION_COOKIE, sessionClientOf } from '../../sessions/session-service.ts';
import { CHALLENGE_COOKIE, findChallenge, type LiveChallenge } from '../../sessions/sign-in-challenge-service.ts';
import { findUserEmail } from './two-factor-repository.ts';
import { enableAtSignIn, signInWithCode } from './two-factor-service.ts';
import { setUpModel } from './set-up-page.ts';

const CodeBody = Type.Object({ code: FormText(64) });
const SetUpBody = Type.Object({ code: FormText(64), setUp: FormText(1000) });
const open = { access: { public: true } } as const;
const EXPIRED = '/sign-in?notice=secondStepExpired';

export const twoFactorSignInRoutes: FeaturePlugin<'database' | 'config' | 'clock' | 'delay' | 'keys'> = async (
  app,
  deps,
) => {
  const { config, clock, keys } = deps;
  const db = deps.database.db;
  const delay = deps.delay ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const sessions = { idleMinutes: config.sessionIdleMinutes, absoluteHours: config.sessionAbsoluteHours };
  const serviceDeps = { db, key: keys.twoFactorSecrets, delay, sessions };
  const cookieOptions = { path: '/', httpOnly: true, sameSite: 'lax', secure: config.secureCookies } as const;
  const view = (name: string) => `features/two-factor/views/${name}.njk`;

  const challengeOf = (request: FastifyRequest, purpose: LiveChallenge['purpose']) =>
    findChallenge(db, request.cookies[CHALLENGE_COOKIE], clock.now()).then((c) => (c?.purpose === purpose ? c : null));

  const signedIn = (reply: FastifyReply, sessionToken: string) => {
    reply.clearCookie(CHALLENGE_COOKIE, { path: '/sign-in' });
    reply.setCookie(SESSION_COOKIE, sessionToken, cookieOptions);
  };

  const renderCode = (reply: FastifyReply, status: number, errors: Record<string, unknown> = {}) =>
    reply.status(status).page(view('sign-in-code'), { title: reply.request.t('twoFactor.signIn.title'), ...errors });

  app.get('/sign-in/code', { config: open }, async (request, reply) => {
    if (!(await challengeOf(request, 'verify'))) return reply.redirect(EXPIRED, 303);
    return renderCode(reply, 200);
  });

  app.post('/sign-in/code', { config: open, schema: { body: CodeBody } }, async (request, reply) => {
    const challenge = await challengeOf(request, 'verify');
    if (!challenge) return reply.redirect(EXPIRED, 303);
    const code = request.body.code?.trim() ?? '';
    if (!code) return renderCode(reply, 400, presentErrors({ code: 'twoFactor.errors.codeMissing' }, request.t));
    const result = await signInWithCode(serviceDeps, challenge, code, clock.now(), sessionClientOf(request));
    if (result.ok) {
      signedIn(reply, result.value);
      return reply.redirect(safeNextPath(challenge.nextPath), 303);
    }
    if (result.reason === 'challengeEnded' || result.reason === 'notOn') {
      reply.clearCookie(CHALLENGE_COOKIE, { path: '/sign-in' });
      return reply.redirect(EXPIRED, 303);
    }
    const status = result.reason === 'locked' ? 429 : 400;
    return renderCode(reply, status, presentErrors({ code: `twoFactor.errors.${result.reason}` }, request.t));
  });

  const renderSetUp = async (
    reply: FastifyReply,
    challenge: LiveChallenge,
    status: number,
    extra: { carried?: string; errors?: Record<string, string> } = {},
  ) => {
    const email = (await findUserEmail(db, challenge.userId)) ?? '';
    const t = reply.request.t;
    const model = await setUpModel(
      keys.twoFactorSecrets,
      { id: challenge.userId, email },
      clock.now(),
      t,
      extra.carried,
    );
    return reply.status(status).page(view('set-up'), {
      title: t('twoFactor.setUp.title'),
      action: '/sign-in/set-up-two-factor',
      required: true,
      ...model,
      ...(extra.errors ? presentErrors(extra.errors, t) : {}),
    });
  };

  app.get('/sign-in/set-up-two-factor', { config: open }, async (request, reply) => {
    const challenge = await challengeOf(request, 'enrol');
    if (!challenge) return reply.redirect(EXPIRED, 303);
    return renderSetUp(reply, challenge, 200);
  });

  app.post('/sign-in/set-up-two-factor', { config: open, schema: { body: SetUpBody } }, async (request, reply) => {
    const challenge = await challengeOf(request, 'enrol');
    if (!challenge) return reply.redirect(EXPIRED, 303);
    const code = request.body.code?.trim() ?? '';
    const carried = request.body.setUp ?? '';
    if (!code) return renderSetUp(reply, challenge, 400, { carried, errors: { code: 'twoFactor.errors.codeMissing' } });
    const result = await enableAtSignIn(serviceDeps, challenge, carried, code, clock.now(), sessionClientOf(request));
    if (!result.ok) {
      if (result.problem === 'alreadyOn') return reply.redirect(EXPIRED, 303);
      const key = result.problem === 'expired' ? 'twoFactor.errors.setUpExpired' : 'twoFactor.errors.wrong';
      return renderSetUp(reply, challenge, 400, { carried, errors: { code: key } });
    }
    signedIn(reply, result.sessionToken);
    return reply.page(view('recovery-codes'), {
      title: request.t('twoFactor.recoveryCodes.title'),
      codes: result.recoveryCodes,
      continueTo: safeNextPath(challenge.nextPath),
      turnedOn: true,
    });
  });
};
