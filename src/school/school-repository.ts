import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { reused } from '../db/reused-query.ts';
import { schools } from '../db/schema/index.ts';
import type { SchoolContext } from '../policy/school-policy.ts';

export async function findSchoolContext(db: Db, number: string): Promise<SchoolContext | null> {
  // Every school page and home asks: built once (src/db/reused-query.ts).
  const [row] = await reused(db, 'school_context', (db) =>
    db
      .select({
        number: schools.number,
        name: schools.name,
        laCode: schools.laCode,
        governingBodyId: schools.governingBodyId,
      })
      .from(schools)
      .where(eq(schools.number, sql.placeholder('number'))),
  ).execute({ number });
  return row ?? null;
}
