import { eq } from 'drizzle-orm';
import type { Db } from '../../src/db/client.ts';
import { users } from '../../src/db/schema/index.ts';
import type { Role } from '../../src/policy/roles.ts';
import { buildUser, TEST_PASSWORD } from '../../test/support/factories.ts';

export { TEST_PASSWORD };

export type Person = { id: string; email: string; displayName: string; password: string };

/** A user made with the integration tests' factory, with the name the pages will greet them by. */
export async function createPerson(
  db: Db,
  options: { role: Role; email: string; scopeId?: string | null },
): Promise<Person> {
  const user = await buildUser(db, options);
  const [row] = await db.select({ displayName: users.displayName }).from(users).where(eq(users.id, user.id));
  return { id: user.id, email: user.email, displayName: row!.displayName, password: TEST_PASSWORD };
}
