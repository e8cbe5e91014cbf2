import { and, eq, inArray, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { collaboratives, evidence, findings, priorities, shares, users } from '../db/schema/index.ts';
import type { Audience } from '../reference/reference-data.ts';
import { isUuid } from '../lib/request-schemas.ts';
import { SHAREABLE_TYPES } from '../reference/record-states.ts';

export { SHAREABLE_TYPES };
export type ShareableType = (typeof SHAREABLE_TYPES)[number];
export const OUTPUT_KINDS = ['sdp_summary', 'governors_report', 'self_evaluation', 'progress', 'support_log'] as const;
export type OutputKind = (typeof OUTPUT_KINDS)[number];

export type ShareKey = { itemType: ShareableType; itemId: string; audience: Audience; audienceId: string };

/** What a reader may see of a school's items: all of them (its staff) or those shared with these audiences. */
export type ItemAccess = { all: true } | { audiences: Audience[] };

/**
 * An item shared with the audiences `audienceTest` names. Drizzle prints a column of a single-table
 * query unqualified ("id"); `shares` has no such column, so inside this subquery the name still
 * resolves to the outer item's column.
 */
const sharedWith = (itemType: ShareableType, idColumn: SQLWrapper, audienceTest: SQL) =>
  sql`exists (select 1 from ${shares} s where s.item_type = ${itemType} and s.item_id = (${idColumn})::text and ${audienceTest})`;

/** The SQL condition that limits a list of items to what the reader may see (docs/ARCHITECTURE.md section 3). */
export function visibleCondition(itemType: ShareableType, idColumn: SQLWrapper, access: ItemAccess): SQL | undefined {
  if ('all' in access) return undefined;
  if (access.audiences.length === 0) return sql`false`;
  const audiences = sql.join(
    access.audiences.map((a) => sql`${a}`),
    sql`, `,
  );
  return sharedWith(itemType, idColumn, sql`s.audience in (${audiences})`);
}

/**
 * The same condition for a statement built once (src/db/reused-query.ts): the reader's audiences
 * are its placeholder `audiences` (a text array; none matches nothing, as above).
 */
export function sharedWithAudiencesCondition(itemType: ShareableType, idColumn: SQLWrapper): SQL {
  return sharedWith(itemType, idColumn, sql`s.audience = any(${sql.placeholder('audiences')}::text[])`);
}

export async function sharesFor(db: Db, itemType: ShareableType, itemIds: string[]) {
  if (itemIds.length === 0)
    return new Map<
      string,
      {
        audience: Audience;
        audienceId: string;
        sharedAt: Date;
        sharedByName: string | null;
        audienceName: { en: string; cy: string } | null;
      }[]
    >();
  const rows = await db
    .select({
      itemId: shares.itemId,
      audience: shares.audience,
      audienceId: shares.audienceId,
      sharedAt: shares.sharedAt,
      sharedByName: users.displayName,
      nameEn: collaboratives.nameEn,
      nameCy: collaboratives.nameCy,
    })
    .from(shares)
    .leftJoin(users, eq(users.id, shares.sharedBy))
    .leftJoin(
      collaboratives,
      and(eq(shares.audience, 'collaborative'), eq(sql`${collaboratives.id}::text`, shares.audienceId)),
    )
    .where(and(eq(shares.itemType, itemType), inArray(shares.itemId, itemIds)))
    .orderBy(shares.sharedAt);
  const byItem = new Map<
    string,
    {
      audience: Audience;
      audienceId: string;
      sharedAt: Date;
      sharedByName: string | null;
      audienceName: { en: string; cy: string } | null;
    }[]
  >();
  for (const r of rows) {
    const list = byItem.get(r.itemId) ?? [];
    list.push({
      audience: r.audience as Audience,
      audienceId: r.audienceId,
      sharedAt: r.sharedAt,
      sharedByName: r.sharedByName,
      audienceName: r.nameEn ? { en: r.nameEn, cy: r.nameCy ?? r.nameEn } : null,
    });
    byItem.set(r.itemId, list);
  }
  return byItem;
}

export async function insertShare(
  db: Db,
  key: ShareKey & { schoolNumber: string; sharedBy: string },
): Promise<boolean> {
  const rows = await db.insert(shares).values(key).onConflictDoNothing().returning({ itemId: shares.itemId });
  return rows.length > 0;
}

export async function deleteShare(db: Db, key: ShareKey): Promise<boolean> {
  const rows = await db
    .delete(shares)
    .where(
      and(
        eq(shares.itemType, key.itemType),
        eq(shares.itemId, key.itemId),
        eq(shares.audience, key.audience),
        eq(shares.audienceId, key.audienceId),
      ),
    )
    .returning({ itemId: shares.itemId });
  return rows.length > 0;
}

/** An output's share id: outputs are documents of one school, named by their kind. */
export function outputItemId(schoolNumber: string, kind: string): string {
  return `${schoolNumber}:${kind}`;
}

/** The school an item belongs to, or null when there is no such item. */
export async function itemSchool(db: Db, itemType: ShareableType, itemId: string): Promise<string | null> {
  if (itemType === 'output') {
    const [school, kind] = itemId.split(':');
    return school && /^\d{7}$/.test(school) && (OUTPUT_KINDS as readonly string[]).includes(kind ?? '') ? school : null;
  }
  if (!isUuid(itemId)) return null;
  const table = { evidence, finding: findings, priority: priorities }[itemType];
  const [row] = await db.select({ school: table.schoolNumber }).from(table).where(eq(table.id, itemId));
  return row?.school ?? null;
}

/** The item's title for a message (an output has none: its kind names it). */
export async function itemTitle(db: Db, itemType: ShareableType, itemId: string): Promise<string> {
  if (itemType === 'output' || !isUuid(itemId)) return '';
  const table = { evidence, finding: findings, priority: priorities }[itemType];
  const [row] = await db.select({ title: table.title }).from(table).where(eq(table.id, itemId));
  return row?.title ?? '';
}
