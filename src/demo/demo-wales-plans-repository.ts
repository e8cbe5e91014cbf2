import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import * as s from '../db/schema/index.ts';

/** Inserts for the demo's LA plans: plain rows, no rules (the demo is the rules' input). */
export const insertPlans = {
  round: async (db: Db, v: typeof s.planningRounds.$inferInsert) =>
    (await db.insert(s.planningRounds).values(v).returning())[0]!,
  sections: (db: Db, v: (typeof s.planTemplateSections.$inferInsert)[]) =>
    db.insert(s.planTemplateSections).values(v).returning(),
  plan: async (db: Db, v: typeof s.laPlans.$inferInsert) => (await db.insert(s.laPlans).values(v).returning())[0]!,
  answers: (db: Db, v: (typeof s.laPlanAnswers.$inferInsert)[]) =>
    v.length ? db.insert(s.laPlanAnswers).values(v) : Promise.resolve(),
  version: (db: Db, v: typeof s.laPlanVersions.$inferInsert) => db.insert(s.laPlanVersions).values(v),
  comments: (db: Db, v: (typeof s.laPlanComments.$inferInsert)[]) => db.insert(s.laPlanComments).values(v),
  laCodes: async (db: Db) =>
    (await db.select({ code: s.localAuthorities.code }).from(s.localAuthorities).orderBy(s.localAuthorities.code)).map(
      (r) => r.code,
    ),
  userByEmail: async (db: Db, email: string) =>
    (await db.select({ id: s.users.id }).from(s.users).where(eq(s.users.email, email)))[0]?.id ?? null,
};
