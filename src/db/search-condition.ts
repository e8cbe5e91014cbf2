import { sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { wordPattern } from '../lib/search-text.ts';

const escapeLike = (value: string) => value.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * One normalised query word against a search-text column (see searchKey): the word anywhere in
 * the text, as search always matched, or one of its Welsh mutated forms as a whole word
 * (welshForms in src/lib/search-text.ts), so "cymraeg" also finds "yn Gymraeg" and "fy Nghymraeg".
 *
 * Rows without the letters the word and all its forms share (the core, "ymraeg") are turned away
 * by one `like`, as before; only the others look for the forms, as whole words of the text with a
 * space added at each end. Measured on PGlite, the 2,000-item school: the same time as a plain
 * `like` finding as many items; a regular expression (`~ '(^| )(...)( |$)'`) took three times as long.
 */
export function searchWordCondition(column: PgColumn | SQL, word: string): SQL {
  const { core, forms } = wordPattern(word);
  const contains = sql`${column} like ${`%${escapeLike(word)}%`}`;
  // Forms are letters a-z only (welshForms): each pattern is written in as a literal, as the
  // evidence facets' codes are, since bound parameters slow PGlite's statements down.
  const patterns = forms.filter((f) => /^[a-z]+$/.test(f)).map((f) => `'% ${f} %'`);
  if (!patterns.length) return contains;
  const whole = sql`(' ' || ${column} || ' ') like any(array[${sql.raw(patterns.join(', '))}])`;
  return sql`(${column} like ${`%${escapeLike(core)}%`} and (${contains} or ${whole}))`;
}
