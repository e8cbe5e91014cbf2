import { sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { wordPattern } from '../lib/search-text.ts';

const escapeLike = (value: string) => value.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * One normalised query word against a search-text column (see searchKey): the word anywhere in
 * the text, as search always matched, or one of its Welsh mutated forms as a whole word
 * (welshForms in src/lib/search-text.ts), so "cymraeg" also finds "yn Gymraeg" and "fy Nghymraeg".
 */
export function searchWordCondition(column: PgColumn | SQL, word: string): SQL {
  const { core, forms } = wordPattern(word);
  const contains = sql`${column} like ${`%${escapeLike(word)}%`}`;
  if (!forms.length) return contains;
  // Forms are letters a-z only (welshForms), so they are safe inside the pattern.
  const whole = sql`${column} ~ ${`(^| )(${forms.join('|')})( |$)`}`;
  return sql`(${column} like ${`%${escapeLike(core)}%`} and (${contains} or ${whole}))`;
}
