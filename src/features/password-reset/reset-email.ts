import type { TFunction } from 'i18next';
import type { Language } from '../../plugins/i18n.ts';
import type { MailMessage } from '../../lib/mailer.ts';
import type { ResetLetter } from './password-reset-service.ts';

/** One email in both languages, the recipient's own language first (as the set-password email). */
export function passwordResetEmail(tFor: (lang: Language) => TFunction, to: ResetLetter): MailMessage {
  const order: Language[] = to.preferredLanguage === 'cy' ? ['cy', 'en'] : ['en', 'cy'];
  const part = (lang: Language) => tFor(lang)('emails.passwordReset.body', { name: to.displayName, url: to.url });
  return {
    to: to.email,
    subject: order.map((lang) => tFor(lang)('emails.passwordReset.subject')).join(' / '),
    text: order.map(part).join('\n\n---\n\n'),
  };
}
