import { sql } from 'drizzle-orm';
import type { Db } from '../../src/db/client.ts';

export type TableCounts = Record<string, number>;

/**
 * Tables whose rows any request may add, by design: the rate limiter counts every request, refused
 * or not, before anything reads its body (on PostgreSQL, in this table; on PGlite, in memory), and
 * sweeps ended windows whenever it likes.
 */
const COUNTING_EVERY_REQUEST = ['rate_limit_hits'];

/**
 * The number of rows in every table of the schema (the audit log among them) but the rate
 * limiter's, in one query built once: cheap enough to take around every request.
 */
export async function tableCounter(db: Db): Promise<() => Promise<TableCounts>> {
  const all = (
    (await db.execute(
      sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
    )) as unknown as { rows: { name: string }[] }
  ).rows.map((r) => r.name);
  if (COUNTING_EVERY_REQUEST.some((name) => !all.includes(name)))
    throw new Error('A table the counter leaves out is gone: update COUNTING_EVERY_REQUEST');
  const tables = all.filter((name) => !COUNTING_EVERY_REQUEST.includes(name));
  if (!tables.includes('audit_log')) throw new Error('No audit_log table: the counter would miss the audit trail');
  const query = sql.raw(`select ${tables.map((t) => `(select count(*)::int from "${t}") as "${t}"`).join(', ')}`);
  return async () => ((await db.execute(query)) as unknown as { rows: TableCounts[] }).rows[0]!;
}

/** The tables whose counts differ, as "table: before -> after". */
export function countChanges(before: TableCounts, after: TableCounts): string[] {
  return Object.keys(before)
    .filter((t) => before[t] !== after[t])
    .map((t) => `${t}: ${before[t]} -> ${after[t]}`);
}

/** The audit log's length: every change the app makes writes one entry in the same transaction. */
export function auditCounter(db: Db): () => Promise<number> {
  return async () =>
    ((await db.execute(sql`select count(*)::int as n from audit_log`)) as unknown as { rows: { n: number }[] }).rows[0]!
      .n;
}
