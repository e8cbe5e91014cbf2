// Two-factor on the person's own account: turn it on (scan, confirm with a code, keep the recovery
// codes shown once), turn it off with a current code, or get new recovery codes.
import type { FastifyReply } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { FeaturePlugin } from '../../app-deps.ts';
import { presentErrors } from '../../lib/forms.ts';
import { FormText } from '../../lib/request-schemas.ts';
import { mustUseTwoFactor } from '../../policy/two-factor-policy.ts';
import { enable, regenerateRecoveryCodes, statusOf, turnOff } from './two-factor-service.ts';
import { setUpModel } from './set-up-page.ts';
import { twoFactorSignInRoutes } from './sign-in-routes.ts';

const CodeBody = Type.Object({ code: FormText(64) });
const SetUpBody = Type.Object({ code: FormText(64), setUp: FormText(1000) });
const StatusQuery = Type.Object({ done: Type.Optional(Type.Literal('off')) });
const signedIn = { access: { signedIn: true } } as const;

export const twoFactorRoutes: FeaturePlugin<'database' | 'config' | 'clock' | 'delay' | 'keys'> = async (app, deps) => {
  const { config, clock, keys } = deps;
  const db = deps.database.db;
  const delay = deps.delay ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const serviceDeps = { db, key: keys.twoFactorSecrets, delay };
  const view = (name: string) => `features/two-factor/views/${name}.njk`;
  const page = { activeNav: 'account' };
  const required = (roles: { role: string }[]) =>
    mustUseTwoFactor(
      roles.map((a) => a.role),
      config.twoFactorRequired,
    );

  await app.register(twoFactorSignInRoutes, deps);

  app.get('/account/two-factor', { config: signedIn, schema: { querystring: StatusQuery } }, async (request, reply) => {
    const user = request.user!;
    return reply.page(view('status'), {
      ...page,
      title: request.t('twoFactor.status.title'),
      status: await statusOf(db, user.id),
      required: required(user.assignments),
      done: request.query.done,
    });
  });

  const renderSetUp = async (
    reply: FastifyReply,
    status: number,
    carried?: string,
    errors?: Record<string, string>,
  ) => {
    const { t, user } = reply.request;
    const model = await setUpModel(keys.twoFactorSecrets, user!, clock.now(), t, carried);
    return reply.status(status).page(view('set-up'), {
      ...page,
      title: t('twoFactor.setUp.title'),
      action: '/account/two-factor/set-up',
      backLink: '/account/two-factor',
      ...model,
      ...(errors ? presentErrors(errors, t) : {}),
    });
  };

  app.get('/account/two-factor/set-up', { config: signedIn }, async (request, reply) => {
    if ((await statusOf(db, request.user!.id)).on) return reply.redirect('/account/two-factor', 303);
    return renderSetUp(reply, 200);
  });

  app.post('/account/two-factor/set-up', { config: signedIn, schema: { body: SetUpBody } }, async (request, reply) => {
    const code = request.body.code?.trim() ?? '';
    const carried = request.body.setUp ?? '';
    if (!code) return renderSetUp(reply, 400, carried, { code: 'twoFactor.errors.codeMissing' });
    const result = await enable(db, keys.twoFactorSecrets, request.user!.id, carried, code, clock.now());
    if (!result.ok) {
      if (result.problem === 'alreadyOn') return reply.redirect('/account/two-factor', 303);
      const key = result.problem === 'expired' ? 'twoFactor.errors.setUpExpired' : 'twoFactor.errors.wrong';
      return renderSetUp(reply, 400, carried, { code: key });
    }
    return reply.page(view('recovery-codes'), {
      ...page,
      title: request.t('twoFactor.recoveryCodes.title'),
      codes: result.recoveryCodes,
      continueTo: '/account/two-factor',
      turnedOn: true,
    });
  });

  /** The two actions that need a current code: turning off, and new recovery codes. */
  const codeForm = (path: 'turn-off' | 'recovery-codes', name: string, titleKey: string) => {
    const render = (reply: FastifyReply, status: number, errors?: Record<string, string>) =>
      reply.status(status).page(view(name), {
        ...page,
        title: reply.request.t(titleKey),
        ...(errors ? presentErrors(errors, reply.request.t) : {}),
      });
    app.get(`/account/two-factor/${path}`, { config: signedIn }, async (request, reply) => {
      if (!(await statusOf(db, request.user!.id)).on) return reply.redirect('/account/two-factor', 303);
      return render(reply, 200);
    });
    return render;
  };

  const renderTurnOff = codeForm('turn-off', 'turn-off', 'twoFactor.turnOff.title');
  app.post('/account/two-factor/turn-off', { config: signedIn, schema: { body: CodeBody } }, async (request, reply) => {
    const user = request.user!;
    const code = request.body.code?.trim() ?? '';
    if (!code) return renderTurnOff(reply, 400, { code: 'twoFactor.errors.codeMissing' });
    const roles = user.assignments.map((a) => a.role);
    const result = await turnOff(serviceDeps, { id: user.id, roles }, config.twoFactorRequired, code, clock.now());
    if (result.ok) return reply.redirect('/account/two-factor?done=off', 303);
    if (result.reason === 'notOn') return reply.redirect('/account/two-factor', 303);
    const status = result.reason === 'locked' ? 429 : result.reason === 'required' ? 403 : 400;
    return renderTurnOff(reply, status, { code: `twoFactor.errors.${result.reason}` });
  });

  const renderRegenerate = codeForm('recovery-codes', 'recovery-codes-form', 'twoFactor.regenerate.title');
  app.post(
    '/account/two-factor/recovery-codes',
    { config: signedIn, schema: { body: CodeBody } },
    async (request, reply) => {
      const code = request.body.code?.trim() ?? '';
      if (!code) return renderRegenerate(reply, 400, { code: 'twoFactor.errors.codeMissing' });
      const result = await regenerateRecoveryCodes(serviceDeps, request.user!.id, code, clock.now());
      if (result.ok)
        return reply.page(view('recovery-codes'), {
          ...page,
          title: request.t('twoFactor.recoveryCodes.title'),
          codes: result.value,
          continueTo: '/account/two-factor',
        });
      if (result.reason === 'notOn') return reply.redirect('/account/two-factor', 303);
      return renderRegenerate(reply, result.reason === 'locked' ? 429 : 400, {
        code: `twoFactor.errors.${result.reason}`,
      });
    },
  );
};
