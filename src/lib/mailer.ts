// Follows the nodemailer SMTP transport docs.
import type { Transporter } from 'nodemailer';
import type { SmtpConfig } from '../config.ts';

/**
 * One email. `html`, when given, goes as a second part beside `text` (multipart/alternative), so a
 * reader without HTML, or a screen reader set to plain text, gets the same words. `headers` carries
 * extra header lines (List-Unsubscribe and its RFC 8058 companion).
 */
export type MailMessage = {
  to: string;
  subject: string;
  text: string;
  html?: string;
  headers?: Record<string, string>;
};
export type Mailer = { send(message: MailMessage): Promise<void> };

/** The transport is made, and nodemailer imported, at the first email rather than at start (issue 19). */
export function createSmtpMailer(smtp: SmtpConfig): Mailer {
  let transport: Promise<Transporter> | null = null;
  const connect = async () => {
    const { default: nodemailer } = await import('nodemailer');
    return nodemailer.createTransport({
      host: smtp.host,
      port: smtp.port,
      secure: smtp.secure,
      auth: smtp.user ? { user: smtp.user, pass: smtp.password ?? '' } : undefined,
      // A local test server has no certificate worth checking; a real relay on 587 upgrades with STARTTLS.
      tls: { rejectUnauthorized: smtp.host !== '127.0.0.1' && smtp.host !== 'localhost' },
    });
  };
  return {
    async send(message) {
      transport ??= connect();
      await (await transport).sendMail({ from: smtp.from, ...message });
    },
  };
}
