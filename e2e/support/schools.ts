import type { Db } from '../../src/db/client.ts';
import { buildSchool } from '../../test/support/school-factories.ts';

export type TestSchool = Awaited<ReturnType<typeof buildSchool>>;

/**
 * A school of its own, made with the integration tests' factory. The factory takes the next free
 * number in the server's database under a lock, so journeys running side by side never share one.
 */
export async function createSchool(db: Db, name: string): Promise<TestSchool> {
  return buildSchool(db, { name });
}
