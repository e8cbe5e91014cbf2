import { eq } from 'drizzle-orm';
import type { Db } from '../../src/db/client.ts';
import { schools } from '../../src/db/schema/index.ts';
import { buildSchool } from '../../test/support/school-factories.ts';

export type TestSchool = Awaited<ReturnType<typeof buildSchool>>;

/**
 * A school of its own, made with the integration tests' factory. The factory picks a number at
 * random and ignores one already taken: journeys running side by side must not share a school.
 */
export async function createSchool(db: Db, name: string): Promise<TestSchool> {
  for (let attempt = 0; attempt < 10; attempt++) {
    const school = await buildSchool(db, { name });
    const [row] = await db.select({ name: schools.name }).from(schools).where(eq(schools.number, school.number));
    if (row?.name === name) return school;
  }
  throw new Error(`No free school number for ${name}`);
}
