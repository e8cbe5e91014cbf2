import { and, eq } from 'drizzle-orm';
import type { Db } from '../../src/db/client.ts';
import { auditLog } from '../../src/db/schema/index.ts';

/** The audit entries with this action (and entity, when given), oldest first. */
export async function auditEntries(db: Db, action: string, entityId?: string) {
  return db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, action), entityId ? eq(auditLog.entityId, entityId) : undefined))
    .orderBy(auditLog.id);
}
