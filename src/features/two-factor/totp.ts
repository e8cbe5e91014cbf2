// Time-based one-time codes (RFC 6238: SHA-1, 6 digits, 30 seconds, what every authenticator app
// reads from a QR code). Pure: the time is handed in.
import { Secret, TOTP } from 'otpauth';

const ISSUER = 'Cydwella';
const PERIOD_SECONDS = 30;
/** One step either side: a phone's clock a little off, or a code typed just as it changed. */
const WINDOW_STEPS = 1;

function totpFor(secretBase32: string, label = ISSUER): TOTP {
  return new TOTP({
    issuer: ISSUER,
    label,
    digits: 6,
    period: PERIOD_SECONDS,
    secret: Secret.fromBase32(secretBase32),
  });
}

/** A new 160-bit secret (RFC 4226's recommended length), in base32 as people type it. */
export function newSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** The secret in groups of four, easier to type by hand. */
export function groupedSecret(secretBase32: string): string {
  return secretBase32.replace(/(.{4})(?=.)/g, '$1 ');
}

/** The QR code of the otpauth:// address, as inline SVG (our CSP allows no data: images). */
export async function qrCodeSvg(secretBase32: string, accountLabel: string, description: string): Promise<string> {
  // Imported here, on a first set-up, rather than at start (0.1 s and 20 MB; issue 19).
  const { default: QRCode } = await import('qrcode');
  const svg = await QRCode.toString(totpFor(secretBase32, accountLabel).toString(), { type: 'svg', margin: 2 });
  const label = description.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  return svg.replace('<svg ', `<svg role="img" aria-label="${label}" width="200" height="200" `);
}

/** Six digits, spaces and hyphens ignored; anything else is not a code. */
export function normaliseCode(input: string): string | null {
  const digits = input.replace(/[\s-]/g, '');
  return /^\d{6}$/.test(digits) ? digits : null;
}

/** The time step the code belongs to (within the window), or null when it matches none. */
export function matchingStep(secretBase32: string, code: string, now: Date): number | null {
  const totp = totpFor(secretBase32);
  const delta = totp.validate({ token: code, timestamp: now.getTime(), window: WINDOW_STEPS });
  if (delta === null) return null;
  return totp.counter({ timestamp: now.getTime() }) + delta;
}
