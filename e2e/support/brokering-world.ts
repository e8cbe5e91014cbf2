import { eq } from 'drizzle-orm';
import type { Db } from '../../src/db/client.ts';
import { findingEvidence, findings, localAuthorities, schools, users } from '../../src/db/schema/index.ts';
import type { Role } from '../../src/policy/roles.ts';
import { buildCycle, buildEvidence, buildPriority } from '../../test/support/plan-factories.ts';
import { buildSchool } from '../../test/support/school-factories.ts';
import { dayFromToday } from './collaboration-world.ts';
import { createPerson, TEST_PASSWORD, type Person } from './people.ts';
import type { Language } from './visitor.ts';

/**
 * Support brokered between two primary schools of one LA, written in the language of the journey:
 * one school has an evidenced strength and offers it; the other asks for support with an agreed
 * priority in the same theme; the LA agrees the match, and the school that asked says what changed.
 */
export type BrokeringStory = {
  /** Each journey has an LA of its own, so its brokering page holds its own request only. */
  laCode: string;
  /** Each journey's own theme, so the other journey's offer is never suggested here. */
  theme: string;
  schools: { supporting: string; requesting: string };
  people: { supportingHead: string; requestingHead: string; officer: string };
  /** 3-year eFSM figures as typed on the profiles: within five points, so "similar eFSM". */
  efsm: { supporting: string; requesting: string };
  strength: { title: string; body: string; evidence: string };
  offer: { description: string };
  priority: string;
  need: string;
  agreement: { what: string; days: string; cost: string };
  impact: string;
};

export const BROKERING_STORIES: Record<Language, BrokeringStory> = {
  en: {
    laCode: '672',
    theme: 'curriculum_teaching',
    schools: { supporting: 'Brackla Primary School', requesting: 'Coychurch Primary School' },
    people: { supportingHead: 'Sian Morgan', requestingHead: 'David Hughes', officer: 'Helen Bevan' },
    efsm: { supporting: '21.0', requesting: '18.2' },
    strength: {
      title: 'Reasoning in mathematics in Years 3 and 4',
      body: 'Learners explain their reasoning aloud and in writing; lesson visits and work scrutiny agree.',
      evidence: 'Work scrutiny: reasoning in Year 4 mathematics books',
    },
    offer: {
      description: 'Visits to see reasoning lessons, and planning a unit together with your Year 3 and 4 teachers.',
    },
    priority: 'Improve reasoning in mathematics in Years 3 to 6',
    need: 'To see how another school teaches reasoning in mathematics, and to plan a unit together.',
    agreement: {
      what: 'Two visits to see reasoning lessons and three coaching sessions for the Year 3 and 4 teachers.',
      days: '2.5',
      cost: '450',
    },
    impact:
      'Teachers in Years 3 and 4 now plan reasoning tasks each week; learners explain their methods more fully in lessons and books.',
  },
  cy: {
    laCode: '661',
    theme: 'wellbeing_equity',
    schools: { supporting: 'Ysgol Gynradd Tan y Bryn', requesting: 'Ysgol Gynradd Glan Conwy' },
    people: { supportingHead: 'Elin Parry', requestingHead: 'Gwilym Roberts', officer: 'Rhian Pugh' },
    efsm: { supporting: '24.5', requesting: '22.0' },
    strength: {
      title: 'Llesiant dysgwyr amser cinio',
      body: 'Mae dysgwyr yn chwarae’n gydweithredol amser cinio; mae teithiau dysgu a llais y dysgwr yn cytuno.',
      evidence: 'Taith ddysgu: chwarae amser cinio',
    },
    offer: { description: 'Ymweliadau i weld amser cinio, a chynllunio gweithgareddau chwarae gyda’ch staff.' },
    priority: 'Gwella llesiant dysgwyr yn ystod amser chwarae',
    need: 'Gweld sut mae ysgol arall yn trefnu chwarae amser cinio, a chynllunio gyda’n gilydd.',
    agreement: {
      what: 'Dau ymweliad i weld amser cinio a dwy sesiwn hyfforddi i’r staff cinio.',
      days: '1.5',
      cost: '300',
    },
    impact: 'Mae llai o gwympo allan amser cinio, ac mae dysgwyr yn dweud eu bod yn teimlo’n fwy diogel ar yr iard.',
  },
};

async function named(db: Db, role: Role, scopeId: string, email: string, displayName: string): Promise<Person> {
  const person = await createPerson(db, { role, scopeId, email });
  await db.update(users).set({ displayName }).where(eq(users.id, person.id));
  return { ...person, displayName, password: TEST_PASSWORD };
}

/** A primary school of the story's LA, with its own number (the factory ignores a number already taken). */
async function schoolOfTheLa(db: Db, laCode: string, name: string) {
  for (let attempt = 0; attempt < 10; attempt++) {
    const school = await buildSchool(db, { laCode, name, sector: 'primary' });
    const [row] = await db.select({ name: schools.name }).from(schools).where(eq(schools.number, school.number));
    if (row?.name === name) return school;
  }
  throw new Error(`No free school number for ${name}`);
}

/**
 * Everything the brokering starts from: two primary schools of the LA, no profile yet. The
 * supporting school has this year's strength finding resting on one evidence item; the requesting
 * school has an agreed priority in the same theme. The people: both headteachers and an LA officer.
 */
export async function buildBrokeringWorld(db: Db, lang: Language, story: BrokeringStory) {
  const supporting = await schoolOfTheLa(db, story.laCode, story.schools.supporting);
  const requesting = await schoolOfTheLa(db, story.laCode, story.schools.requesting);
  const [la] = await db
    .select({ nameEn: localAuthorities.nameEn, nameCy: localAuthorities.nameCy })
    .from(localAuthorities)
    .where(eq(localAuthorities.code, story.laCode));

  const supportingCycle = await buildCycle(db, supporting.number);
  const evidence = await buildEvidence(db, supportingCycle, {
    title: story.strength.evidence,
    observedOn: dayFromToday(-30).iso,
    language: lang,
  });
  const [strength] = await db
    .insert(findings)
    .values({
      schoolNumber: supporting.number,
      cycleId: supportingCycle.id,
      kind: 'strength',
      title: story.strength.title,
      body: story.strength.body,
      nifTheme: story.theme,
      language: lang,
    })
    .returning();
  await db.insert(findingEvidence).values({ findingId: strength!.id, evidenceId: evidence.id });

  const requestingCycle = await buildCycle(db, requesting.number);
  const priority = await buildPriority(db, requestingCycle, {
    title: story.priority,
    nifTheme: story.theme,
    state: 'agreed',
    language: lang,
  });

  const people = {
    supportingHead: await named(
      db,
      'headteacher',
      supporting.number,
      `brokering-supporting-head-${lang}@example.test`,
      story.people.supportingHead,
    ),
    requestingHead: await named(
      db,
      'headteacher',
      requesting.number,
      `brokering-requesting-head-${lang}@example.test`,
      story.people.requestingHead,
    ),
    officer: await named(
      db,
      'la_officer',
      story.laCode,
      `brokering-officer-${lang}@example.test`,
      story.people.officer,
    ),
  };
  return {
    supporting,
    requesting,
    strength: strength!,
    priority,
    people,
    laName: lang === 'cy' ? la!.nameCy : la!.nameEn,
  };
}
export type BrokeringWorld = Awaited<ReturnType<typeof buildBrokeringWorld>>;
