import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

export type AuditFields = {
  at: string;
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
};

/** JSON with object keys sorted at every depth, so jsonb's own key order never changes a hash. */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function entryHash(prevHash: string, fields: AuditFields): string {
  // Only the audited fields: callers may pass whole rows (with id and hashes).
  const body = canonicalJson({
    at: new Date(fields.at).toISOString(),
    actorId: fields.actorId,
    action: fields.action,
    entityType: fields.entityType,
    entityId: fields.entityId,
    before: fields.before,
    after: fields.after,
  });
  return createHash('sha256').update(prevHash).update('\n').update(body).digest('hex');
}

export type ChainProblem = { id: number; problem: 'hash-mismatch' | 'broken-link' };

type ChainEntry = AuditFields & { id: number; prevHash: string; hash: string };

/** Checks entries fed in id order; any edited field or removed entry breaks a hash or a link. */
export function chainVerifier() {
  let expectedPrev = GENESIS_HASH;
  let checked = 0;
  const problems: ChainProblem[] = [];
  return {
    check(entry: ChainEntry) {
      checked++;
      if (entry.prevHash !== expectedPrev) problems.push({ id: entry.id, problem: 'broken-link' });
      if (entryHash(entry.prevHash, entry) !== entry.hash) problems.push({ id: entry.id, problem: 'hash-mismatch' });
      expectedPrev = entry.hash;
    },
    result: () => ({ checked, problems }),
  };
}

export function verifyChain(entries: Iterable<ChainEntry>) {
  const verifier = chainVerifier();
  for (const entry of entries) verifier.check(entry);
  return verifier.result();
}
