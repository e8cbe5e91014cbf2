import { and, asc, eq, notInArray } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { schools } from '../db/schema/index.ts';

/** The first open schools of an LA by number, leaving out some: schools the demo gives a part to. */
export async function openSchoolsOfLa(db: Db, laCode: string, except: string[], limit: number): Promise<string[]> {
  const rows = await db
    .select({ number: schools.number })
    .from(schools)
    .where(and(eq(schools.laCode, laCode), eq(schools.open, true), notInArray(schools.number, except)))
    .orderBy(asc(schools.number))
    .limit(limit);
  return rows.map((r) => r.number);
}
