import { eq } from 'drizzle-orm';
import type { Db } from '../../src/db/client.ts';
import { localAuthorities, schools, users } from '../../src/db/schema/index.ts';
import type { Role } from '../../src/policy/roles.ts';
import { buildSchool } from '../../test/support/school-factories.ts';
import { createPerson, TEST_PASSWORD, type Person } from './people.ts';
import type { Language } from './visitor.ts';

/**
 * A school causing concern, written in the language of the journey: literacy has fallen for three
 * years and the governing body has not acted on the LA's advice; the LA warns, then requires
 * collaboration with a stronger school, and the case exits once the school has recovered.
 */
export type ConcernStory = {
  /** Each journey has an LA of its own, so its register holds its own case only. */
  laCode: string;
  school: string;
  people: { officer: string; headteacher: string; practitioner: string };
  summary: string;
  notice: { reasons: string; requiredAction: string; compliancePeriodDays: number };
  intervention: { details: string };
  support: { action: string; owner: string };
  exitReason: string;
};

export const CONCERN_STORIES: Record<Language, ConcernStory> = {
  en: {
    laCode: '672',
    school: 'Coity Fields Primary School',
    people: { officer: 'Helen Bevan', headteacher: 'Mark Lewis', practitioner: 'Anna Price' },
    summary:
      'Outcomes in literacy have fallen for three years running and the governing body has not acted on the local authority’s advice.',
    notice: {
      reasons:
        'Standards of literacy are unacceptably low and the governing body has not put the agreed recovery plan into effect.',
      requiredAction:
        'Carry out the literacy recovery plan agreed with the local authority and report on it to the governing body each half term.',
      compliancePeriodDays: 28,
    },
    intervention: { details: 'The governing body must work with Brackla Primary School on the teaching of reading.' },
    support: {
      action: 'Improvement partner visits each half term to review reading in Years 3 to 6',
      owner: 'The improvement partner',
    },
    exitReason:
      'The governing body complied with the warning notice and literacy outcomes have recovered for two years.',
  },
  cy: {
    laCode: '661',
    school: 'Ysgol Gynradd Llwyn Onn',
    people: { officer: 'Rhian Pugh', headteacher: 'Gwilym Roberts', practitioner: 'Elin Parry' },
    summary:
      'Mae canlyniadau llythrennedd wedi gostwng ers tair blynedd ac nid yw’r corff llywodraethu wedi gweithredu ar gyngor yr awdurdod lleol.',
    notice: {
      reasons:
        'Mae safonau llythrennedd yn annerbyniol o isel ac nid yw’r corff llywodraethu wedi rhoi’r cynllun adfer y cytunwyd arno ar waith.',
      requiredAction:
        'Rhoi’r cynllun adfer llythrennedd y cytunwyd arno gyda’r awdurdod lleol ar waith, ac adrodd arno i’r corff llywodraethu bob hanner tymor.',
      compliancePeriodDays: 28,
    },
    intervention: {
      details: 'Rhaid i’r corff llywodraethu gydweithio ag Ysgol Gynradd Tan y Bryn ar addysgu darllen.',
    },
    support: {
      action: 'Y partner gwella yn ymweld bob hanner tymor i adolygu darllen ym Mlynyddoedd 3 i 6',
      owner: 'Y partner gwella',
    },
    exitReason:
      'Cydymffurfiodd y corff llywodraethu â’r hysbysiad rhybuddio ac mae canlyniadau llythrennedd wedi gwella ers dwy flynedd.',
  },
};

async function named(db: Db, role: Role, scopeId: string, email: string, displayName: string): Promise<Person> {
  const person = await createPerson(db, { role, scopeId, email });
  await db.update(users).set({ displayName }).where(eq(users.id, person.id));
  return { ...person, displayName, password: TEST_PASSWORD };
}

/** A school of the story's LA, with its own number (the factory ignores a number already taken). */
async function schoolOfTheLa(db: Db, laCode: string, name: string) {
  for (let attempt = 0; attempt < 10; attempt++) {
    const school = await buildSchool(db, { laCode, name });
    const [row] = await db.select({ name: schools.name }).from(schools).where(eq(schools.number, school.number));
    if (row?.name === name) return school;
  }
  throw new Error(`No free school number for ${name}`);
}

/**
 * Everything a case starts from: a school of the LA, and the people: an officer of the LA, the
 * school's headteacher (who may read the case) and a practitioner of the school (who may not).
 */
export async function buildConcernWorld(db: Db, lang: Language, story: ConcernStory) {
  const school = await schoolOfTheLa(db, story.laCode, story.school);
  const [la] = await db
    .select({ nameEn: localAuthorities.nameEn, nameCy: localAuthorities.nameCy })
    .from(localAuthorities)
    .where(eq(localAuthorities.code, story.laCode));
  const people = {
    officer: await named(db, 'la_officer', story.laCode, `concern-officer-${lang}@example.test`, story.people.officer),
    headteacher: await named(
      db,
      'headteacher',
      school.number,
      `concern-head-${lang}@example.test`,
      story.people.headteacher,
    ),
    practitioner: await named(
      db,
      'practitioner',
      school.number,
      `concern-practitioner-${lang}@example.test`,
      story.people.practitioner,
    ),
  };
  return { school, laName: lang === 'cy' ? la!.nameCy : la!.nameEn, people };
}
export type ConcernWorld = Awaited<ReturnType<typeof buildConcernWorld>>;
