import { sql } from 'drizzle-orm';
import type { Db } from '../../src/db/client.ts';
import { roleAssignments, users } from '../../src/db/schema/index.ts';
import { hashPassword } from '../../src/lib/passwords.ts';
import { scopeOf, type Role } from '../../src/policy/roles.ts';
import { startSession } from '../../src/sessions/sessions.ts';

export const TEST_PASSWORD = 'correct horse battery staple';
let passwordHash: Promise<string> | null = null;
let sequence = 0;

export type TestUser = { id: string; email: string; role: Role | null };

/** A user with one role (or none) and the test password. */
export async function buildUser(db: Db, options: { role?: Role; scopeId?: string | null; email?: string; active?: boolean } = {}): Promise<TestUser> {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  sequence++;
  const email = options.email ?? `user${sequence}-${Date.now()}@example.test`;
  const [user] = await db
    .insert(users)
    .values({ email, displayName: `Test User ${sequence}`, passwordHash: await passwordHash, active: options.active ?? true })
    .returning({ id: users.id });
  if (options.role) {
    const scopeType = scopeOf(options.role);
    const scopeId = options.scopeId !== undefined ? options.scopeId : scopeType === 'la' ? '681' : null;
    await db.insert(roleAssignments).values({ userId: user!.id, role: options.role, scopeType, scopeId });
  }
  return { id: user!.id, email, role: options.role ?? null };
}

export const buildAdministrator = (db: Db) => buildUser(db, { role: 'administrator' });

/**
 * A session cookie for the user, made at the seam the sign-in page uses. `now` is when it starts:
 * pass the app's clock when a test has set one, or the session is idle (or not yet begun) to it.
 */
export async function sessionCookie(db: Db, userId: string, now: Date = new Date()): Promise<string> {
  const token = await startSession(db, userId, { idleMinutes: 60, absoluteHours: 12 }, now);
  return `cyd_session=${token}`;
}

export async function countRows(db: Db, table: string): Promise<number> {
  const result = (await db.execute(sql.raw(`select count(*)::int as n from ${table}`))) as unknown as { rows: { n: number }[] };
  return result.rows[0]!.n;
}
