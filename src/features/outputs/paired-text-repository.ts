// What the school's documents are made of, with each text's other-language version: for telling
// the headteacher, before a document is shared beyond the school, which items still lack it (issue 16).
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { findings, priorities } from '../../db/schema/index.ts';
// The priorities a plan document carries, as the documents themselves choose them.
import { PLANNED_STATES } from './output-repository.ts';

export async function documentTexts(db: Db, cycleId: string) {
  const [planned, found] = await Promise.all([
    db
      .select({
        id: priorities.id,
        title: priorities.title,
        description: priorities.description,
        learners: priorities.learners,
        successMeasure: priorities.successMeasure,
        language: priorities.language,
        otherLanguage: priorities.otherLanguage,
      })
      .from(priorities)
      .where(and(eq(priorities.cycleId, cycleId), inArray(priorities.state, PLANNED_STATES)))
      .orderBy(asc(priorities.createdAt)),
    db
      .select({
        id: findings.id,
        title: findings.title,
        body: findings.body,
        language: findings.language,
        otherLanguage: findings.otherLanguage,
      })
      .from(findings)
      .where(eq(findings.cycleId, cycleId))
      .orderBy(asc(findings.createdAt)),
  ]);
  return { priorities: planned, findings: found };
}
