import type { Db } from '../../src/db/client.ts';
import { cycles, evidence, planActions, priorities, shares, successCriteria } from '../../src/db/schema/index.ts';
import { academicYearOf, type Audience } from '../../src/reference/reference-data.ts';

/** This school year's cycle for a school. */
export async function buildCycle(db: Db, schoolNumber: string, academicYear = academicYearOf(new Date())) {
  const [cycle] = await db.insert(cycles).values({ schoolNumber, academicYear }).returning();
  return cycle!;
}

export async function buildPriority(
  db: Db,
  cycle: { id: string; schoolNumber: string },
  values: Partial<typeof priorities.$inferInsert> = {},
) {
  const [priority] = await db
    .insert(priorities)
    .values({
      schoolNumber: cycle.schoolNumber,
      cycleId: cycle.id,
      title: 'Improve reading for eFSM learners',
      state: 'agreed',
      nifTheme: 'curriculum_teaching',
      learners: 'eFSM learners in Years 3 to 6',
      successMeasure: 'Reading ages rise',
      ...values,
    })
    .returning();
  return priority!;
}

export async function buildAction(db: Db, priorityId: string, values: Partial<typeof planActions.$inferInsert> = {}) {
  const [action] = await db
    .insert(planActions)
    .values({
      priorityId,
      description: 'Train staff in guided reading',
      owner: 'Literacy lead',
      dueOn: '2099-07-01',
      ...values,
    })
    .returning();
  return action!;
}

export async function buildCriteria(db: Db, priorityId: string, texts: string[]) {
  await db.insert(successCriteria).values(texts.map((text, position) => ({ priorityId, text, position })));
}

export async function buildEvidence(
  db: Db,
  cycle: { id: string; schoolNumber: string },
  values: Partial<typeof evidence.$inferInsert> = {},
) {
  const [item] = await db
    .insert(evidence)
    .values({
      schoolNumber: cycle.schoolNumber,
      cycleId: cycle.id,
      source: 'learning_walk',
      observedOn: '2026-10-01',
      firstHand: true,
      title: 'Learning walk: reading',
      ...values,
    })
    .returning();
  return item!;
}

export async function share(
  db: Db,
  schoolNumber: string,
  itemType: 'evidence' | 'finding' | 'priority' | 'output',
  itemId: string,
  audience: Audience,
) {
  await db.insert(shares).values({ schoolNumber, itemType, itemId, audience });
}
