/** The most a cost may be: what fits in a PostgreSQL integer of pence. */
export const MAX_PENCE = 2_147_483_647;

export type ParsedPounds = { ok: true; pence: number | null } | { ok: false };

/**
 * A cost typed in pounds, as people write it: "£1,250.50", "1250.5", "£ 300", "1,250". Blank
 * means no cost. Commas must group thousands; pence have at most two digits; never negative.
 */
export function parsePounds(input: string): ParsedPounds {
  const compact = input.trim().replace(/^£\s*/, '').trim();
  if (compact === '') return { ok: true, pence: null };
  const match = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?$/.exec(compact);
  if (!match) return { ok: false };
  const pounds = Number(match[1]!.replace(/,/g, ''));
  const pence = pounds * 100 + Number((match[2] ?? '0').padEnd(2, '0'));
  if (!Number.isSafeInteger(pence) || pence > MAX_PENCE) return { ok: false };
  return { ok: true, pence };
}

// Made once: toLocaleString builds a formatter on every call, which a plan of 60 actions, each
// with its cost lines and totals, paid hundreds of times a page (bench/plan-profile.ts).
const WHOLE = new Intl.NumberFormat('en-GB', { minimumFractionDigits: 0, maximumFractionDigits: 2 });
const WITH_PENCE = new Intl.NumberFormat('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** 125050 -> "£1,250.50"; whole pounds without pence: 30000 -> "£300". */
export function formatPounds(pence: number | null | undefined): string {
  if (pence === null || pence === undefined) return '';
  return `£${(pence % 100 === 0 ? WHOLE : WITH_PENCE).format(pence / 100)}`;
}
