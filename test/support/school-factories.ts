import type { Db } from '../../src/db/client.ts';
import { governingBodies, schools } from '../../src/db/schema/index.ts';
import { searchKey } from '../../src/lib/search-text.ts';
import { buildUser, type TestUser } from './factories.ts';

// Numbers 8000-9998 are unused by the real list. Each process starts at a random point (journeys of
// different files may share a server's database) and then counts up, so one process never repeats.
let sequence = Math.floor(Math.random() * 1999);

/**
 * A school of its own (with its governing body), as the directory import would create it. A test
 * that must be the same on every run (the scope walker's world) names the number itself.
 */
export async function buildSchool(db: Db, options: { laCode?: string; sector?: string; name?: string; number?: string } = {}) {
  sequence = (sequence + 1) % 1999;
  const laCode = options.laCode ?? '681';
  const number = options.number ?? `${laCode}${8000 + sequence}`;
  const name = options.name ?? `Test School ${number}`;
  await db.insert(governingBodies).values({ id: `GB${number}`, name }).onConflictDoNothing();
  await db.insert(schools).values({ number, name, laCode, sector: options.sector ?? 'primary', governingBodyId: `GB${number}`, searchText: searchKey(`${name} ${number}`) }).onConflictDoNothing();
  return { number, name, laCode, governingBodyId: `GB${number}` };
}

export type SchoolPeople = { headteacher: TestUser; leader: TestUser; practitioner: TestUser; governor: TestUser; laOfficer: TestUser; otherHeadteacher: TestUser; otherLaOfficer: TestUser; otherGovernor: TestUser };

/** Everyone with a relationship to a school, plus people of another school and LA who have none. */
export async function buildSchoolPeople(db: Db, school: { number: string; laCode: string; governingBodyId: string }): Promise<SchoolPeople> {
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
