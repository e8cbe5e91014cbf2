import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { rateLimitHits } from '../db/schema/index.ts';

const h = rateLimitHits;

/**
 * Counts one request against `key` in one statement, so instances counting at the same moment
 * never lose one; a window that has ended starts again at 1. Time is the database's, which every
 * instance shares. Returns the count and the milliseconds left in the window.
 */
export async function countHit(db: Db, key: string, windowMs: number): Promise<{ current: number; ttl: number }> {
  const ended = sql`${h.windowEndsAt} <= clock_timestamp()`;
  const result = (await db.execute(sql`
    insert into ${h} (${sql.identifier(h.key.name)}, ${sql.identifier(h.hits.name)}, ${sql.identifier(h.windowEndsAt.name)})
    values (${key}, 1, clock_timestamp() + ${windowMs} * interval '1 millisecond')
    on conflict (${sql.identifier(h.key.name)}) do update set
      ${sql.identifier(h.hits.name)} = case when ${ended} then 1 else ${h.hits} + 1 end,
      ${sql.identifier(h.windowEndsAt.name)} = case when ${ended} then excluded.${sql.identifier(h.windowEndsAt.name)} else ${h.windowEndsAt} end
    returning ${h.hits} as current,
      greatest(0, ceil(extract(epoch from (${h.windowEndsAt} - clock_timestamp())) * 1000))::float8 as ttl`)) as unknown as {
    rows: { current: number; ttl: number }[];
  };
  const row = result.rows[0]!;
  return { current: Number(row.current), ttl: Number(row.ttl) };
}

/** Forgets windows that have ended: nothing reads them again. */
export async function deleteEndedWindows(db: Db): Promise<void> {
  await db.delete(h).where(sql`${h.windowEndsAt} < clock_timestamp()`);
}
