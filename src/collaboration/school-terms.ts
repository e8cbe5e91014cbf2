/**
 * School terms in Wales, as the reciprocity page counts them: autumn 1 September to 31 December,
 * spring 1 January to Easter Sunday, summer the day after Easter Sunday to 31 August. Dates are
 * ISO strings (YYYY-MM-DD), so no time zone can move a day into another term.
 */
export const TERM_SEASONS = ['autumn', 'spring', 'summer'] as const;
export type TermSeason = (typeof TERM_SEASONS)[number];
/** `academicYear` is the year the academic year starts in (September). */
export type SchoolTerm = { season: TermSeason; academicYear: number; start: string; end: string };

const pad = (n: number) => String(n).padStart(2, '0');
const iso = (year: number, month: number, day: number) => `${year}-${pad(month)}-${pad(day)}`;

/** Easter Sunday of a year (the anonymous Gregorian algorithm, Meeus/Jones/Butcher). */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return iso(year, month, day);
}

/** The day after an ISO date. */
export function dayAfter(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** The term of an academic year (starting in September of `academicYear`). */
export function term(season: TermSeason, academicYear: number): SchoolTerm {
  const next = academicYear + 1;
  if (season === 'autumn')
    return { season, academicYear, start: iso(academicYear, 9, 1), end: iso(academicYear, 12, 31) };
  if (season === 'spring') return { season, academicYear, start: iso(next, 1, 1), end: easterSunday(next) };
  return { season, academicYear, start: dayAfter(easterSunday(next)), end: iso(next, 8, 31) };
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The term a date (YYYY-MM-DD) falls in. */
export function termOf(date: string): SchoolTerm {
  const match = DATE.exec(date);
  if (!match) throw new Error(`Not a date: ${date}`);
  const year = Number(match[1]);
  const month = Number(match[2]);
  if (month >= 9) return term('autumn', year);
  return date <= easterSunday(year) ? term('spring', year - 1) : term('summer', year - 1);
}

export function previousTerm(current: SchoolTerm): SchoolTerm {
  if (current.season === 'autumn') return term('summer', current.academicYear - 1);
  if (current.season === 'spring') return term('autumn', current.academicYear);
  return term('spring', current.academicYear);
}

/** The first and last day of an academic year. */
export function academicYearSpan(academicYear: number): { start: string; end: string } {
  return { start: iso(academicYear, 9, 1), end: iso(academicYear + 1, 8, 31) };
}

/**
 * A school works alone when it has had no peer activity in the last complete term nor in the
 * current one so far: its last activity (on or before today) is before the previous term began.
 */
export function workingAlone(lastActivity: string | null, today: string): boolean {
  if (!lastActivity) return true;
  return lastActivity < previousTerm(termOf(today)).start;
}
