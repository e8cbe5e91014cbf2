import { eq, inArray, or, sql } from 'drizzle-orm';
import { reused } from '../db/reused-query.ts';
import type { Db } from '../db/client.ts';
import { collaboratives, governingBodies, laPartnerships, localAuthorities, schools } from '../db/schema/index.ts';
import type { ScopeType } from '../policy/roles.ts';
import { isUuid } from '../lib/request-schemas.ts';

export type ScopeName = { en: string; cy: string };

type Lookup = (db: Db, ids: string[]) => Promise<Map<string, ScopeName>>;

/** How to name each kind of scope record; a kind with no lookup has no records yet. */
const LOOKUPS: Partial<Record<ScopeType, Lookup>> = {
  la: async (db, ids) => {
    const rows = await reused(db, 'la_names', (db) =>
      db
        .select()
        .from(localAuthorities)
        .where(sql`${localAuthorities.code} = any(${sql.placeholder('ids')}::text[])`),
    ).execute({ ids });
    return new Map(rows.map((r) => [r.code, { en: r.nameEn, cy: r.nameCy }]));
  },
  school: async (db, ids) => {
    // Every school member's home names their schools: built once (reused-query.ts).
    const rows = await reused(db, 'school_names', (db) =>
      db
        .select({ id: schools.number, name: schools.name })
        .from(schools)
        .where(sql`${schools.number} = any(${sql.placeholder('ids')}::text[])`),
    ).execute({ ids });
    // School names are proper names: the same in both languages.
    return new Map(rows.map((r) => [r.id, { en: `${r.name} (${r.id})`, cy: `${r.name} (${r.id})` }]));
  },
  governing_body: async (db, ids) => {
    const rows = await reused(db, 'governing_body_names', (db) =>
      db
        .select({ id: governingBodies.id, name: governingBodies.name })
        .from(governingBodies)
        .where(sql`${governingBodies.id} = any(${sql.placeholder('ids')}::text[])`),
    ).execute({ ids });
    return new Map(rows.map((r) => [r.id, { en: `${r.name} (${r.id})`, cy: `${r.name} (${r.id})` }]));
  },
  collaborative: async (db, ids) => {
    const uuids = ids.filter(isUuid);
    if (!uuids.length) return new Map();
    const rows = await reused(db, 'collaborative_names', (db) =>
      db
        .select()
        .from(collaboratives)
        .where(sql`${collaboratives.id} = any(${sql.placeholder('ids')}::uuid[])`),
    ).execute({ ids: uuids });
    return new Map(rows.map((r) => [r.id, { en: r.nameEn, cy: r.nameCy }]));
  },
  la_partnership: async (db, ids) => {
    const uuids = ids.filter(isUuid);
    if (!uuids.length) return new Map();
    const rows = await db.select().from(laPartnerships).where(inArray(laPartnerships.id, uuids));
    return new Map(rows.map((r) => [r.id, { en: r.nameEn, cy: r.nameCy }]));
  },
};

export function scopeTypeHasRecords(scopeType: ScopeType): boolean {
  return scopeType === 'national' || scopeType === 'platform' || LOOKUPS[scopeType] !== undefined;
}

/** Names for many scope records at once, keyed `${scopeType}:${scopeId}`. */
export async function scopeNames(db: Db, scopes: { scopeType: ScopeType; scopeId: string | null }[]) {
  const byType = new Map<ScopeType, string[]>();
  for (const s of scopes) if (s.scopeId) byType.set(s.scopeType, [...(byType.get(s.scopeType) ?? []), s.scopeId]);
  const names = new Map<string, ScopeName>();
  await Promise.all(
    [...byType].map(async ([type, ids]) => {
      const found = await LOOKUPS[type]?.(db, ids);
      for (const [id, name] of found ?? []) names.set(`${type}:${id}`, name);
    }),
  );
  return names;
}

export async function scopeExists(db: Db, scopeType: ScopeType, scopeId: string | null): Promise<boolean> {
  if (scopeType === 'national' || scopeType === 'platform') return scopeId === null;
  if (!scopeId) return false;
  return (await scopeNames(db, [{ scopeType, scopeId }])).has(`${scopeType}:${scopeId}`);
}

/** What a person typed for a scope, as its record's key: a governor's school number becomes its governing body. */
export async function resolveScopeInput(db: Db, scopeType: ScopeType, input: string): Promise<string> {
  if (scopeType === 'governing_body' && /^\d{7}$/.test(input)) {
    const [row] = await db.select({ id: schools.governingBodyId }).from(schools).where(eq(schools.number, input));
    return row?.id ?? input;
  }
  return input;
}

/** The open schools a user's school and governor roles give them an improvement area in. */
export async function schoolsForAssignments(db: Db, assignments: { scopeType: ScopeType; scopeId: string | null }[]) {
  const schoolIds = assignments.filter((a) => a.scopeType === 'school' && a.scopeId).map((a) => a.scopeId!);
  const bodyIds = assignments.filter((a) => a.scopeType === 'governing_body' && a.scopeId).map((a) => a.scopeId!);
  if (!schoolIds.length && !bodyIds.length) return [];
  const conditions = [
    schoolIds.length ? inArray(schools.number, schoolIds) : undefined,
    bodyIds.length ? inArray(schools.governingBodyId, bodyIds) : undefined,
  ].filter((c) => c !== undefined);
  return db
    .select({ number: schools.number, name: schools.name })
    .from(schools)
    .where(or(...conditions))
    .orderBy(schools.name);
}
