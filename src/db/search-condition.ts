import { sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { wordPattern } from '../lib/search-text.ts';

const escapeLike = (value: string) => value.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * One normalised query word against a search-text column (see searchKey): the word anywhere in
 * the text, as search always matched, or one of its Welsh mutated forms as a whole word
 * (welshForms in src/lib/search-text.ts), so "cymraeg" also finds "yn Gymraeg" and "fy Nghymraeg".
 *
 * Rows without the letters all forms share (the core) are turned away by one `like`, as before;
 * the others test the forms with `like any` (the whole text, or the form at its start, middle or
 * end). Measured on PGlite, 2,000 rows: this adds about half the cost of the plain `like`, where a
 * regular expression (`~ '(^| )(...)( |$)'`) tripled it.
 */
export function searchWordCondition(column: PgColumn | SQL, word: string): SQL {
  const { core, forms } = wordPattern(word);
  const contains = sql`${column} like ${`%${escapeLike(word)}%`}`;
  if (!forms.length) return contains;
  // Forms are letters a-z only (welshForms), so each pattern is written in as a literal, as the
  // evidence facets' codes are: bound parameters slow PGlite's statements down.
  const patterns = forms.filter((f) => /^[a-z]+$/.test(f)).flatMap((f) => [f, `${f} %`, `% ${f} %`, `% ${f}`]);
  if (!patterns.length) return contains;
  const whole = sql`${column} like any(array[${sql.raw(patterns.map((p) => `'${p}'`).join(', '))}])`;
  return sql`(${column} like ${`%${escapeLike(core)}%`} and (${contains} or ${whole}))`;
}
