// Records of an LA's and Welsh Government's own work, inserted as the features would leave them:
// planning rounds and LA plans, concern cases, case studies.
import type { Db } from '../../src/db/client.ts';
import { caseStudies, concernCases, laPlans, planningRounds } from '../../src/db/schema/index.ts';

/** A planning round WG has opened (no template sections: add them where a test needs them). */
export async function buildRound(db: Db, options: { titleEn?: string; deadline?: string } = {}) {
  const titleEn = options.titleEn ?? 'LA plans 2026';
  const [round] = await db
    .insert(planningRounds)
    .values({ titleEn, titleCy: `Cynlluniau ALl: ${titleEn}`, deadline: options.deadline ?? '2026-10-31' })
    .returning();
  return round!;
}

/** An LA's plan in a round, standing in a state (draft, submitted, in_discussion, final). */
export async function buildLaPlan(
  db: Db,
  options: { roundId: string; laCode: string; state?: string; sharedWithLas?: boolean },
) {
  const state = options.state ?? 'draft';
  const [plan] = await db
    .insert(laPlans)
    .values({
      roundId: options.roundId,
      laCode: options.laCode,
      state,
      sharedWithLas: options.sharedWithLas ?? false,
      submittedAt: state === 'draft' ? null : new Date('2026-10-20T12:00:00Z'),
      finalAt: state === 'final' ? new Date('2026-11-20T12:00:00Z') : null,
    })
    .returning();
  return plan!;
}

/** An open concern case on a school, as an officer of its LA would have opened it. */
export async function buildConcernCase(db: Db, options: { schoolNumber: string; laCode: string; createdBy?: string }) {
  const [row] = await db
    .insert(concernCases)
    .values({
      schoolNumber: options.schoolNumber,
      laCode: options.laCode,
      source: 'la_intelligence',
      grounds: ['standards'],
      summary: 'Standards fell sharply.',
      openedOn: '2026-01-12',
      createdBy: options.createdBy ?? null,
    })
    .returning();
  return row!;
}

/** A case study of a school or an LA, draft or published. */
export async function buildCaseStudy(
  db: Db,
  options: ({ schoolNumber: string } | { laCode: string }) & { status?: 'draft' | 'published'; title?: string },
) {
  const status = options.status ?? 'draft';
  const [row] = await db
    .insert(caseStudies)
    .values({
      ...('schoolNumber' in options ? { schoolNumber: options.schoolNumber } : { laCode: options.laCode }),
      title: options.title ?? `Reading for pleasure (${status})`,
      summary: 'Whole-school reading time.',
      status,
      publishedAt: status === 'published' ? new Date('2026-02-01T12:00:00Z') : null,
    })
    .returning();
  return row!;
}
