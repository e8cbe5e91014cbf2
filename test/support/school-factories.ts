import { sql } from 'drizzle-orm';
import type { Db } from '../../src/db/client.ts';
import { governingBodies, schools } from '../../src/db/schema/index.ts';
import { searchKey } from '../../src/lib/search-text.ts';
import { buildUser, nextInSequence, type TestUser } from './factories.ts';

// Numbers ending 8000-9998 are unused by the real list. The next free one is read from the
// database, so numbers are the same on every run and never repeat in one database, even when
// several files share it (the browser journeys share their server's).
const FIRST = 8000;
const LAST = 9998;

/**
 * A school of its own (with its governing body), as the directory import would create it. A test
 * that must be the same on every run (the scope walker's world) names the number itself.
 */
export async function buildSchool(
  db: Db,
  options: { laCode?: string; sector?: string; name?: string; number?: string } = {},
) {
  const laCode = options.laCode ?? '681';
  const insert = async (tx: Db, number: string) => {
    const name = options.name ?? `Test School ${number}`;
    await tx.insert(governingBodies).values({ id: `GB${number}`, name });
    await tx.insert(schools).values({
      number,
      name,
      laCode,
      sector: options.sector ?? 'primary',
      governingBodyId: `GB${number}`,
      searchText: searchKey(`${name} ${number}`),
    });
    return { number, name, laCode, governingBodyId: `GB${number}` };
  };
  if (options.number) return insert(db, options.number);
  return nextInSequence(db, async (tx) => {
    const result = (await tx.execute(sql`
      select coalesce(max(right(number, 4)::int), ${FIRST - 1})::int + 1 as next from schools
      where number like ${`${laCode}____`} and right(number, 4) between ${String(FIRST)} and ${String(LAST)}`)) as unknown as {
      rows: { next: number }[];
    };
    const next = result.rows[0]!.next;
    if (next > LAST) throw new Error(`No test school numbers left in LA ${laCode}`);
    return insert(tx, `${laCode}${next}`);
  });
}

export type SchoolPeople = {
  headteacher: TestUser;
  leader: TestUser;
  practitioner: TestUser;
  governor: TestUser;
  laOfficer: TestUser;
  otherHeadteacher: TestUser;
  otherLaOfficer: TestUser;
  otherGovernor: TestUser;
};

/** Everyone with a relationship to a school, plus people of another school and LA who have none. */
export async function buildSchoolPeople(
  db: Db,
  school: { number: string; laCode: string; governingBodyId: string },
): Promise<SchoolPeople> {
  const other = await buildSchool(db, { laCode: school.laCode === '660' ? '661' : '660' });
  return {
    headteacher: await buildUser(db, { role: 'headteacher', scopeId: school.number }),
    leader: await buildUser(db, { role: 'school_leader', scopeId: school.number }),
    practitioner: await buildUser(db, { role: 'practitioner', scopeId: school.number }),
    governor: await buildUser(db, { role: 'governor', scopeId: school.governingBodyId }),
    laOfficer: await buildUser(db, { role: 'la_officer', scopeId: school.laCode }),
    otherHeadteacher: await buildUser(db, { role: 'headteacher', scopeId: other.number }),
    otherLaOfficer: await buildUser(db, { role: 'la_officer', scopeId: other.laCode }),
    otherGovernor: await buildUser(db, { role: 'governor', scopeId: other.governingBodyId }),
  };
}
