import type { Db } from '../db/client.ts';
import * as s from '../db/schema/index.ts';

/** Inserts for the demo of the LA's self-evaluation: plain rows, no rules (the demo is the rules' input). */
export const insertLaSelfEvaluation = {
  cycle: async (db: Db, v: typeof s.laCycles.$inferInsert) => (await db.insert(s.laCycles).values(v).onConflictDoNothing().returning({ id: s.laCycles.id }))[0]?.id ?? null,
  evidence: async (db: Db, v: typeof s.laEvidence.$inferInsert) => (await db.insert(s.laEvidence).values(v).returning({ id: s.laEvidence.id }))[0]!.id,
  finding: async (db: Db, v: typeof s.laFindings.$inferInsert) => (await db.insert(s.laFindings).values(v).returning({ id: s.laFindings.id }))[0]!.id,
  priority: async (db: Db, v: typeof s.laPriorities.$inferInsert) => (await db.insert(s.laPriorities).values(v).returning({ id: s.laPriorities.id }))[0]!.id,
  actions: (db: Db, v: (typeof s.laPlanActions.$inferInsert)[]) => db.insert(s.laPlanActions).values(v),
  impact: (db: Db, v: typeof s.laImpactReviews.$inferInsert) => db.insert(s.laImpactReviews).values(v),
};
