import { and, desc, eq, gte, lt, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { systemClock } from '../lib/clock.ts';
import { auditLog, users } from '../db/schema/index.ts';
import { entryHash, GENESIS_HASH, type AuditFields } from './audit-chain.ts';

export type AuditInput = Omit<AuditFields, 'at' | 'before' | 'after'> & { before?: unknown; after?: unknown };

// Serialises appends so each entry links to the one before it, on PGlite and PostgreSQL alike.
const AUDIT_CHAIN_LOCK_KEY = 7_240_302;

/** Plain JSON (dates as ISO strings), exactly as jsonb will give it back. */
function toJson(value: unknown): unknown {
  return value === undefined ? null : JSON.parse(JSON.stringify(value));
}

/** Appends one entry. Call it inside the transaction that makes the change. */
export async function appendAudit(tx: Db, input: AuditInput): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK_KEY})`);
  const [last] = await tx.select({ hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.id)).limit(1);
  const fields: AuditFields = {
    // The real time, never the app's clock: the log is the record of when a change was made, and a
    // clock set by a test or a replay must not be able to write a different history.
    at: systemClock.now().toISOString(),
    actorId: input.actorId,
    action: input.action,
    entityType: input.entityType,
    entityId: input.entityId,
    before: toJson(input.before),
    after: toJson(input.after),
  };
  const prevHash = last?.hash ?? GENESIS_HASH;
  await tx.insert(auditLog).values({ ...fields, prevHash, hash: entryHash(prevHash, fields) });
}

export type AuditFilter = {
  actorId?: string | undefined;
  entityType?: string | undefined;
  action?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
};

function filterCondition(filter: AuditFilter): SQL | undefined {
  return and(
    filter.actorId ? eq(auditLog.actorId, filter.actorId) : undefined,
    filter.entityType ? eq(auditLog.entityType, filter.entityType) : undefined,
    filter.action ? eq(auditLog.action, filter.action) : undefined,
    // Whole days in Wales, as the page shows times: from midnight to midnight, Europe/London.
    filter.from ? gte(auditLog.at, sql`(${filter.from}::date)::timestamp at time zone 'Europe/London'`) : undefined,
    filter.to ? lt(auditLog.at, sql`(${filter.to}::date + 1)::timestamp at time zone 'Europe/London'`) : undefined,
  );
}

export async function listAudit(db: Db, filter: AuditFilter, page: { limit: number; offset: number }) {
  const where = filterCondition(filter);
  const [rows, [total]] = await Promise.all([
    db
      .select({ entry: auditLog, actorName: users.displayName, actorEmail: users.email })
      .from(auditLog)
      .leftJoin(users, eq(users.id, auditLog.actorId))
      .where(where)
      .orderBy(desc(auditLog.id))
      .limit(page.limit)
      .offset(page.offset),
    db
      .select({ count: sql<number>`count(*)::int` })
      .from(auditLog)
      .where(where),
  ]);
  return { rows, total: total?.count ?? 0 };
}

export async function distinctAuditValues(db: Db) {
  const [entityTypes, actions] = await Promise.all([
    db.selectDistinct({ value: auditLog.entityType }).from(auditLog).orderBy(auditLog.entityType),
    db.selectDistinct({ value: auditLog.action }).from(auditLog).orderBy(auditLog.action),
  ]);
  return { entityTypes: entityTypes.map((r) => r.value), actions: actions.map((r) => r.value) };
}

/** Streams the whole log in id order, a page at a time, for verification. */
export async function* allAuditEntries(db: Db, pageSize = 2000) {
  let afterId = 0;
  for (;;) {
    const rows = await db
      .select()
      .from(auditLog)
      .where(sql`${auditLog.id} > ${afterId}`)
      .orderBy(auditLog.id)
      .limit(pageSize);
    if (rows.length === 0) return;
    yield* rows;
    afterId = rows[rows.length - 1]!.id;
  }
}

/** One record's trail of the given actions, newest first, with who did each. */
export async function auditTrail(db: Db, entityType: string, entityId: string, actions: string[]) {
  return db
    .select({
      at: auditLog.at,
      action: auditLog.action,
      before: auditLog.before,
      after: auditLog.after,
      actorName: users.displayName,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(
      and(
        eq(auditLog.entityType, entityType),
        eq(auditLog.entityId, entityId),
        sql`${auditLog.action} in (${sql.join(
          actions.map((a) => sql`${a}`),
          sql`, `,
        )})`,
      ),
    )
    .orderBy(desc(auditLog.id))
    .limit(50);
}
