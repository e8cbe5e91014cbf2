/** The three boxes of a GOV.UK date input, as typed. */
export type DateParts = { day: string; month: string; year: string };

export type ParsedDate = { ok: true; value: string | null } | { ok: false; problem: 'incomplete' | 'invalid' };

/** Blank (all three empty) is no date; otherwise a real calendar date between 2000 and 2100. */
export function parseDateParts(parts: DateParts): ParsedDate {
  const day = parts.day.trim();
  const month = parts.month.trim();
  const year = parts.year.trim();
  if (!day && !month && !year) return { ok: true, value: null };
  if (!day || !month || !year) return { ok: false, problem: 'incomplete' };
  if (!/^\d{1,2}$/.test(day) || !/^\d{1,2}$/.test(month) || !/^\d{4}$/.test(year))
    return { ok: false, problem: 'invalid' };
  const [d, m, y] = [Number(day), Number(month), Number(year)];
  const date = new Date(Date.UTC(y, m - 1, d));
  if (y < 2000 || y > 2100 || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d)
    return { ok: false, problem: 'invalid' };
  return { ok: true, value: date.toISOString().slice(0, 10) };
}

/** A stored YYYY-MM-DD date back into the three boxes. */
export function dateToParts(value: string | null | undefined): DateParts {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value ?? '');
  return match
    ? { day: String(Number(match[3])), month: String(Number(match[2])), year: match[1]! }
    : { day: '', month: '', year: '' };
}
