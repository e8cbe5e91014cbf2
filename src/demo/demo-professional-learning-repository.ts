import type { Db } from '../db/client.ts';
import { professionalLearningRecords } from '../db/schema/index.ts';

/** Inserts for the demo's professional learning: plain rows, no rules (the demo is the rules' input). */
export const insertProfessionalLearning = {
  records: (db: Db, v: (typeof professionalLearningRecords.$inferInsert)[]) =>
    db.insert(professionalLearningRecords).values(v).onConflictDoNothing(),
};
