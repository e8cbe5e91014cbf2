// "Forgotten your password?": asks for the address and always gives the same answer, at the same
// speed, whether or not an account has it. The link itself goes to the existing set-password page,
// which sets the password, spends the link, ends every session and audits it.
import { Type } from '@sinclair/typebox';
import type { FeaturePlugin } from '../../app-deps.ts';
import { presentErrors, text } from '../../lib/forms.ts';
import { FormText } from '../../lib/request-schemas.ts';
import { createTranslator } from '../../plugins/i18n.ts';
import { passwordResetEmail } from './reset-email.ts';
import { sendResetLink } from './password-reset-service.ts';

const ForgottenBody = Type.Object({ email: FormText(320) });
const open = { access: { public: true } } as const;

export const passwordResetRoutes: FeaturePlugin<'database' | 'config' | 'clock' | 'mailer'> = async (app, deps) => {
  const { config, clock, mailer } = deps;
  const tFor = await createTranslator();
  const resetDeps = {
    db: deps.database.db,
    mailer,
    publicUrl: config.publicUrl,
    letter: (to: Parameters<typeof passwordResetEmail>[1]) => passwordResetEmail(tFor, to),
  };
  const view = (name: string) => `features/password-reset/views/${name}.njk`;

  // Without a mail server (SMTP unset) no link can reach anyone: the page says whom to ask instead
  // of offering a form that would only seem to work.
  const canSend = mailer !== null;

  app.get('/forgotten-password', { config: open }, (request, reply) =>
    reply.page(view('forgotten'), { title: request.t('passwordReset.title'), canSend }),
  );

  app.post(
    '/forgotten-password',
    {
      // Per client address; per account, password-reset-service.ts limits the links themselves.
      config: { ...open, rateLimit: { max: config.signInRateLimitPerMinute, timeWindow: '1 minute' } },
      schema: { body: ForgottenBody },
    },
    async (request, reply) => {
      if (!canSend) return reply.redirect('/forgotten-password', 303);
      const email = text(request.body.email);
      const error = !email
        ? 'passwordReset.errors.emailMissing'
        : !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)
          ? 'passwordReset.errors.emailInvalid'
          : null;
      if (error)
        return reply.status(400).page(view('forgotten'), {
          title: request.t('passwordReset.title'),
          canSend,
          values: { email },
          ...presentErrors({ email: error }, request.t),
        });
      // Not awaited: looking the address up, making a link and talking to the mail server take time
      // only when an account exists, so the answer goes first and says nothing either way. A link lost
      // to a crash here is simply asked for again.
      void sendResetLink(resetDeps, email, clock.now()).catch((err: unknown) =>
        request.log.error({ err }, 'password reset link not sent'),
      );
      return reply.redirect('/forgotten-password/sent', 303);
    },
  );

  app.get('/forgotten-password/sent', { config: open }, (request, reply) =>
    reply.page(view('sent'), { title: request.t('passwordReset.sent.title') }),
  );
};
