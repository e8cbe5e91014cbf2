import { asc, inArray, or } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { schools } from '../../db/schema/index.ts';

/** The schools a person works in or governs, by school number and governing body, in name order. */
export async function schoolsOf(db: Db, numbers: string[], governingBodyIds: string[]) {
  if (numbers.length === 0 && governingBodyIds.length === 0) return [];
  const where = [];
  if (numbers.length > 0) where.push(inArray(schools.number, numbers));
  if (governingBodyIds.length > 0) where.push(inArray(schools.governingBodyId, governingBodyIds));
  return db
    .select({
      number: schools.number,
      name: schools.name,
      laCode: schools.laCode,
      governingBodyId: schools.governingBodyId,
    })
    .from(schools)
    .where(or(...where))
    .orderBy(asc(schools.name));
}
