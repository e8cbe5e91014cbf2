const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(lang: 'en' | 'cy', withTime: boolean): Intl.DateTimeFormat {
  const key = `${lang}:${withTime}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(lang === 'cy' ? 'cy-GB' : 'en-GB', {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      ...(withTime ? { hour: '2-digit', minute: '2-digit' } : {}),
      timeZone: 'Europe/London',
    });
    formatters.set(key, f);
  }
  return f;
}

function toDate(value: unknown): Date | null {
  if (value instanceof Date) return value;
  if (typeof value === 'string' || typeof value === 'number') {
    const d = new Date(value);
    return Number.isNaN(d.getTime()) ? null : d;
  }
  return null;
}

/** "22 November 2026" / "22 Tachwedd 2026" */
export function formatDate(value: unknown, lang: 'en' | 'cy'): string {
  const d = toDate(value);
  return d ? formatter(lang, false).format(d) : '';
}

export function formatDateTime(value: unknown, lang: 'en' | 'cy'): string {
  const d = toDate(value);
  return d ? formatter(lang, true).format(d) : '';
}
