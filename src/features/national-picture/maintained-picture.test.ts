// The national picture kept up to date by the database's triggers (issue 19): whatever schools
// share, withdraw, rethink or reorganise, the kept summary equals a count from the records
// themselves, a request after a change is served the last complete picture without waiting, and
// the refreshed picture has the same figures, hidden the same way, as one built from scratch.
import { and, eq, inArray, sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCollaborative } from '../../../test/support/collaboration-factories.ts';
import { buildCycle, buildPriority, share } from '../../../test/support/plan-factories.ts';
import { buildSchool } from '../../../test/support/school-factories.ts';
import { createTestDatabase } from '../../../test/support/test-database.ts';
import type { Database, Db } from '../../db/client.ts';
import { collaborativeMembers, collaboratives, priorities, schools, shares } from '../../db/schema/index.ts';
import type { JobDeps } from '../../jobs/job-deps.ts';
import { jobDefinition } from '../../jobs/job-table.ts';
import { systemClock } from '../../lib/clock.ts';
import { academicYearOf } from '../../reference/reference-data.ts';
import { ALL, buildPicture, cubeKey, type SchoolGroup } from './picture-cube.ts';
import { countedSchoolGroups } from './picture-repository.ts';
import { buildNationalPicture, loadNationalPicture, refreshNationalPicture } from './picture-service.ts';

let database: Database;
let db: Db;
const year = academicYearOf(new Date());
const LAS = ['660', '661'];
let schoolNumbers: string[] = [];
const priorityIds: { id: string; school: string }[] = [];
let collaborativeIds: string[] = [];

/** The picture's rule counted from the records themselves, as the picture was built before issue 19. */
async function referenceGroups(): Promise<SchoolGroup[]> {
  const result = (await db.execute(sql`
    with counted as (
      select p.school_number, cy.academic_year as year, coalesce(p.nif_theme, 'none') as theme, p.national_priorities as nps
      from shares sh join priorities p on p.id = sh.item_id::uuid join cycles cy on cy.id = p.cycle_id
      where sh.item_type = 'priority' and sh.audience in ('national', 'public') and p.state <> 'draft'),
    per_school as (
      select c.school_number, c.year, array_agg(distinct c.theme order by c.theme) as themes,
        coalesce(array_agg(distinct n.code order by n.code) filter (where n.code is not null), '{}') as nps
      from counted c left join lateral unnest(c.nps) as n(code) on true group by c.school_number, c.year)
    select ps.year, s.la_code as la, s.sector as phase, ps.themes, ps.nps, coalesce(m.ids, '{}') as collaboratives, count(*)::int as schools
    from per_school ps join schools s on s.number = ps.school_number
    left join lateral (
      select array_agg(cm.collaborative_id::text order by cm.collaborative_id) as ids
      from collaborative_members cm join collaboratives co on co.id = cm.collaborative_id
      where cm.school_number = ps.school_number and co.status <> 'closed') m on true
    group by ps.year, s.la_code, s.sector, ps.themes, ps.nps, m.ids`)) as unknown as { rows: SchoolGroup[] };
  return result.rows.map((r) => ({ ...r, year: Number(r.year), schools: Number(r.schools) }));
}
const sorted = (groups: SchoolGroup[]) => groups.map((g) => JSON.stringify(g)).sort();

const THEMES = ['vision_leadership', 'curriculum_teaching', 'wellbeing_equity', null] as const;
const NPS = ['attendance', 'literacy', 'numeracy'];
const operationArb = fc.oneof(
  fc.record({
    kind: fc.constant('share' as const),
    p: fc.nat(),
    audience: fc.constantFrom('national', 'public', 'la'),
  }),
  fc.record({ kind: fc.constant('withdraw' as const), p: fc.nat() }),
  fc.record({ kind: fc.constant('theme' as const), p: fc.nat(), theme: fc.constantFrom(...THEMES) }),
  fc.record({
    kind: fc.constant('state' as const),
    p: fc.nat(),
    state: fc.constantFrom('draft', 'agreed', 'reviewed'),
  }),
  fc.record({ kind: fc.constant('nps' as const), p: fc.nat(), nps: fc.subarray(NPS) }),
  fc.record({ kind: fc.constant('join' as const), s: fc.nat(), c: fc.nat() }),
  fc.record({ kind: fc.constant('leave' as const), s: fc.nat(), c: fc.nat() }),
  fc.record({ kind: fc.constant('status' as const), c: fc.nat(), status: fc.constantFrom('active', 'closed') }),
  fc.record({ kind: fc.constant('sector' as const), s: fc.nat(), sector: fc.constantFrom('primary', 'secondary') }),
);
type Operation = typeof operationArb extends fc.Arbitrary<infer T> ? T : never;

async function apply(op: Operation) {
  const pick = <T>(list: T[], i: number) => list[i % list.length]!;
  if (op.kind === 'share') {
    const p = pick(priorityIds, op.p);
    await db
      .insert(shares)
      .values({ itemType: 'priority', itemId: p.id, schoolNumber: p.school, audience: op.audience })
      .onConflictDoNothing();
  } else if (op.kind === 'withdraw') {
    const p = pick(priorityIds, op.p);
    await db.delete(shares).where(and(eq(shares.itemType, 'priority'), eq(shares.itemId, p.id)));
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
      .values({ collaborativeId: pick(collaborativeIds, op.c), schoolNumber: pick(schoolNumbers, op.s) })
      .onConflictDoNothing();
  } else if (op.kind === 'leave') {
    await db
      .delete(collaborativeMembers)
      .where(
        and(
          eq(collaborativeMembers.collaborativeId, pick(collaborativeIds, op.c)),
          eq(collaborativeMembers.schoolNumber, pick(schoolNumbers, op.s)),
        ),
      );
  } else if (op.kind === 'status') {
    await db
      .update(collaboratives)
      .set({ status: op.status })
      .where(eq(collaboratives.id, pick(collaborativeIds, op.c)));
  } else {
    await db
      .update(schools)
      .set({ sector: op.sector })
      .where(eq(schools.number, pick(schoolNumbers, op.s)));
  }
}

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  const built = [];
  for (let i = 0; i < 12; i++) built.push(await buildSchool(db, { laCode: LAS[i % 2]!, sector: 'primary' }));
  schoolNumbers = built.map((s) => s.number);
  for (const school of built) {
    const cycle = await buildCycle(db, school.number, year);
    for (const nifTheme of ['curriculum_teaching', 'wellbeing_equity']) {
      const p = await buildPriority(db, cycle, { nifTheme, nationalPriorities: ['literacy'] });
      priorityIds.push({ id: p.id, school: school.number });
    }
  }
  const first = await buildCollaborative(db, {
    laCode: '660',
    members: built.filter((_, i) => i % 2 === 0).slice(0, 3),
  });
  const second = await buildCollaborative(db, {
    laCode: '661',
    members: built.filter((_, i) => i % 2 === 1).slice(0, 2),
  });
  collaborativeIds = [first.id, second.id];
}, 120_000);
afterAll(() => database.close());

describe('the national picture kept up to date as things change', () => {
  it('keeps a summary equal to a count from the records, whatever changes and in whatever order', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(operationArb, { minLength: 1, maxLength: 12 }), async (operations) => {
        for (const op of operations) await apply(op);
        expect(sorted(await countedSchoolGroups(db))).toEqual(sorted(await referenceGroups()));
      }),
      { numRuns: 25 },
    );
  }, 120_000);

  it('serves the last complete picture straight after a change, then the same figures as a build from scratch', async () => {
    // Six schools of one LA and five of the other share nationally (collaboratives closed, one phase).
    await db.delete(shares).where(
      inArray(
        shares.itemId,
        priorityIds.map((p) => p.id),
      ),
    );
    await db.update(priorities).set({ state: 'agreed', nifTheme: 'curriculum_teaching' });
    await db.update(collaboratives).set({ status: 'closed' });
    await db.update(schools).set({ sector: 'primary' }).where(inArray(schools.number, schoolNumbers));
    const firsts = priorityIds.filter((_, i) => i % 2 === 0);
    const sharing = firsts.filter((p) => schoolNumbers.indexOf(p.school) % 2 === 0);
    for (const p of sharing) await share(db, p.school, 'priority', p.id, 'national');
    for (const p of firsts.filter((p) => schoolNumbers.indexOf(p.school) % 2 === 1).slice(0, 5))
      await share(db, p.school, 'priority', p.id, 'public');

    const before = await refreshNationalPicture(db, year, new Date());
    const la = (code: string) => cubeKey({ year, la: code, phase: ALL, theme: ALL, np: ALL });
    expect(before.picture.figure(la('660'))).toBe(6);
    expect(before.picture.figure(la('661'))).toBe(5);

    // A school withdraws its national share: the next request is not kept waiting for the rebuild.
    await db.delete(shares).where(eq(shares.itemId, sharing[0]!.id));
    expect(await loadNationalPicture(db, year, new Date())).toBe(before);

    const after = await refreshNationalPicture(db, year, new Date());
    expect(after).not.toBe(before);
    expect(await loadNationalPicture(db, year, new Date())).toBe(after);
    expect(after.picture.figure(la('660'))).toBe(5);
    const scratch = buildPicture(await referenceGroups(), after.picture.dimensions);
    expect(after.picture.keys).toEqual(scratch.keys);
    expect(after.picture.keys.map((k) => after.picture.figure(k))).toEqual(scratch.keys.map((k) => scratch.figure(k)));
    const fresh = await buildNationalPicture(db, year, new Date());
    expect(fresh.picture.keys.map((k) => fresh.picture.figure(k))).toEqual(
      after.picture.keys.map((k) => after.picture.figure(k)),
    );

    // One more withdrawal takes the LA below five: hidden, and so is the other LA, which would give it away.
    await db.delete(shares).where(eq(shares.itemId, sharing[1]!.id));
    const hidden = await refreshNationalPicture(db, year, new Date());
    expect(hidden.picture.figure(la('660'))).toBeNull();
    expect(hidden.picture.figure(la('661'))).toBeNull();
    expect(hidden.picture.figure(la(ALL))).toBe(9);

    // The job that keeps it warm builds the new picture after a change, so the next page has it.
    await share(db, sharing[1]!.school, 'priority', sharing[1]!.id, 'national');
    const job = jobDefinition('refresh-national-picture');
    await job.handler({ database, clock: systemClock } as unknown as JobDeps, {}, { id: 'test', progress: () => {} });
    const warmed = await loadNationalPicture(db, year, new Date());
    expect(warmed).not.toBe(hidden);
    expect(warmed.picture.figure(la('660'))).toBe(5);
  }, 60_000);
});
