import type { FastifyReply } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { FeaturePlugin } from '../../app-deps.ts';
import { presentErrors, safeNextPath, text, type FieldErrors } from '../../lib/forms.ts';
import { SESSION_COOKIE } from '../../sessions/session-service.ts';
import { CHALLENGE_COOKIE, CHALLENGE_MINUTES } from '../../sessions/sign-in-challenge-service.ts';
import { changePassword, findPasswordToken, setPasswordWithToken, signIn, signOut } from './auth-service.ts';
import { MIN_PASSWORD_LENGTH } from '../../lib/passwords.ts';
import { completionsOf } from '../professional-learning/professional-learning-repository.ts';
import { activeSessions } from '../account-sessions/account-sessions-service.ts';
import { presentSessions } from '../account-sessions/account-sessions-presenter.ts';
import { FormText, LinkToken } from '../../lib/request-schemas.ts';
import { linkedSignIns } from '../single-sign-on/single-sign-on-service.ts';
import { presentLinks } from '../single-sign-on/single-sign-on-presenter.ts';

const SignInBody = Type.Object({
  email: FormText(320),
  password: FormText(1024),
  next: FormText(2000),
});
const PasswordBody = Type.Object({
  currentPassword: FormText(1024),
  newPassword: FormText(1024),
  confirmPassword: FormText(1024),
});
const SetPasswordBody = Type.Object({
  password: FormText(1024),
  confirmPassword: FormText(1024),
});
const TokenParams = Type.Object({ token: LinkToken });

const signedIn = { access: { signedIn: true } } as const;
const open = { access: { public: true } } as const;

export const authRoutes: FeaturePlugin<'database' | 'config' | 'delay' | 'clock'> = async (app, deps) => {
  const { config, database, clock } = deps;
  const db = database.db;
  const delay = deps.delay ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const sessionSettings = { idleMinutes: config.sessionIdleMinutes, absoluteHours: config.sessionAbsoluteHours };
  const cookieOptions = { path: '/', httpOnly: true, sameSite: 'lax', secure: config.secureCookies } as const;
  const view = (name: string) => `features/auth/views/${name}.njk`;
  const passwordRules = { min: MIN_PASSWORD_LENGTH };

  const renderSignIn = (reply: FastifyReply, status: number, model: Record<string, unknown>) =>
    reply.status(status).page(view('sign-in'), {
      title: reply.request.t('pages.signIn.title'),
      // "Sign in with Hwb" (features/single-sign-on), when a provider is configured.
      singleSignOn: config.oidc ? { provider: config.oidc.name[reply.request.lang] } : null,
      ...model,
    });

  const SignInQuery = Type.Object({
    next: FormText(2000),
    notice: Type.Optional(
      Type.Union([Type.Literal('signedOut'), Type.Literal('passwordSet'), Type.Literal('secondStepExpired')]),
    ),
  });
  app.get('/sign-in', { config: open, schema: { querystring: SignInQuery } }, (request, reply) => {
    if (request.user) return reply.redirect('/', 303);
    return renderSignIn(reply, 200, { next: safeNextPath(request.query.next), notice: request.query.notice });
  });

  app.post(
    '/sign-in',
    {
      config: { ...open, rateLimit: { max: config.signInRateLimitPerMinute, timeWindow: '1 minute' } },
      schema: { body: SignInBody },
    },
    async (request, reply) => {
      const email = text(request.body.email);
      const password = request.body.password ?? '';
      const next = safeNextPath(request.body.next);
      const errors: FieldErrors = {};
      if (!email) errors.email = 'pages.signIn.errors.emailMissing';
      else if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) errors.email = 'pages.signIn.errors.emailInvalid';
      if (!password) errors.password = 'pages.signIn.errors.passwordMissing';
      if (Object.keys(errors).length)
        return renderSignIn(reply, 400, { ...presentErrors(errors, request.t), values: { email }, next });
      const result = await signIn(
        { db, sessions: sessionSettings, delay, clock, twoFactorRequired: config.twoFactorRequired },
        email,
        password,
        request.ip,
        request.headers['user-agent'],
        next,
      );
      if (result.ok === 'second-step') {
        const maxAge = CHALLENGE_MINUTES * 60;
        reply.setCookie(CHALLENGE_COOKIE, result.challengeToken, { ...cookieOptions, path: '/sign-in', maxAge });
        return reply.redirect(result.purpose === 'verify' ? '/sign-in/code' : '/sign-in/set-up-two-factor', 303);
      }
      if (!result.ok) {
        const message =
          result.reason === 'locked'
            ? request.t('pages.signIn.errors.locked', { count: result.minutes })
            : request.t('pages.signIn.errors.invalid');
        return renderSignIn(reply, result.reason === 'locked' ? 429 : 400, {
          errors: [{ text: message, href: '#email' }],
          values: { email },
          next,
        });
      }
      reply.setCookie(SESSION_COOKIE, result.token, cookieOptions);
      return reply.redirect(next, 303);
    },
  );

  app.post('/sign-out', { config: signedIn }, async (request, reply) => {
    if (request.sessionToken) await signOut(db, request.sessionToken, request.user?.id ?? null);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.redirect('/sign-in?notice=signedOut', 303);
  });

  const AccountQuery = Type.Object({
    changed: Type.Optional(Type.Literal('1')),
    ended: Type.Optional(Type.Union([Type.Literal('one'), Type.Literal('others')])),
    signInRemoved: Type.Optional(Type.Literal('1')),
  });
  app.get('/account', { config: signedIn, schema: { querystring: AccountQuery } }, async (request, reply) => {
    const sessions = await activeSessions(db, request.user!.id, request.sessionToken!, sessionSettings, clock.now());
    return reply.page(view('account'), {
      title: request.t('pages.account.title'),
      activeNav: 'account',
      changed: request.query.changed === '1',
      ended: request.query.ended,
      learning: await completionsOf(db, request.user!.id),
      sessionList: presentSessions(sessions, request.t),
      signInRemoved: request.query.signInRemoved === '1',
      signInLinks: presentLinks(await linkedSignIns(db, request.user!.id), config.oidc, request.lang),
    });
  });

  app.get('/account/password', { config: signedIn }, (request, reply) =>
    reply.page(view('change-password'), {
      title: request.t('pages.changePassword.title'),
      activeNav: 'account',
      passwordRules,
    }),
  );

  app.post('/account/password', { config: signedIn, schema: { body: PasswordBody } }, async (request, reply) => {
    const result = await changePassword(
      db,
      request.user!.id,
      {
        currentPassword: request.body.currentPassword ?? '',
        newPassword: request.body.newPassword ?? '',
        confirmPassword: request.body.confirmPassword ?? '',
      },
      request.sessionToken!,
      clock.now(),
    );
    if (result.ok) return reply.redirect('/account?changed=1', 303);
    return reply.status(400).page(view('change-password'), {
      title: request.t('pages.changePassword.title'),
      activeNav: 'account',
      passwordRules,
      ...presentErrors({ [result.field]: `passwords.problems.${result.problem}` }, request.t),
    });
  });

  app.get('/set-password/:token', { config: open, schema: { params: TokenParams } }, async (request, reply) => {
    const found = await findPasswordToken(db, request.params.token, clock.now());
    if (!found)
      return reply.status(404).page(view('link-invalid'), { title: request.t('pages.setPassword.invalidTitle') });
    return reply.page(view('set-password'), {
      title: request.t('pages.setPassword.title'),
      email: found.email,
      passwordRules,
    });
  });

  app.post(
    '/set-password/:token',
    { config: open, schema: { params: TokenParams, body: SetPasswordBody } },
    async (request, reply) => {
      const result = await setPasswordWithToken(
        db,
        request.params.token,
        request.body.password ?? '',
        request.body.confirmPassword ?? '',
        clock.now(),
      );
      if (result.ok) return reply.redirect('/sign-in?notice=passwordSet', 303);
      if ('reason' in result)
        return reply.status(404).page(view('link-invalid'), { title: request.t('pages.setPassword.invalidTitle') });
      const found = await findPasswordToken(db, request.params.token, clock.now());
      return reply.status(400).page(view('set-password'), {
        title: request.t('pages.setPassword.title'),
        email: found?.email,
        passwordRules,
        ...presentErrors({ [result.field]: `passwords.problems.${result.problem}` }, request.t),
      });
    },
  );
};
