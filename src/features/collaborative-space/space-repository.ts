import { and, asc, count, desc, eq, inArray, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import {
  collaborativeMembers,
  evidence,
  findings,
  nationalPriorities,
  priorities,
  schools,
  shares,
  users,
} from '../../db/schema/index.ts';
import type { ShareableType } from '../../sharing/share-repository.ts';

/**
 * What member schools shared with one collaborative. Every read joins `collaborative_members`, so
 * a school that leaves stops showing at once, and reads `shares` itself, so a withdrawn share is
 * gone at once (nothing is cached). The `shares_audience` index (audience, audience_id, item_type)
 * finds a collaborative's rows.
 */
function sharedWith(collaborativeId: string): SQL {
  return and(eq(shares.audience, 'collaborative'), eq(shares.audienceId, collaborativeId))!;
}
const isMember = (collaborativeId: string) =>
  and(
    eq(collaborativeMembers.collaborativeId, collaborativeId),
    eq(collaborativeMembers.schoolNumber, shares.schoolNumber),
  );
// The item of each type, joined by its uuid only for rows of that type (output ids are not uuids).
const itemOf = (type: ShareableType, id: SQLWrapper) =>
  sql`${id} = case when ${shares.itemType} = ${type} then ${shares.itemId}::uuid end`;

export type FeedFilter = { school: string; type: ShareableType | '' };

/** The member schools, by name: the feed's school filter. */
export async function memberSchools(db: Db, collaborativeId: string) {
  return db
    .select({ number: schools.number, name: schools.name })
    .from(collaborativeMembers)
    .innerJoin(schools, eq(schools.number, collaborativeMembers.schoolNumber))
    .where(eq(collaborativeMembers.collaborativeId, collaborativeId))
    .orderBy(asc(schools.name), asc(schools.number));
}

/**
 * The feed's rows: shares with this collaborative by current members, leaving out archived
 * evidence (withdrawn from every audience). Schools never delete evidence, findings or
 * priorities, so a share always names an item. The archived test reads the small partial index
 * `evidence_archived`, so a page costs one pass over the collaborative's shares and a top-N sort.
 */
function feedCondition(collaborativeId: string, filter: FeedFilter): SQL {
  return and(
    sharedWith(collaborativeId),
    filter.school ? eq(shares.schoolNumber, filter.school) : undefined,
    filter.type ? eq(shares.itemType, filter.type) : undefined,
    // The members read once, as an array each row is looked up in: asked row by row (exists ...),
    // the plan kept for the statement scanned the members again for every share (1,509 shares of
    // one school: 8 ms against 1.3 ms for the count).
    sql`${shares.schoolNumber} = any(array(select m.school_number from ${collaborativeMembers} m where m.collaborative_id = ${collaborativeId}))`,
    sql`${shares.itemId} not in (select e.id::text from ${evidence} e where e.archived)`,
  )!;
}

/** One page of the feed, newest share first, and how many entries the filter matches. */
export async function sharedFeed(
  db: Db,
  collaborativeId: string,
  filter: FeedFilter,
  page: { limit: number; offset: number },
) {
  const where = feedCondition(collaborativeId, filter);
  const [keys, [total]] = await Promise.all([
    db
      .select({
        itemType: sql<ShareableType>`${shares.itemType}`,
        itemId: shares.itemId,
        schoolNumber: shares.schoolNumber,
        sharedAt: shares.sharedAt,
        sharedBy: shares.sharedBy,
      })
      .from(shares)
      .where(where)
      .orderBy(desc(shares.sharedAt), asc(shares.itemType), asc(shares.itemId))
      .limit(page.limit)
      .offset(page.offset),
    db.select({ n: count() }).from(shares).where(where),
  ]);
  // Names and titles for this page's rows only.
  const ids = (type: ShareableType) => keys.filter((k) => k.itemType === type).map((k) => k.itemId);
  const titled = async (table: typeof evidence | typeof findings | typeof priorities, type: ShareableType) => {
    const list = ids(type);
    return list.length
      ? db
          .select({ id: table.id, title: table.title, language: table.language, otherLanguage: table.otherLanguage })
          .from(table)
          .where(inArray(table.id, list))
      : [];
  };
  const schoolNumbers = [...new Set(keys.map((k) => k.schoolNumber))];
  const userIds = [...new Set(keys.map((k) => k.sharedBy).filter((id) => id !== null))];
  const [items, names, people] = await Promise.all([
    Promise.all([titled(evidence, 'evidence'), titled(findings, 'finding'), titled(priorities, 'priority')]),
    schoolNumbers.length
      ? db
          .select({ number: schools.number, name: schools.name })
          .from(schools)
          .where(inArray(schools.number, schoolNumbers))
      : [],
    userIds.length
      ? db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, userIds))
      : [],
  ]);
  const item = new Map(items.flat().map((i) => [i.id, i]));
  const schoolName = new Map(names.map((n) => [n.number, n.name]));
  const person = new Map(people.map((p) => [p.id, p.name]));
  const rows = keys.map((k) => ({
    itemType: k.itemType,
    itemId: k.itemId,
    schoolNumber: k.schoolNumber,
    schoolName: schoolName.get(k.schoolNumber) ?? k.schoolNumber,
    sharedAt: k.sharedAt,
    sharedByName: k.sharedBy ? (person.get(k.sharedBy) ?? null) : null,
    title: item.get(k.itemId)?.title ?? null,
    language: item.get(k.itemId)?.language ?? null,
    otherLanguage: item.get(k.itemId)?.otherLanguage ?? null,
  }));
  return { rows, total: Number(total?.n ?? 0) };
}
export type FeedRow = Awaited<ReturnType<typeof sharedFeed>>['rows'][number];

/** The share of one item with this collaborative, by a school that is still a member; null otherwise. */
export async function findSharedItem(db: Db, collaborativeId: string, itemType: ShareableType, itemId: string) {
  const [row] = await db
    .select({
      schoolNumber: shares.schoolNumber,
      schoolName: schools.name,
      sharedAt: shares.sharedAt,
      sharedByName: users.displayName,
    })
    .from(shares)
    .innerJoin(collaborativeMembers, isMember(collaborativeId))
    .innerJoin(schools, eq(schools.number, shares.schoolNumber))
    .leftJoin(users, eq(users.id, shares.sharedBy))
    .where(and(sharedWith(collaborativeId), eq(shares.itemType, itemType), eq(shares.itemId, itemId)));
  return row ?? null;
}

/** Which of these items are shared with this collaborative (by a member). */
export async function sharedItemIds(
  db: Db,
  collaborativeId: string,
  itemType: ShareableType,
  itemIds: string[],
): Promise<Set<string>> {
  if (itemIds.length === 0) return new Set();
  const rows = await db
    .select({ itemId: shares.itemId })
    .from(shares)
    .innerJoin(collaborativeMembers, isMember(collaborativeId))
    .where(and(sharedWith(collaborativeId), eq(shares.itemType, itemType), inArray(shares.itemId, itemIds)));
  return new Set(rows.map((r) => r.itemId));
}

const sharedPriorities = (collaborativeId: string) =>
  and(sharedWith(collaborativeId), eq(shares.itemType, 'priority'), sql`${priorities.state} <> 'closed'`);

/**
 * The common ground: each NIF theme with the member schools that shared a priority in it, how
 * many schools (counted in SQL) and their priorities. Closed priorities are history, not ground.
 */
export async function themeGround(db: Db, collaborativeId: string) {
  return db
    .select({
      theme: priorities.nifTheme,
      schoolNumber: shares.schoolNumber,
      schoolName: schools.name,
      schoolCount: sql<number>`(count(*) over (partition by ${priorities.nifTheme}))::int`,
      items: sql<
        { id: string; title: string; language: string; otherLanguage: Record<string, string>; state: string }[]
      >`json_agg(json_build_object('id', ${priorities.id}, 'title', ${priorities.title}, 'language', ${priorities.language}, 'otherLanguage', ${priorities.otherLanguage}, 'state', ${priorities.state}) order by ${priorities.title})`,
    })
    .from(shares)
    .innerJoin(collaborativeMembers, isMember(collaborativeId))
    .innerJoin(priorities, itemOf('priority', priorities.id))
    .innerJoin(schools, eq(schools.number, shares.schoolNumber))
    .where(sharedPriorities(collaborativeId))
    .groupBy(priorities.nifTheme, shares.schoolNumber, schools.name)
    .orderBy(asc(priorities.nifTheme), asc(schools.name));
}

/** Each national priority the shared priorities link to, with how many schools and which. */
export async function nationalGround(db: Db, collaborativeId: string) {
  const code = sql<string>`np.code`;
  return db
    .select({
      code,
      nameEn: nationalPriorities.nameEn,
      nameCy: nationalPriorities.nameCy,
      schoolCount: sql<number>`count(distinct ${shares.schoolNumber})::int`,
      schools: sql<string[]>`array_agg(distinct ${schools.name} order by ${schools.name})`,
    })
    .from(shares)
    .innerJoin(collaborativeMembers, isMember(collaborativeId))
    .innerJoin(priorities, itemOf('priority', priorities.id))
    .innerJoin(schools, eq(schools.number, shares.schoolNumber))
    .innerJoin(sql`unnest(${priorities.nationalPriorities}) as np(code)`, sql`true`)
    .innerJoin(nationalPriorities, eq(nationalPriorities.code, code))
    .where(sharedPriorities(collaborativeId))
    .groupBy(
      code,
      nationalPriorities.nameEn,
      nationalPriorities.nameCy,
      nationalPriorities.supporting,
      nationalPriorities.publishedOn,
    )
    .orderBy(asc(nationalPriorities.supporting), asc(nationalPriorities.publishedOn), asc(code));
}
