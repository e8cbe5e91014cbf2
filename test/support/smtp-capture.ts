// A real SMTP server on 127.0.0.1 (smtp-server) and the app's own mailer pointed at it, with just
// enough MIME reading for what nodemailer sends: unfolded headers, encoded-word subjects, a single
// text part or multipart/alternative text + HTML, each quoted-printable, base64 or plain.
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { createSmtpMailer, type Mailer } from '../../src/lib/mailer.ts';

export type CapturedMail = {
  to: string[];
  headers: Map<string, string>;
  subject: string;
  text: string;
  html: string;
};

function decodeQuotedPrintable(qp: string): string {
  const out: number[] = [];
  const body = qp.replace(/=\r?\n/g, '');
  for (let i = 0; i < body.length; i++) {
    if (body[i] === '=' && /^[0-9A-F]{2}$/i.test(body.slice(i + 1, i + 3))) {
      out.push(parseInt(body.slice(i + 1, i + 3), 16));
      i += 2;
    } else out.push(body.charCodeAt(i));
  }
  return Buffer.from(out).toString('utf8');
}

function splitHeaders(raw: string): { headers: Map<string, string>; body: string } {
  const split = raw.indexOf('\r\n\r\n');
  const headers = new Map<string, string>();
  for (const line of raw
    .slice(0, split)
    .replace(/\r\n[ \t]+/g, ' ')
    .split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim());
  }
  return { headers, body: raw.slice(split + 4) };
}

function decodeBody(headers: Map<string, string>, body: string): string {
  const encoding = (headers.get('content-transfer-encoding') ?? '').toLowerCase();
  const text =
    encoding === 'base64'
      ? Buffer.from(body, 'base64').toString('utf8')
      : encoding === 'quoted-printable'
        ? decodeQuotedPrintable(body)
        : Buffer.from(body, 'latin1').toString('utf8');
  return text.replace(/\r\n/g, '\n');
}

function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?utf-8\?([QB])\?([^?]*)\?=/gi, (_, kind: string, data: string) =>
      kind.toUpperCase() === 'B'
        ? Buffer.from(data, 'base64').toString('utf8')
        : decodeQuotedPrintable(data.replace(/_/g, ' ')),
    );
}

export function parseMail(raw: string): Omit<CapturedMail, 'to'> {
  const { headers, body } = splitHeaders(raw);
  const type = headers.get('content-type') ?? 'text/plain';
  let text = '';
  let html = '';
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
  if (boundary && /^multipart\//i.test(type)) {
    for (const part of body.split(`--${boundary}`).slice(1)) {
      if (part.startsWith('--')) break;
      const inner = splitHeaders(part.replace(/^\r\n/, ''));
      const partType = inner.headers.get('content-type') ?? '';
      const decoded = decodeBody(inner.headers, inner.body.replace(/\r\n$/, ''));
      if (/^text\/html/i.test(partType)) html = decoded;
      else if (/^text\/plain/i.test(partType)) text = decoded;
    }
  } else text = decodeBody(headers, body);
  return { headers, subject: decodeWords(headers.get('subject') ?? ''), text, html };
}

export type SmtpCapture = { mailer: Mailer; received: CapturedMail[]; close(): Promise<void> };

export async function startSmtpCapture(): Promise<SmtpCapture> {
  const received: CapturedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        received.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          ...parseMail(Buffer.concat(chunks).toString('latin1')),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  const mailer = createSmtpMailer({
    host: '127.0.0.1',
    port,
    secure: false,
    user: null,
    password: null,
    from: 'Cydwella <no-reply@cydwella.test>',
  });
  return { mailer, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
