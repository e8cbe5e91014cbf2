// The words of a notification email, in the recipient's language: a plain text part and an HTML
// part saying the same, one line per notification with a full link to it, a link to the
// preferences page, and one-click unsubscribe (RFC 8058) for the kinds the message carries.
import type { TFunction } from 'i18next';
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

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

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
  const html = [
    '<!DOCTYPE html>',
    `<html lang="${lang}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>`,
    '<body style="font-family: Arial, sans-serif; font-size: 16px; line-height: 1.5;">',
    `<p>${escapeHtml(greeting)}</p>`,
    `<p>${escapeHtml(intro)}</p>`,
    '<ul>',
    ...items.map((item) => `<li><a href="${escapeHtml(item.url)}">${escapeHtml(item.title)}</a></li>`),
    '</ul>',
    '<hr>',
    `<p><a href="${escapeHtml(preferencesUrl)}">${escapeHtml(preferences)}</a></p>`,
    `<p><a href="${escapeHtml(unsubscribeUrl)}">${escapeHtml(unsubscribe)}</a></p>`,
    '</body></html>',
  ].join('\n');
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
