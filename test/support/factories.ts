import { sql } from 'drizzle-orm';
import type { Db } from '../../src/db/client.ts';
import { roleAssignments, users } from '../../src/db/schema/index.ts';
import { hashPassword } from '../../src/lib/passwords.ts';
import { scopeOf, type Role } from '../../src/policy/roles.ts';
import { startSession } from '../../src/sessions/session-service.ts';

export const TEST_PASSWORD = 'correct horse battery staple';
let passwordHash: Promise<string> | null = null;

// Any constant works: it only has to be the same for every factory drawing from a sequence.
const FACTORY_LOCK_KEY = 7_240_399;

/**
 * Runs `make` with the factories' lock held, in a transaction: it reads the next free number from
 * the database and inserts with it, so numbers follow on the same way every run and no two files
 * sharing a database (the browser journeys share their server's) ever draw the same one.
 */
export async function nextInSequence<T>(db: Db, make: (tx: Db) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${FACTORY_LOCK_KEY})`);
    return make(tx);
  });
}

export type TestUser = { id: string; email: string; role: Role | null };

/** A user with one role (or none) and the test password. */
export async function buildUser(
  db: Db,
  options: { role?: Role; scopeId?: string | null; email?: string; active?: boolean } = {},
): Promise<TestUser> {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const hash = await passwordHash;
  const { user, email } = await nextInSequence(db, async (tx) => {
    const result = (await tx.execute(sql`
      select coalesce(max(substring(email from '^user([0-9]+)@example[.]test$')::int), 0)::int + 1 as next from users`)) as unknown as {
      rows: { next: number }[];
    };
    const n = result.rows[0]!.next;
    const email = options.email ?? `user${n}@example.test`;
    const [user] = await tx
      .insert(users)
      .values({ email, displayName: `Test User ${n}`, passwordHash: hash, active: options.active ?? true })
      .returning({ id: users.id });
    return { user, email };
  });
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
  const result = (await db.execute(sql.raw(`select count(*)::int as n from ${table}`))) as unknown as {
    rows: { n: number }[];
  };
  return result.rows[0]!.n;
}
