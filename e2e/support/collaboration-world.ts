import { eq } from 'drizzle-orm';
import type { Db } from '../../src/db/client.ts';
import {
  developmentPlans,
  findings,
  progressionSessions,
  progressionSessionSchools,
  shares,
  users,
} from '../../src/db/schema/index.ts';
import type { Role } from '../../src/policy/roles.ts';
import { academicYearOf } from '../../src/reference/reference-data.ts';
import { buildCollaborative, buildFacilitator } from '../../test/support/collaboration-factories.ts';
import { buildCycle, buildEvidence, buildPriority } from '../../test/support/plan-factories.ts';
import type { EnquiryStory, SpaceStory } from './collaboration-stories.ts';
import { createPerson, TEST_PASSWORD, type Person } from './people.ts';
import { createSchool, type TestSchool } from './schools.ts';
import type { Language } from './visitor.ts';

/** A day some days from today in Wales, as ISO text and as the three boxes of a date. */
export function dayFromToday(offsetDays = 0) {
  const iso = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(
    new Date(Date.now() + offsetDays * 86_400_000),
  );
  const [year, month, day] = iso.split('-').map(Number);
  return { iso, parts: { day: day!, month: month!, year: year! } };
}

/** Gives a person the name the pages will show them by. */
async function named(db: Db, person: { id: string; email: string }, displayName: string): Promise<Person> {
  await db.update(users).set({ displayName }).where(eq(users.id, person.id));
  return { id: person.id, email: person.email, displayName, password: TEST_PASSWORD };
}

const person = async (db: Db, role: Role, scopeId: string, email: string, name: string) =>
  named(db, await createPerson(db, { role, scopeId, email }), name);

/**
 * Everything an enquiry starts from: a host and a partner school in one collaborative, the host's
 * current cycle (an evidence item, the finding the question comes from, an agreed priority of its
 * started plan), and the people: the host's headteacher, the collaborative's lead, its LA
 * facilitator and a practitioner of the partner school.
 */
export async function buildEnquiryWorld(db: Db, lang: Language, story: EnquiryStory) {
  const host = await createSchool(db, story.host);
  const partner = await createSchool(db, story.partner);
  const collaborative = await buildCollaborative(db, { members: [host, partner], ...story.collaborative });
  const people = {
    headteacher: await person(
      db,
      'headteacher',
      host.number,
      `enquiry-head-${lang}@example.test`,
      story.people.headteacher,
    ),
    lead: await person(
      db,
      'collaborative_lead',
      collaborative.id,
      `enquiry-lead-${lang}@example.test`,
      story.people.lead,
    ),
    facilitator: await named(db, await buildFacilitator(db, collaborative.id, host.laCode), story.people.facilitator),
    reviewer: await person(
      db,
      'practitioner',
      partner.number,
      `enquiry-reviewer-${lang}@example.test`,
      story.people.reviewer,
    ),
  };
  const cycle = await buildCycle(db, host.number);
  const evidence = await buildEvidence(db, cycle, {
    ...story.evidence,
    source: 'learners_work',
    observedOn: dayFromToday(-20).iso,
    curated: true,
    language: lang,
  });
  const [finding] = await db
    .insert(findings)
    .values({
      schoolNumber: host.number,
      cycleId: cycle.id,
      kind: 'area_for_development',
      ...story.finding,
      nifTheme: 'curriculum_teaching',
      language: lang,
    })
    .returning();
  const priority = await buildPriority(db, cycle, {
    title: story.priority,
    learners: '',
    successMeasure: '',
    language: lang,
  });
  await db
    .insert(developmentPlans)
    .values({ schoolNumber: host.number, firstYear: academicYearOf(new Date()), language: lang });
  return { host, partner, collaborative, people, evidence, finding: finding!, priority };
}
export type EnquiryWorld = Awaited<ReturnType<typeof buildEnquiryWorld>>;

/**
 * A collaborative of three schools for a member to look round: each has shared an agreed priority
 * with it (two on the same theme), and two of them held a session on progression this morning.
 */
export async function buildSpaceWorld(db: Db, lang: Language, story: SpaceStory) {
  const own = await createSchool(db, story.schools.own);
  const partner = await createSchool(db, story.schools.partner);
  const third = await createSchool(db, story.schools.third);
  const collaborative = await buildCollaborative(db, { members: [own, partner, third], ...story.collaborative });
  const member = await person(db, 'headteacher', own.number, `space-head-${lang}@example.test`, story.member);
  const sharePriority = async (school: TestSchool, title: string, nifTheme: string) => {
    const priority = await buildPriority(db, await buildCycle(db, school.number), {
      title,
      nifTheme,
      learners: '',
      successMeasure: '',
      language: lang,
    });
    await db.insert(shares).values({
      itemType: 'priority',
      itemId: priority.id,
      schoolNumber: school.number,
      audience: 'collaborative',
      audienceId: collaborative.id,
    });
    return priority;
  };
  await sharePriority(own, story.priorities.own, 'curriculum_teaching');
  await sharePriority(partner, story.priorities.partner, 'curriculum_teaching');
  await sharePriority(third, story.priorities.third, 'wellbeing_equity');
  const [session] = await db
    .insert(progressionSessions)
    .values({
      collaborativeId: collaborative.id,
      heldOn: dayFromToday().iso,
      area: 'languages_literacy',
      progressionStep: 3,
      ...story.session,
      language: lang,
    })
    .returning();
  await db
    .insert(progressionSessionSchools)
    .values([own, third].map((s) => ({ sessionId: session!.id, schoolNumber: s.number })));
  return { schools: { own, partner, third }, collaborative, member, session: session! };
}
export type SpaceWorld = Awaited<ReturnType<typeof buildSpaceWorld>>;
