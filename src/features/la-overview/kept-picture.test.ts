// An LA's consolidated picture kept between changes (issue 19): whatever schools share, withdraw
// or rethink, and whoever joins or facilitates a collaborative, the picture counted "now" equals a
// fresh count; a page straight after a change is served the last count; and a change in another
// LA leaves this LA's count as it is.
import { and, eq } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCollaborative, buildFacilitator } from '../../../test/support/collaboration-factories.ts';
import { buildUser } from '../../../test/support/factories.ts';
import { buildCycle, buildPriority, share } from '../../../test/support/plan-factories.ts';
import { buildSchool } from '../../../test/support/school-factories.ts';
import { createTestDatabase } from '../../../test/support/test-database.ts';
import type { Database, Db } from '../../db/client.ts';
import { collaborativeFacilitators, collaborativeMembers, priorities, shares } from '../../db/schema/index.ts';
import { academicYearOf } from '../../reference/reference-data.ts';
import { DIMENSIONS, laPictureVersion, pictureCounts } from './local-priorities-repository.ts';
import { currentPictureCounts, keptPictureCounts } from './picture-service.ts';

const LA = '660';
const OTHER = '661';
const year = academicYearOf(new Date());
let database: Database;
let db: Db;
const priorityIds: { id: string; school: string }[] = [];
let schoolNumbers: string[] = [];
let collaborativeId = '';
let facilitatorId = '';

const operationArb = fc.oneof(
  fc.record({
    kind: fc.constant('share' as const),
    p: fc.nat(),
    audience: fc.constantFrom('la', 'collaborative', 'national'),
  }),
  fc.record({ kind: fc.constant('withdraw' as const), p: fc.nat() }),
  fc.record({
    kind: fc.constant('theme' as const),
    p: fc.nat(),
    theme: fc.constantFrom('vision_leadership', 'wellbeing_equity', null),
  }),
  fc.record({
    kind: fc.constant('state' as const),
    p: fc.nat(),
    state: fc.constantFrom('draft', 'agreed', 'in_progress'),
  }),
  fc.record({ kind: fc.constant('nps' as const), p: fc.nat(), nps: fc.subarray(['attendance', 'literacy']) }),
  fc.record({ kind: fc.constant('join' as const), s: fc.nat() }),
  fc.record({ kind: fc.constant('leave' as const), s: fc.nat() }),
  fc.record({ kind: fc.constant('facilitate' as const), on: fc.boolean() }),
);
type Operation = typeof operationArb extends fc.Arbitrary<infer T> ? T : never;

async function apply(op: Operation) {
  const pick = <T>(list: T[], i: number) => list[i % list.length]!;
  if (op.kind === 'share') {
    const p = pick(priorityIds, op.p);
    await db
      .insert(shares)
      .values({
        itemType: 'priority',
        itemId: p.id,
        schoolNumber: p.school,
        audience: op.audience,
        audienceId: op.audience === 'collaborative' ? collaborativeId : '',
      })
      .onConflictDoNothing();
  } else if (op.kind === 'withdraw') {
    await db.delete(shares).where(and(eq(shares.itemType, 'priority'), eq(shares.itemId, pick(priorityIds, op.p).id)));
  } else if (op.kind === 'theme') {
    await db
      .update(priorities)
      .set({ nifTheme: op.theme })
      .where(eq(priorities.id, pick(priorityIds, op.p).id));
  } else if (op.kind === 'state') {
    await db
      .update(priorities)
      .set({ state: op.state })
      .where(eq(priorities.id, pick(priorityIds, op.p).id));
  } else if (op.kind === 'nps') {
    await db
      .update(priorities)
      .set({ nationalPriorities: op.nps })
      .where(eq(priorities.id, pick(priorityIds, op.p).id));
  } else if (op.kind === 'join') {
    await db
      .insert(collaborativeMembers)
      .values({ collaborativeId, schoolNumber: pick(schoolNumbers, op.s) })
      .onConflictDoNothing();
  } else if (op.kind === 'leave') {
    await db
      .delete(collaborativeMembers)
      .where(
        and(
          eq(collaborativeMembers.collaborativeId, collaborativeId),
          eq(collaborativeMembers.schoolNumber, pick(schoolNumbers, op.s)),
        ),
      );
  } else if (op.on) {
    await db.insert(collaborativeFacilitators).values({ collaborativeId, userId: facilitatorId }).onConflictDoNothing();
  } else {
    await db.delete(collaborativeFacilitators).where(eq(collaborativeFacilitators.userId, facilitatorId));
  }
}

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  await buildUser(db, { role: 'la_officer', scopeId: LA });
  const built = [];
  // Schools of this LA and of the other one: the collaborative, run by the other LA, mixes both.
  for (let i = 0; i < 6; i++) built.push(await buildSchool(db, { laCode: i < 4 ? LA : OTHER }));
  schoolNumbers = built.map((s) => s.number);
  for (const school of built) {
    const cycle = await buildCycle(db, school.number, year);
    for (const nifTheme of ['curriculum_teaching', 'wellbeing_equity']) {
      const p = await buildPriority(db, cycle, { nifTheme, nationalPriorities: ['literacy'] });
      priorityIds.push({ id: p.id, school: school.number });
    }
  }
  const collaborative = await buildCollaborative(db, { laCode: OTHER, members: [built[0]!, built[4]!] });
  collaborativeId = collaborative.id;
  facilitatorId = (await buildFacilitator(db, collaborativeId, LA)).id;
}, 120_000);
afterAll(() => database.close());

describe("an LA's picture kept between changes", () => {
  it('counts now what a fresh count gives, whatever changes and in whatever order', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(operationArb, { minLength: 1, maxLength: 10 }), async (operations) => {
        for (const dimension of DIMENSIONS) await currentPictureCounts(db, LA, year, dimension);
        for (const op of operations) await apply(op);
        for (const dimension of DIMENSIONS)
          expect(await currentPictureCounts(db, LA, year, dimension)).toEqual(
            await pictureCounts(db, LA, year, dimension),
          );
      }),
      { numRuns: 20 },
    );
  }, 120_000);

  it('serves the last count straight after a change, and is untouched by a change in another LA', async () => {
    const own = priorityIds.find((p) => schoolNumbers.indexOf(p.school) === 1)!;
    const elsewhere = priorityIds.find((p) => schoolNumbers.indexOf(p.school) === 5)!;
    await db.delete(shares).where(eq(shares.itemId, own.id));
    await db.update(priorities).set({ state: 'agreed' }).where(eq(priorities.id, own.id));
    // The property above may have shared the other LA's priority already, or made its school a member
    // of the collaborative that crosses into this LA, whose every change marks each LA's picture.
    await db.delete(collaborativeMembers).where(eq(collaborativeMembers.schoolNumber, elsewhere.school));
    await db.delete(shares).where(eq(shares.itemId, elsewhere.id));
    const before = await currentPictureCounts(db, LA, year, 'national');

    const version = await laPictureVersion(db, LA);
    await share(db, elsewhere.school, 'priority', elsewhere.id, 'la'); // the other LA's own share
    expect(await laPictureVersion(db, LA)).toBe(version);
    expect(await keptPictureCounts(db, LA, year, 'national')).toBe(before);

    await share(db, own.school, 'priority', own.id, 'la');
    expect(await keptPictureCounts(db, LA, year, 'national')).toBe(before); // not kept waiting
    const after = await currentPictureCounts(db, LA, year, 'national');
    expect(after).toEqual(await pictureCounts(db, LA, year, 'national'));
    expect(after.find((c) => c.level === 'all')!.priorities).toBe(
      before.find((c) => c.level === 'all')!.priorities + 1,
    );
    expect(await keptPictureCounts(db, LA, year, 'national')).toBe(after);
  }, 60_000);
});
