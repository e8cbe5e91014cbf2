// The words of a notification email, in the recipient's language: a plain text part and an HTML
// part saying the same, one line per notification with a full link to it, a link to the
// preferences page, and one-click unsubscribe (RFC 8058) for the kinds the message carries.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TFunction } from 'i18next';
import nunjucks from 'nunjucks';
import type { MailMessage } from '../../lib/mailer.ts';
import { isLanguage, type Language } from '../../plugins/i18n.ts';
import type { EventKind } from '../event-kinds.ts';
import { messageTitle } from '../message-params.ts';
import type { Letter } from './delivery-service.ts';

export type EmailLinks = {
  publicUrl: string;
  /** The signed token for this person and these kinds (src/notifications/unsubscribe-token.ts). */
  unsubscribeToken: (userId: string, kinds: EventKind[]) => string;
};

// The HTML part is a template with autoescape on, as every page is: names and titles people wrote
// reach the email only escaped.
const templates = new nunjucks.Environment(
  new nunjucks.FileSystemLoader(path.dirname(fileURLToPath(import.meta.url))),
  {
    autoescape: true,
    throwOnUndefined: true,
  },
);

export function notificationEmail(tFor: (lang: Language) => TFunction, links: EmailLinks, letter: Letter): MailMessage {
  const lang: Language = isLanguage(letter.recipient.preferredLanguage) ? letter.recipient.preferredLanguage : 'en';
  const t = tFor(lang);
  const items = letter.items.map((item) => ({
    title: messageTitle(t, lang, item.kind, item.params),
    url: `${links.publicUrl}/notifications/${item.id}`,
  }));
  const kinds = [...new Set(letter.items.map((item) => item.kind))].sort();
  const unsubscribeUrl = `${links.publicUrl}/unsubscribe/${links.unsubscribeToken(letter.recipient.id, kinds)}`;
  const preferencesUrl = `${links.publicUrl}/account/notifications`;
  const count = items.length;
  const subject =
    letter.cadence === 'at_once'
      ? count === 1
        ? t('notifications.email.subjectOne', { title: items[0]!.title })
        : t('notifications.email.subjectMany', { count })
      : t(`notifications.email.subjectDigest.${letter.cadence}`, { count });
  const greeting = t('notifications.email.greeting', { name: letter.recipient.displayName });
  const intro = t(`notifications.email.intro.${letter.cadence}`, { count });
  const kindNames = kinds.map((kind) => t(`notifications.kinds.${kind}.name`)).join('; ');
  const preferences = t('notifications.email.preferences');
  const unsubscribe = t('notifications.email.unsubscribe', { kinds: kindNames });
  const text = [
    greeting,
    '',
    intro,
    '',
    ...items.flatMap((item) => [`- ${item.title}`, `  ${item.url}`]),
    '',
    '--',
    `${preferences}: ${preferencesUrl}`,
    `${unsubscribe}: ${unsubscribeUrl}`,
    '',
  ].join('\n');
  const html = templates.render('notification-email.njk', {
    lang,
    subject,
    greeting,
    intro,
    items,
    preferences,
    preferencesUrl,
    unsubscribe,
    unsubscribeUrl,
  });
  return {
    to: letter.recipient.email,
    subject,
    text,
    html,
    headers: {
      'List-Unsubscribe': `<${unsubscribeUrl}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    },
  };
}
