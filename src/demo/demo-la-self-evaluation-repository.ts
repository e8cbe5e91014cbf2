import type { Db } from '../db/client.ts';
import * as s from '../db/schema/index.ts';

/** Inserts for the demo of the LA's self-evaluation: plain rows, no rules (the demo is the rules' input). */
export const insertLaSelfEvaluation = {
  cycle: async (db: Db, v: typeof s.laCycles.$inferInsert) =>
    (await db.insert(s.laCycles).values(v).onConflictDoNothing().returning({ id: s.laCycles.id }))[0]?.id ?? null,
  evidence: async (db: Db, v: typeof s.laEvidence.$inferInsert) =>
    (await db.insert(s.laEvidence).values(v).returning({ id: s.laEvidence.id }))[0]!.id,
  finding: async (db: Db, v: typeof s.laFindings.$inferInsert, evidenceIds: string[]) => {
    const id = (await db.insert(s.laFindings).values(v).returning({ id: s.laFindings.id }))[0]!.id;
    if (evidenceIds.length)
      await db.insert(s.laFindingEvidence).values(evidenceIds.map((evidenceId) => ({ findingId: id, evidenceId })));
    return id;
  },
  priority: async (db: Db, v: typeof s.laPriorities.$inferInsert, findingIds: string[]) => {
    const id = (await db.insert(s.laPriorities).values(v).returning({ id: s.laPriorities.id }))[0]!.id;
    if (findingIds.length)
      await db.insert(s.laPriorityFindings).values(findingIds.map((findingId) => ({ priorityId: id, findingId })));
    return id;
  },
  actions: (db: Db, v: (typeof s.laPriorityActions.$inferInsert)[]) => db.insert(s.laPriorityActions).values(v),
  impact: (db: Db, v: typeof s.laImpactReviews.$inferInsert) => db.insert(s.laImpactReviews).values(v),
};
