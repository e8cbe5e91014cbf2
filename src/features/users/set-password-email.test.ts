// The set-password email through a real SMTP conversation: smtp-server on 127.0.0.1, the app's own mailer.
import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.ts';
import { users } from '../../db/schema/index.ts';
import { createSmtpMailer } from '../../lib/mailer.ts';
import { createTestApp } from '../../../test/support/test-app.ts';
import { createTestDatabase } from '../../../test/support/test-database.ts';
import { buildAdministrator, sessionCookie } from '../../../test/support/factories.ts';
import { pageText, Visitor } from '../../../test/support/http.ts';

const LINK = /http:\/\/cydwella\.test\/set-password\/[A-Za-z0-9_-]{43}/;
const EMAILED = 'This link has been emailed to the user.';

let database: Database;
let adminId: string;
let sequence = 0;

beforeAll(async () => {
  database = await createTestDatabase();
  adminId = (await buildAdministrator(database.db)).id;
});
afterAll(() => database.close());

function newUserForm(overrides: Record<string, string> = {}) {
  sequence++;
  return {
    displayName: `Megan Jones ${sequence}`,
    email: `mail${sequence}-${Date.now()}@example.test`,
    preferredLanguage: 'en',
    role: 'wg_official',
    scopeId: '',
    ...overrides,
  };
}

type ReceivedMail = { from: string; to: string[]; subject: string; text: string };

/** Just enough MIME for nodemailer's single-part text messages: unfolded headers, QP or base64 bodies. */
function parseMail(raw: string): { subject: string; text: string } {
  const split = raw.indexOf('\r\n\r\n');
  const headers = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
  const header = (name: string) => new RegExp(`^${name}: (.*)$`, 'im').exec(headers)?.[1] ?? '';
  const bytes = (qp: string) => {
    const out: number[] = [];
    for (let i = 0; i < qp.length; i++) {
      if (qp[i] === '=' && /^[0-9A-F]{2}$/i.test(qp.slice(i + 1, i + 3))) {
        out.push(parseInt(qp.slice(i + 1, i + 3), 16));
        i += 2;
      } else out.push(qp.charCodeAt(i));
    }
    return Buffer.from(out).toString('utf8');
  };
  const body = raw.slice(split + 4);
  const encoding = header('Content-Transfer-Encoding').toLowerCase();
  const text =
    encoding === 'base64'
      ? Buffer.from(body, 'base64').toString('utf8')
      : encoding === 'quoted-printable'
        ? bytes(body.replace(/=\r\n/g, ''))
        : body;
  const subject = header('Subject')
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?utf-8\?([QB])\?([^?]*)\?=/gi, (_, kind: string, data: string) =>
      kind.toUpperCase() === 'B' ? Buffer.from(data, 'base64').toString('utf8') : bytes(data.replace(/_/g, ' ')),
    );
  return { subject, text: text.replace(/\r\n/g, '\n') };
}

describe('the set-password email', () => {
  let server: SMTPServer;
  let port: number;
  const received: ReceivedMail[] = [];

  beforeAll(async () => {
    server = new SMTPServer({
      authOptional: true,
      // STARTTLS stays on (with smtp-server's self-signed certificate): the mailer upgrades as it would on a relay.
      logger: false,
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          received.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address),
            ...parseMail(Buffer.concat(chunks).toString('latin1')),
          });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  async function appWithSmtp(smtpPort: number) {
    const mailer = createSmtpMailer({
      host: '127.0.0.1',
      port: smtpPort,
      secure: false,
      user: null,
      password: null,
      from: 'Cydwella <no-reply@cydwella.test>',
    });
    return createTestApp({ database, mailer });
  }

  it.each([
    {
      lang: 'cy',
      first: 'Helo Siân Llŷr',
      second: 'Hello Siân Llŷr',
      subject: 'Gosodwch eich cyfrinair Cydwella / Set your Cydwella password',
    },
    {
      lang: 'en',
      first: 'Hello Siân Llŷr',
      second: 'Helo Siân Llŷr',
      subject: 'Set your Cydwella password / Gosodwch eich cyfrinair Cydwella',
    },
  ])('sends both languages, $lang first, with the link', async ({ lang, first, second, subject }) => {
    const mailing = await appWithSmtp(port);
    try {
      const visitor = new Visitor(mailing.app).withCookie(await sessionCookie(database.db, adminId));
      const form = newUserForm({ displayName: 'Siân Llŷr', preferredLanguage: lang });
      const response = await visitor.post('/admin/users', form);
      expect(response.statusCode).toBe(201);
      expect(pageText(response.body)).toContain(EMAILED);
      const url = LINK.exec(response.body)![0];

      const mail = received.find((m) => m.to.includes(form.email));
      expect(mail).toBeDefined();
      expect(mail!.from).toBe('no-reply@cydwella.test');
      expect(mail!.subject).toBe(subject);
      const [firstPart, secondPart] = mail!.text.split('\n---\n');
      expect(firstPart!.trim().startsWith(first)).toBe(true);
      expect(secondPart!.trim().startsWith(second)).toBe(true);
      expect(firstPart).toContain(url);
      expect(secondPart).toContain(url);
      expect(mail!.text).toContain(lang === 'cy' ? 'ymhen 7 diwrnod' : 'expires in 7 days');
    } finally {
      await mailing.app.close();
    }
  });

  it('still creates the user and shows the link when the mail server is unreachable', async () => {
    const closed = new SMTPServer({ authOptional: true, logger: false });
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const deadPort = (closed.server.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const mailing = await appWithSmtp(deadPort);
    try {
      const visitor = new Visitor(mailing.app).withCookie(await sessionCookie(database.db, adminId));
      const form = newUserForm();
      const response = await visitor.post('/admin/users', form);
      expect(response.statusCode).toBe(201);
      expect(pageText(response.body)).toContain('The email to the user could not be sent');
      expect(LINK.test(response.body)).toBe(true);
      expect(await database.db.select().from(users).where(eq(users.email, form.email))).toHaveLength(1);
    } finally {
      await mailing.app.close();
    }
  });
});
