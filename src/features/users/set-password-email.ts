import type { TFunction } from 'i18next';
import type { Language } from '../../plugins/i18n.ts';
import type { MailMessage } from '../../lib/mailer.ts';
import type { PasswordLinkLetter } from './user-service.ts';

/** One email in both languages, the recipient's own language first. */
export function setPasswordEmail(tFor: (lang: Language) => TFunction, to: PasswordLinkLetter): MailMessage {
  const first: Language = to.preferredLanguage === 'cy' ? 'cy' : 'en';
  const order: Language[] = first === 'cy' ? ['cy', 'en'] : ['en', 'cy'];
  const part = (lang: Language) =>
    tFor(lang)('emails.setPassword.body', { name: to.displayName, url: to.url, count: to.days });
  return {
    to: to.email,
    subject: order.map((lang) => tFor(lang)('emails.setPassword.subject')).join(' / '),
    text: order.map(part).join('\n\n---\n\n'),
  };
}
