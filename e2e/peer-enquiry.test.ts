import { expect } from 'vitest';
import { formatDate } from '../src/lib/dates.ts';
import { academicYearOf } from '../src/reference/reference-data.ts';
import { journeyTest, type Journey } from './support/journey.ts';
import { LANGUAGES, type Language, type Visitor } from './support/visitor.ts';
import { signInAt } from './support/sign-in.ts';
import { ENQUIRY_STORIES, type EnquiryStory } from './support/collaboration-stories.ts';
import { buildEnquiryWorld, dayFromToday, type EnquiryWorld } from './support/collaboration-world.ts';
import { EvidenceItemPage } from './pages/evidence-pages.ts';
import { PlanPage } from './pages/plan-pages.ts';
import { EnquiryPage, EvidenceResultsPage, FindingToEnquirePage, PackEndedPage } from './pages/enquiry-pages.ts';

/** One enquiry from the host's finding to its close, and who takes part. */
type Scene = {
  journey: Journey;
  lang: Language;
  story: EnquiryStory;
  world: EnquiryWorld;
  /** The host and the question, as the enquiry's own pages head themselves. */
  about: { host: string; question: string };
  visit: { start: ReturnType<typeof dayFromToday>; end: ReturnType<typeof dayFromToday> };
};

const THEMES = ['curriculum_teaching', 'wellbeing_equity'];

/** What an enquiry page says of its state: the tag, the current step, the banner after a move. */
async function expectMovedTo(enquiry: EnquiryPage, state: string): Promise<void> {
  expect(await enquiry.successMessage()).toBe(enquiry.t(`enquiries.done.${state}`));
  expect(await enquiry.state()).toBe(enquiry.t(`enquiries.states.${state}`));
  expect(await enquiry.currentStep()).toBe(enquiry.t(`enquiries.states.${state}`));
}

/** The host headteacher reads a finding of the school's self-evaluation and proposes an enquiry about it. */
async function headteacherProposes({
  journey,
  lang,
  story,
  world,
  visit,
}: Scene): Promise<{ head: Visitor; path: string }> {
  const { host, finding, collaborative } = world;
  const head = await signInAt(
    journey,
    lang,
    world.people.headteacher,
    `/schools/${host.number}/findings/${finding.id}`,
  );
  const findingPage = new FindingToEnquirePage(head);
  await findingPage.expectShown(story.finding.title);
  // The school is in one collaborative: the link goes straight to its form, the finding chosen.
  const form = await findingPage.proposeEnquiry();
  expect(head.path()).toBe(`/collaboratives/${collaborative.id}/enquiries/new`);
  await form.expectShown();
  expect(await form.caption()).toBe(lang === 'cy' ? story.collaborative.nameCy : story.collaborative.nameEn);
  expect(await form.host()).toBe(`${head.t('enquiries.fields.host')}: ${story.host} (${host.number})`);
  expect(await form.finding()).toBe(story.finding.title);

  const enquiry = await form.propose({
    question: story.question,
    context: story.context,
    nifThemes: THEMES,
    visitStart: visit.start.parts,
    visitEnd: visit.end.parts,
  });
  await enquiry.expectShown(story.question);
  expect((await enquiry.sectionLinks()).current).toBe(head.t('collaboration.nav.enquiries'));
  await expectMovedTo(enquiry, 'proposed');
  expect(await enquiry.headline()).toEqual({
    [head.t('enquiries.fields.host')]: story.host,
    [head.t('enquiries.fields.context')]: story.context,
    [head.t('enquiries.fields.nifThemes')]: THEMES.map((theme) => head.t(`reference.nifTheme.${theme}`)).join(' '),
    [head.t('enquiries.fields.visit')]:
      `${formatDate(visit.start.iso, lang)} ${head.t('enquiries.to')} ${formatDate(visit.end.iso, lang)}`,
    [head.t('enquiries.fields.state')]: head.t('enquiries.states.proposed'),
  });
  // Only the collaborative's convenors agree the team.
  expect(await enquiry.offered()).toEqual([]);
  return { head, path: head.path() };
}

/** The collaborative's lead agrees the facilitator, a reviewer from the partner school and the protocol. */
async function leadAgreesTheTeam({ journey, lang, story, world, about, visit }: Scene, path: string): Promise<void> {
  const { people } = world;
  const lead = await signInAt(journey, lang, people.lead, path);
  const enquiry = new EnquiryPage(lead);
  await enquiry.expectShown(story.question);
  expect(await enquiry.state()).toBe(lead.t('enquiries.states.proposed'));
  // The host's material is not the lead's to read.
  expect(await enquiry.packSection()).toBeNull();

  const form = await enquiry.agreeTeam();
  await form.expectShownFor('enquiries.agree.title', about);
  expect(await form.facilitatorsOffered()).toEqual([
    lead.t('enquiries.agree.chooseFacilitator'),
    ...[people.lead.displayName, people.facilitator.displayName].sort(),
  ]);
  expect(await form.reviewersOffered()).toEqual([`${people.reviewer.displayName} (${story.partner})`]);
  expect(await form.confidentiality()).toBe(lead.t('enquiries.agree.defaultConfidentiality'));
  expect(await form.dateValue(lead.t('enquiries.fields.visitStart'))).toEqual(visit.start.parts);
  expect(await form.dateValue(lead.t('enquiries.fields.visitEnd'))).toEqual(visit.end.parts);

  const agreed = await form.agree({
    facilitator: people.facilitator.displayName,
    reviewers: [people.reviewer.displayName],
    activities: story.activities,
  });
  await agreed.expectShown(story.question);
  await expectMovedTo(agreed, 'agreed');
  expect(await agreed.team()).toEqual({
    [lead.t('enquiries.fields.facilitator')]: people.facilitator.displayName,
    [lead.t('enquiries.fields.reviewers')]: `${people.reviewer.displayName}, ${story.partner}`,
    [lead.t('enquiries.fields.activities')]: story.activities,
    [lead.t('enquiries.fields.confidentiality')]: lead.t('enquiries.agree.defaultConfidentiality'),
    [lead.t('enquiries.fields.reportOwner')]: lead.t('enquiries.page.reportBelongs', { host: story.host }),
  });
}

/** The headteacher chooses what the team may read, and starts preparing. */
async function headteacherPreparesThePack(head: Visitor, { story, about }: Scene, path: string): Promise<void> {
  await head.visit(path);
  const enquiry = new EnquiryPage(head);
  expect(await enquiry.state()).toBe(head.t('enquiries.states.agreed'));
  const form = await enquiry.choosePack();
  await form.expectShownFor('enquiries.pack.editTitle', about);
  expect(await form.offered('evidence')).toEqual([story.evidence.title]);
  expect(await form.offered('finding')).toEqual([story.finding.title]);
  expect(await form.offered('priority')).toEqual([story.priority]);

  const pack = await form.save([story.evidence.title, story.finding.title]);
  await pack.expectShownFor('enquiries.pack.title', about);
  expect(await pack.successMessage()).toBe(head.t('enquiries.pack.saved'));
  expect(await pack.items('evidence')).toEqual([story.evidence.title]);
  expect(await pack.items('finding')).toEqual([story.finding.title]);
  expect(await pack.items('priority')).toEqual([]);

  const back = await pack.backToEnquiry();
  expect(await back.packSection()).toBe(
    `${head.t('enquiries.pack.count', { count: 2 })} ${head.t('enquiries.pack.read')}`,
  );
  await back.move('preparing');
  await expectMovedTo(back, 'preparing');
}

/** The LA facilitator opens the enquiry on the day and starts the visit. */
async function facilitatorStartsTheVisit({ journey, lang, story, world }: Scene, path: string): Promise<Visitor> {
  const facilitator = await signInAt(journey, lang, world.people.facilitator, path);
  const enquiry = new EnquiryPage(facilitator);
  await enquiry.expectShown(story.question);
  expect(await enquiry.offered()).toContain(facilitator.t('enquiries.actions.to.on_site'));
  await enquiry.move('on_site');
  await expectMovedTo(enquiry, 'on_site');
  return facilitator;
}

/**
 * The reviewer reads the pack, then records what learners said. Without the host colleague who
 * was present, the note is refused with the reason, everything typed kept; with it, it is saved.
 */
async function reviewerReadsThePackAndRecordsANote(
  { journey, lang, story, world, about }: Scene,
  path: string,
): Promise<Visitor> {
  const reviewer = await signInAt(journey, lang, world.people.reviewer, path);
  const enquiry = new EnquiryPage(reviewer);
  expect(await enquiry.state()).toBe(reviewer.t('enquiries.states.on_site'));
  const pack = await enquiry.readPack();
  await pack.expectShownFor('enquiries.pack.title', about);
  expect(await pack.items('evidence')).toEqual([story.evidence.title]);
  expect(await pack.items('finding')).toEqual([story.finding.title]);
  expect(await pack.bodies()).toEqual([story.evidence.body, story.finding.body]);

  const form = await (await pack.backToEnquiry()).addNote();
  await form.expectShownFor('enquiries.notes.newTitle', about);
  expect(await form.observedOn()).toEqual(dayFromToday().parts);
  await form.fill({ activity: story.note.activity, body: story.note.body });
  const refused = await form.save();
  expect(refused.status()).toBe(400);
  await form.expectShownFor('enquiries.notes.newTitle', about, { error: true });
  await form.expectErrors({ hostColleague: 'enquiries.errors.hostColleagueMissing' });
  expect(await form.typed()).toEqual({
    activity: reviewer.t(`reference.evidenceSource.${story.note.activity}`),
    hostColleague: '',
    body: story.note.body,
  });

  await form.fill({ hostColleague: story.note.hostColleague });
  expect((await form.save()).status()).toBe(200);
  const saved = new EnquiryPage(reviewer);
  expect(await saved.successMessage()).toBe(reviewer.t('enquiries.done.note'));
  expect(await saved.notes()).toEqual([
    {
      title: `${formatDate(dayFromToday().iso, lang)}: ${reviewer.t(`reference.evidenceSource.${story.note.activity}`)}`,
      rows: {
        [reviewer.t('enquiries.notes.fields.author')]: world.people.reviewer.displayName,
        [reviewer.t('enquiries.notes.fields.hostColleague')]: story.note.hostColleague,
        [reviewer.t('enquiries.notes.fields.body')]: story.note.body,
      },
    },
  ]);
  return reviewer;
}

/** After the visit the team makes sense of the evidence: the facilitator moves on, each adds a finding. */
async function teamMakesSenseOfTheEvidence(
  facilitator: Visitor,
  reviewer: Visitor,
  { story, about }: Scene,
  path: string,
): Promise<void> {
  await facilitator.visit(path);
  const enquiry = new EnquiryPage(facilitator);
  await enquiry.move('making_sense');
  await expectMovedTo(enquiry, 'making_sense');
  const form = await enquiry.addFinding();
  await form.expectShownFor('enquiries.findings.newTitle', about);
  await form.add('question', story.findings.question);
  expect(await enquiry.successMessage()).toBe(facilitator.t('enquiries.done.finding'));

  await reviewer.visit(path);
  const theirs = await new EnquiryPage(reviewer).addFinding();
  const added = await theirs.add('strength', story.findings.strength);
  expect(await added.successMessage()).toBe(reviewer.t('enquiries.done.finding'));
  expect(await added.findings()).toEqual([
    [reviewer.t('enquiries.findings.kinds.question'), story.findings.question],
    [reviewer.t('enquiries.findings.kinds.strength'), story.findings.strength],
  ]);
}

/**
 * The host headteacher writes the report beside the findings, marks it drafted and agrees it: it
 * becomes first-hand evidence from beyond the school in the school's evidence.
 */
async function headteacherWritesAndAgreesTheReport(
  head: Visitor,
  { lang, story, about }: Scene,
  path: string,
): Promise<void> {
  await head.visit(path);
  const enquiry = new EnquiryPage(head);
  expect(await enquiry.state()).toBe(head.t('enquiries.states.making_sense'));
  // Nothing to mark as drafted before there is a report.
  expect(await enquiry.offered()).not.toContain(head.t('enquiries.actions.to.report_drafted'));
  const form = await enquiry.writeReport();
  await form.expectShownFor('enquiries.report.editTitle', about);
  expect(await form.findingsShown()).toEqual([
    `${head.t('enquiries.findings.kinds.question')}: ${story.findings.question}`,
    `${head.t('enquiries.findings.kinds.strength')}: ${story.findings.strength}`,
  ]);
  const written = await form.save(story.report);
  expect(await written.successMessage()).toBe(head.t('enquiries.done.report'));
  expect(await written.report()).toBe(story.report);

  await written.move('report_drafted');
  await expectMovedTo(written, 'report_drafted');
  await written.move('report_agreed');
  await expectMovedTo(written, 'report_agreed');
  expect(await written.reportAgreed()).toBe(
    head.t('enquiries.report.agreedOn', { date: formatDate(new Date(), lang) }),
  );

  await written.openReportAsEvidence();
  const title = head.t('enquiries.evidenceTitle', { question: story.question });
  const item = new EvidenceItemPage(head);
  await item.expectShown(title);
  expect(await item.status()).toBe(head.t('pages.evidence.item.reviewed'));
  expect(await item.summaryList()).toMatchObject({
    [head.t('pages.evidence.item.source')]: head.t('reference.evidenceSource.peer_enquiry'),
    [head.t('pages.evidence.item.firstHand')]: head.t('pages.evidence.fields.firstHandYes'),
    [head.t('pages.evidence.item.seenBy')]: head.t('pages.evidence.fields.beyond'),
  });

  await item.goToSection('evidence');
  const list = new EvidenceResultsPage(head);
  await list.expectShown();
  const listed = (await list.results()).find((result) => result.title === title);
  expect(listed?.meta.split(' · ')).toEqual([
    formatDate(new Date(), lang),
    head.t('reference.evidenceSource.peer_enquiry'),
    head.t('pages.evidence.list.firstHand'),
    head.t('pages.evidence.fields.beyond'),
  ]);
}

/** The partner school's support becomes an action on a priority of the host's plan; then the enquiry closes. */
async function headteacherFollowsUpAndCloses(
  head: Visitor,
  { lang, story, about }: Scene,
  path: string,
): Promise<void> {
  await head.visit(path);
  const enquiry = new EnquiryPage(head);
  await enquiry.move('follow_up');
  await expectMovedTo(enquiry, 'follow_up');
  const form = await enquiry.addFollowUp();
  await form.expectShownFor('enquiries.followUps.newTitle', about);
  const due = dayFromToday(90);
  const added = await form.add({
    ...story.followUp,
    supportingSchool: story.partner,
    priority: story.priority,
    dueOn: due.parts,
  });
  expect(await added.successMessage()).toBe(head.t('enquiries.done.follow_up_added'));
  const actionLink = head.t('enquiries.followUps.actionLink', { priority: story.priority });
  expect(await added.followUps()).toEqual([
    {
      text: `${story.followUp.description} ${head.t('enquiries.followUps.from', { school: story.partner })}; ${head.t('enquiries.followUps.due', { date: formatDate(due.iso, lang) })} ${actionLink}`,
      link: actionLink,
    },
  ]);

  // The action, in the plan, under the priority it supports.
  await added.openFollowUpAction(story.priority);
  const plan = new PlanPage(head);
  await plan.goToSection('plan');
  await plan.expectShown(academicYearOf(new Date()));
  const actions = await plan.actions(story.priority);
  expect(actions.map((action) => action.title)).toEqual([story.followUp.description]);
  expect(actions[0]!.rows).toMatchObject({
    [head.t('pages.planAction.fields.owner')]: story.followUp.owner,
    [head.t('pages.planAction.fields.dates')]: head.t('pages.plan.dueBy', { due: formatDate(due.iso, lang) }),
    [head.t('pages.planAction.fields.supportFrom')]:
      `${head.t('reference.supportFrom.collaborative')}: ${head.t('enquiries.followUps.supportDetail', { school: story.partner })}`,
  });

  await head.visit(path);
  await enquiry.move('closed');
  await expectMovedTo(enquiry, 'closed');
  // The report stays with the host.
  expect(await enquiry.report()).toBe(story.report);
}

/** Once closed, the reviewer's access to the pack has ended, and they are told so; their own note remains theirs. */
async function reviewerAfterTheClose(reviewer: Visitor, { story, about }: Scene, path: string): Promise<void> {
  const response = await reviewer.visit(`${path}/pack`);
  expect(response.status()).toBe(403);
  const ended = new PackEndedPage(reviewer);
  await ended.expectShownFor('enquiries.pack.title', about);
  expect(await ended.message()).toBe(reviewer.t('enquiries.pack.ended'));

  const enquiry = await ended.ownNotes();
  await enquiry.expectShown(story.question);
  expect(await enquiry.state()).toBe(reviewer.t('enquiries.states.closed'));
  expect(await enquiry.packSection()).toBe(reviewer.t('enquiries.pack.ended'));
  expect(await enquiry.notesHeading()).toBe(reviewer.t('enquiries.notes.ownHeading'));
  expect((await enquiry.notes()).map((note) => note.rows[reviewer.t('enquiries.notes.fields.body')])).toEqual([
    story.note.body,
  ]);
  expect(await enquiry.findings()).toEqual([]);
  expect(await enquiry.report()).toBeNull();
}

journeyTest.concurrent.for(LANGUAGES)(
  'a peer enquiry (%s) from the host’s finding to its close: agreed, packed, visited, noted, made sense of, reported, agreed as evidence, followed up in the plan',
  { timeout: 240_000 },
  async (lang, { journey }) => {
    const story = ENQUIRY_STORIES[lang];
    const scene: Scene = {
      journey,
      lang,
      story,
      world: await buildEnquiryWorld(journey.server.db, lang, story),
      about: { host: story.host, question: story.question },
      visit: { start: dayFromToday(14), end: dayFromToday(15) },
    };

    const { head, path } = await headteacherProposes(scene);
    await leadAgreesTheTeam(scene, path);
    await headteacherPreparesThePack(head, scene, path);
    const facilitator = await facilitatorStartsTheVisit(scene, path);
    const reviewer = await reviewerReadsThePackAndRecordsANote(scene, path);
    await teamMakesSenseOfTheEvidence(facilitator, reviewer, scene, path);
    await headteacherWritesAndAgreesTheReport(head, scene, path);
    await headteacherFollowsUpAndCloses(head, scene, path);
    await reviewerAfterTheClose(reviewer, scene, path);
  },
);
