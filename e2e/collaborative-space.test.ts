import { expect } from 'vitest';
import { formatDate } from '../src/lib/dates.ts';
import { journeyTest } from './support/journey.ts';
import { LANGUAGES, type Language, type Visitor } from './support/visitor.ts';
import { signInAt } from './support/sign-in.ts';
import { SPACE_STORIES, type SpaceStory } from './support/collaboration-stories.ts';
import { buildSpaceWorld, dayFromToday, type SpaceWorld } from './support/collaboration-world.ts';
import {
  CommonGroundPage,
  MeetingsPage,
  OverviewPage,
  ProgressionPage,
  ReciprocityPage,
  type CollaborativeSection,
} from './pages/collaborative-pages.ts';

type Scene = { lang: Language; story: SpaceStory; world: SpaceWorld; name: string };

const SECTIONS: CollaborativeSection[] = [
  'overview',
  'common-ground',
  'shared',
  'meetings',
  'progression',
  'enquiries',
  'slo-survey',
  'reciprocity',
];

/** The overview: the collaborative's name, its members, every section of the space offered. */
async function memberOpensTheOverview(member: Visitor, { story, name }: Scene): Promise<OverviewPage> {
  const overview = new OverviewPage(member);
  await overview.expectShown(name);
  expect(await overview.sectionLinks()).toEqual({
    names: SECTIONS.map((s) => member.t(`collaboration.nav.${s}`)),
    current: member.t('collaboration.nav.overview'),
  });
  expect((await overview.members(3)).sort()).toEqual(Object.values(story.schools).sort());
  expect(await overview.nextMeetings()).toEqual([]);
  return overview;
}

/** The common ground: the theme two members share, the one only one has; a partner's priority, read only. */
async function memberReadsTheCommonGround(overview: OverviewPage, { story }: Scene): Promise<void> {
  const member = overview.visitor;
  await overview.goToSection('common-ground');
  const ground = new CommonGroundPage(member);
  await ground.expectShown();
  expect((await ground.sectionLinks()).current).toBe(member.t('collaboration.nav.common-ground'));
  const schoolCount = (count: number) => member.t('collaborativeSpace.ground.schoolCount', { count });
  expect(await ground.groups('collaborativeSpace.ground.sharedHeading')).toEqual([
    {
      theme: member.t('reference.nifTheme.curriculum_teaching'),
      count: schoolCount(2),
      schools: { [story.schools.own]: [story.priorities.own], [story.schools.partner]: [story.priorities.partner] },
    },
  ]);
  expect(await ground.groups('collaborativeSpace.ground.singleHeading')).toEqual([
    {
      theme: member.t('reference.nifTheme.wellbeing_equity'),
      count: schoolCount(1),
      schools: { [story.schools.third]: [story.priorities.third] },
    },
  ]);

  const item = await ground.openPriority(story.priorities.partner);
  await item.expectShown(story.priorities.partner);
  expect(await item.itemCaption()).toBe(`${member.t('collaborativeSpace.types.priority')} · ${story.schools.partner}`);
  expect(await item.sharedBy()).toContain(member.t('collaborativeSpace.item.readOnly'));
  expect(await item.summaryList()).toMatchObject({
    [member.t('collaborativeSpace.item.state')]: member.t('reference.priorityState.agreed'),
    [member.t('collaborativeSpace.item.theme')]: member.t('reference.nifTheme.curriculum_teaching'),
  });
  // Shared items are filed under "Shared by members".
  expect((await item.sectionLinks()).current).toBe(member.t('collaboration.nav.shared'));
}

/** The member records today's cluster meeting, then an action agreed at it. */
async function memberRecordsAMeeting(member: Visitor, { lang, story }: Scene): Promise<void> {
  const overview = new OverviewPage(member);
  await overview.goToSection('meetings');
  const meetings = new MeetingsPage(member);
  await meetings.expectShown();
  expect(await meetings.upcomingText()).toBe(member.t('meetings.list.noUpcoming'));

  const form = await meetings.addMeeting();
  await form.expectShown();
  const today = dayFromToday();
  const meeting = await form.save({
    ...story.meeting,
    meetsOn: today.parts,
    startsAt: '15:30',
    endsAt: '17:00',
    schools: [story.schools.own, story.schools.partner],
  });
  await meeting.expectShown(story.meeting.title);
  expect(await meeting.successMessage()).toBe(member.t('meetings.done.created'));
  const time = member.t('meetings.time.range', { start: '15:30', end: '17:00' });
  expect(await meeting.summaryList()).toEqual({
    [member.t('meetings.fields.meetsOn')]: `${formatDate(today.iso, lang)}, ${time}`,
    [member.t('meetings.page.location')]: story.meeting.location,
    [member.t('meetings.fields.schools')]: [story.schools.own, story.schools.partner].sort().join(', '),
  });
  expect(await meeting.textUnder('meetings.fields.notes')).toBe(story.meeting.notes);
  expect(await meeting.present(2)).toEqual(story.meeting.attendees.split('\n'));

  const due = dayFromToday(30);
  await meeting.addAction({ ...story.action, ownerSchool: story.schools.own, dueOn: due.parts });
  await meeting.expectShown(story.meeting.title);
  expect(await meeting.successMessage()).toBe(member.t('meetings.done.action-added'));
  expect(await meeting.actions()).toEqual([
    {
      [member.t('meetings.actions.fields.description')]: story.action.description,
      [member.t('meetings.actions.fields.owner')]: story.action.owner,
      [member.t('meetings.actions.fields.ownerSchool')]: story.schools.own,
      [member.t('meetings.actions.fields.dueOn')]: formatDate(due.iso, lang),
      [member.t('meetings.actions.fields.status')]: member.t('meetings.actions.status.open'),
    },
  ]);
}

/** The session on progression held this morning, and what the schools agreed to expect. */
async function memberReadsAProgressionSession(member: Visitor, { lang, story }: Scene): Promise<void> {
  await new OverviewPage(member).goToSection('progression');
  const progression = new ProgressionPage(member);
  await progression.expectShown();
  const name = `${member.t('reference.area.languages_literacy')}, ${member.t('progression.step', { step: 3 })}`;
  expect(await progression.sessions(1)).toEqual([
    {
      [member.t('progression.fields.heldOn')]: formatDate(dayFromToday().iso, lang),
      [member.t('progression.fields.area')]: name,
      [member.t('progression.fields.focus')]: story.session.focus,
      [member.t('progression.fields.schools')]: [story.schools.own, story.schools.third].sort().join(', '),
    },
  ]);
  const session = await progression.openSession(name);
  await session.expectShown(name);
  expect(await session.textUnder('progression.fields.expectations')).toBe(story.session.expectations);
}

/** Reciprocity counts the meeting and the session for the schools that took part, schools by name. */
async function memberReadsReciprocity(member: Visitor, { story }: Scene): Promise<void> {
  await new OverviewPage(member).goToSection('reciprocity');
  const reciprocity = new ReciprocityPage(member);
  await reciprocity.expectShown();
  const counts = (school: string, meetings: number, sessions: number) => ({
    [member.t('reciprocity.table.school')]: school,
    [member.t('reciprocity.table.meetings')]: String(meetings),
    [member.t('reciprocity.table.sessions')]: String(sessions),
  });
  const rows = await reciprocity.rows();
  expect(rows.map((row) => row[member.t('reciprocity.table.school')])).toEqual(
    [story.schools.own, story.schools.partner, story.schools.third].sort(),
  );
  expect(rows).toEqual(
    [counts(story.schools.own, 1, 1), counts(story.schools.partner, 1, 0), counts(story.schools.third, 0, 1)]
      .sort((a, b) => a[member.t('reciprocity.table.school')]!.localeCompare(b[member.t('reciprocity.table.school')]!))
      .map((expected) => expect.objectContaining(expected)),
  );
}

journeyTest.concurrent.for(LANGUAGES)(
  'a member (%s) looks round the collaborative’s space: overview, common ground, a shared priority, a meeting and its agreed action, a progression session, reciprocity',
  { timeout: 180_000 },
  async (lang, { journey }) => {
    const story = SPACE_STORIES[lang];
    const world = await buildSpaceWorld(journey.server.db, lang, story);
    const scene: Scene = {
      lang,
      story,
      world,
      name: lang === 'cy' ? story.collaborative.nameCy : story.collaborative.nameEn,
    };

    const member = await signInAt(journey, lang, world.member, `/collaboratives/${world.collaborative.id}`);
    const overview = await memberOpensTheOverview(member, scene);
    await memberReadsTheCommonGround(overview, scene);
    await memberRecordsAMeeting(member, scene);
    await memberReadsAProgressionSession(member, scene);
    await memberReadsReciprocity(member, scene);
  },
);
