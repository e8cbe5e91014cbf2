import { asc, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { schools } from '../../db/schema/index.ts';

/** Names of the given schools, for links to write a case study. */
export async function schoolNamesOf(db: Db, numbers: string[]) {
  if (!numbers.length) return [];
  return db
    .select({ number: schools.number, name: schools.name })
    .from(schools)
    .where(inArray(schools.number, numbers))
    .orderBy(asc(schools.name));
}
