import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { schools } from '../db/schema/index.ts';
import type { SchoolContext } from '../policy/school-policy.ts';

export async function findSchoolContext(db: Db, number: string): Promise<SchoolContext | null> {
  const [row] = await db
    .select({
      number: schools.number,
      name: schools.name,
      laCode: schools.laCode,
      governingBodyId: schools.governingBodyId,
    })
    .from(schools)
    .where(eq(schools.number, number));
  return row ?? null;
}
