import { inArray } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { localAuthorities } from '../db/schema/index.ts';
import type { ScopeType } from '../policy/roles.ts';

export type ScopeName = { en: string; cy: string };

type Lookup = (db: Db, ids: string[]) => Promise<Map<string, ScopeName>>;

/** How to name each kind of scope record; a kind with no lookup has no records yet. */
const LOOKUPS: Partial<Record<ScopeType, Lookup>> = {
  la: async (db, ids) => {
    const rows = await db.select().from(localAuthorities).where(inArray(localAuthorities.code, ids));
    return new Map(rows.map((r) => [r.code, { en: r.nameEn, cy: r.nameCy }]));
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
