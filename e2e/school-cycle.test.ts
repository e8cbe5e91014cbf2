import mammoth from 'mammoth';
import { PDFParse } from 'pdf-parse';
import { expect } from 'vitest';
import { formatDate } from '../src/lib/dates.ts';
import { academicYearOf } from '../src/reference/reference-data.ts';
import { audienceFor } from '../src/notifications/audience.ts';
import { relayPendingEvents } from '../src/notifications/relay-service.ts';
import { journeyTest, type Journey } from './support/journey.ts';
import { LANGUAGES, type Language, type Visitor } from './support/visitor.ts';
import { createPerson, type Person } from './support/people.ts';
import { createSchool, type TestSchool } from './support/schools.ts';
import { signInAt } from './support/sign-in.ts';
import { STORIES, type CycleStory } from './support/school-cycle-story.ts';
import { CyclesPage } from './pages/cycle-pages.ts';
import { EvidenceFormPage, EvidenceItemPage, EvidenceListPage } from './pages/evidence-pages.ts';
import { FindingPage, FindingsPage } from './pages/findings-pages.ts';
import { PriorityPage } from './pages/priority-pages.ts';
import { PlanPage, PlanStartPage, RevisionPage } from './pages/plan-pages.ts';
import { OutputsPage } from './pages/outputs-pages.ts';
import { ImpactPage } from './pages/impact-pages.ts';

const PHONE = 390;

/** One school's year: who takes part, and what they write (in the journey's language). */
type Scene = {
  journey: Journey;
  lang: Language;
  story: CycleStory;
  school: TestSchool;
  year: number;
  area: string;
  headteacher: Person;
  practitioner: Person;
  governor: Person;
};

/** Today in Wales, or a day some weeks on, as the three boxes of a date. */
function dayParts(offsetDays = 0) {
  const [year, month, day] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' })
    .format(new Date(Date.now() + offsetDays * 86_400_000))
    .split('-')
    .map(Number);
  return { day: day!, month: month!, year: year! };
}

const today = (lang: Language) => formatDate(new Date(), lang);

async function pdfText(body: Buffer): Promise<string> {
  const parser = new PDFParse({ data: body });
  try {
    // Lines wrap where the PDF's columns end: compare words, not line breaks.
    return (await parser.getText()).text.replace(/\s+/g, ' ');
  } finally {
    await parser.destroy();
  }
}

/** The headteacher follows a link to the cycle, signs in, starts this year's cycle and answers its questions. */
async function headteacherStartsTheCycle({ journey, lang, story, area, year, headteacher }: Scene): Promise<Visitor> {
  const head = await signInAt(journey, lang, headteacher, `${area}/cycle`);
  const cycles = new CyclesPage(head);
  await cycles.expectShown();
  await cycles.expectSchool(story.school);
  expect(await cycles.currentSection()).toBe(head.t('school.nav.cycle'));
  const cycle = await cycles.start(year);
  expect(head.path()).toBe(`${area}/cycles/${year}`);
  await cycle.expectShown(year);
  expect(await cycle.stage()).toBe(head.t('reference.cycleStage.planning'));
  const questions = await cycle.answerQuestions();
  await questions.expectShown(year);
  await questions.answer(story.answers);
  await cycle.expectShown(year);
  const answers = await cycle.answers();
  for (const [field, answer] of Object.entries(story.answers))
    expect(answers[head.t(`pages.cycle.questions.${field}`)]).toBe(answer);
  return head;
}

/**
 * A practitioner records evidence on a phone. Their first text names a learner: the form warns,
 * keeps everything typed, and saves nothing; they take the name out and save.
 */
async function practitionerRecordsEvidenceOnAPhone({ journey, lang, story, area, practitioner }: Scene): Promise<void> {
  const teacher = await signInAt(journey, lang, practitioner, `${area}/evidence/new`, { width: PHONE });
  const form = new EvidenceFormPage(teacher);
  await form.expectShown();
  await form.expectNoSidewaysScroll();
  expect((await form.observedOn()).year).toBe(String(dayParts().year));
  const entry = { source: 'learners_work', firstHand: true, fromBeyond: false, title: story.classroom.title };
  await form.fill({ ...entry, body: story.classroom.namingBody });
  let response = await form.save();
  expect(response.status()).toBe(400);
  await form.expectShown({ error: true });
  await form.expectErrors({ learnerDataChecked: 'pages.evidence.errors.learnerData' });
  await form.expectNoSidewaysScroll();
  expect(await form.learnerDataWarning()).toEqual([
    `${teacher.t('pages.evidence.learnerData.reason.full_name', { match: story.classroom.learnerName })} ${teacher.t('pages.evidence.learnerData.changeIn.body')}`,
  ]);
  expect(await form.bodyText()).toBe(story.classroom.namingBody);

  await form.fill({ ...entry, body: story.classroom.body });
  response = await form.save();
  expect(response.status()).toBe(200);
  const item = new EvidenceItemPage(teacher);
  await item.expectShown(story.classroom.title);
  await item.expectNoSidewaysScroll();
  expect(await item.successMessage()).toBe(teacher.t('pages.evidence.saved.created'));
  // A practitioner's evidence waits for a leader to review it.
  expect(await item.status()).toBe(teacher.t('pages.evidence.item.toReview'));
}

/** The headteacher records what a peer from a partner school saw: evidence from beyond the school. */
async function headteacherRecordsEvidenceFromBeyond(head: Visitor, { story }: Scene): Promise<void> {
  await new CyclesPage(head).goToSection('evidence');
  const list = new EvidenceListPage(head);
  await list.expectShown();
  const form = await list.addEvidence();
  await form.expectShown();
  await form.fill({
    source: 'peer_enquiry',
    firstHand: true,
    fromBeyond: true,
    title: story.peerEnquiry.title,
    body: story.peerEnquiry.body,
  });
  await form.save();
  const item = new EvidenceItemPage(head);
  await item.expectShown(story.peerEnquiry.title);
  expect(await item.status()).toBe(head.t('pages.evidence.item.reviewed'));
}

/** Both items become a finding: two kinds of evidence, first-hand and seen from beyond, so partly triangulated. */
async function headteacherMakesAFinding(head: Visitor, { story }: Scene): Promise<FindingPage> {
  const evidence = [story.classroom.title, story.peerEnquiry.title].sort();
  await new EvidenceItemPage(head).goToSection('findings');
  const findings = new FindingsPage(head);
  await findings.expectShown();
  const form = await findings.addFinding();
  await form.expectShown();
  expect((await form.evidenceOffered()).sort()).toEqual(evidence);
  await form.fill({
    kind: 'area_for_development',
    title: story.finding.title,
    body: story.finding.body,
    nifTheme: 'curriculum_teaching',
    evidence,
  });
  await form.save();

  const finding = new FindingPage(head);
  await finding.expectShown(story.finding.title);
  expect(await finding.successMessage()).toBe(head.t('pages.findings.saved'));
  const { summary, advice } = await finding.triangulation();
  const { [head.t('pages.findings.triangulation.kindsKey')]: kinds, ...rest } = summary;
  expect(rest).toEqual({
    [head.t('pages.findings.triangulation.levelKey')]: head.t('pages.findings.triangulation.level.partial'),
    [head.t('pages.findings.triangulation.firstHandKey')]: head.t('pages.findings.yes'),
    [head.t('pages.findings.triangulation.beyondKey')]: head.t('pages.findings.yes'),
  });
  // "2 kinds of evidence: Learners' work, Peer enquiry", the kinds in the order they were linked.
  const [count, sources = ''] = kinds!.split(': ');
  expect(count).toBe(head.t('pages.findings.triangulation.kinds', { count: 2 }));
  expect(sources.split(', ').sort()).toEqual(
    [head.t('reference.evidenceSource.learners_work'), head.t('reference.evidenceSource.peer_enquiry')].sort(),
  );
  expect(advice).toEqual([head.t('pages.findings.triangulation.advice.moreKinds')]);
  expect((await finding.evidence()).sort()).toEqual(evidence);
  return finding;
}

/** A priority from the finding: saved as a draft with parts missing, refused when agreed too soon, then completed and agreed. */
async function headteacherAgreesAPriority(finding: FindingPage, { story }: Scene): Promise<void> {
  const head = finding.visitor;
  const stateCaption = (state: string) =>
    head.t('pages.priorities.stateCaption', { state: head.t(`reference.priorityState.${state}`) });
  const form = await finding.makePriority();
  await form.expectShown();
  expect(await form.findingTicked(story.finding.title)).toBe(true);
  await form.fill({ title: story.priority.title, description: story.priority.description });
  await form.save();

  const priority = new PriorityPage(head);
  await priority.expectShown(story.priority.title);
  expect(await priority.stateCaption()).toBe(stateCaption('draft'));
  // Made from the finding, it starts in the finding's theme.
  expect(await priority.readiness()).toEqual({
    finding: 'done',
    nifTheme: 'done',
    learners: 'missing',
    successMeasure: 'missing',
  });
  const response = await priority.move('agreed');
  expect(response.status()).toBe(400);
  await priority.expectShown(story.priority.title, { error: true });
  expect((await priority.errorSummary()).map((error) => error.text)).toEqual(
    ['learners', 'successMeasure'].map((part) => head.t(`pages.priorities.errors.notReady.${part}`)),
  );
  expect(await priority.stateCaption()).toBe(stateCaption('draft'));

  const edit = await priority.edit();
  await edit.expectShown({ editing: true });
  await edit.fill({
    nifTheme: 'curriculum_teaching',
    learners: story.priority.learners,
    successMeasure: story.priority.successMeasure,
  });
  await edit.save();
  await priority.expectShown(story.priority.title);
  expect(await priority.readiness()).toEqual({
    finding: 'done',
    nifTheme: 'done',
    learners: 'done',
    successMeasure: 'done',
  });
  await priority.move('agreed');
  expect(await priority.successMessage()).toBe(
    head.t('pages.priorities.movedTo', { state: head.t('reference.priorityState.agreed') }),
  );
  expect(await priority.stateCaption()).toBe(stateCaption('agreed'));
  expect(await priority.findings()).toEqual([story.finding.title]);
}

/**
 * The development plan, started this school year: an action with its owner, dates and cost, a
 * success criterion, a revision saved for governors, and its summary shared with them.
 */
async function headteacherPlansForGovernors(head: Visitor, { story, year }: Scene): Promise<void> {
  await new PriorityPage(head).goToSection('plan');
  const start = new PlanStartPage(head);
  await start.expectShown();
  const plan = await start.start(year);
  await plan.expectShown(year);
  expect(await plan.successMessage()).toBe(head.t('pages.plan.done.plan-started'));
  expect(await plan.priorityTitles()).toEqual([story.priority.title]);

  const actionForm = await plan.addAction(story.priority.title);
  await actionForm.expectShown(story.priority.title);
  await actionForm.add({ ...story.action, startOn: dayParts(), dueOn: dayParts(120) });
  await plan.expectShown(year);
  expect(await plan.successMessage()).toBe(head.t('pages.plan.done.action-added'));
  const [action] = await plan.actions(story.priority.title);
  expect(action!.title).toBe(story.action.description);
  expect(action!.rows[head.t('pages.planAction.fields.owner')]).toBe(story.action.owner);
  const cost = action!.rows[head.t('pages.planAction.fields.cost')]!;
  expect(cost).toContain(story.action.cost);
  expect(cost).toContain(head.t(`reference.fundingSource.${story.action.costSource}`));

  const criteria = await plan.changeCriteria(story.priority.title);
  await criteria.expectShown();
  await criteria.save([story.criterion]);
  expect(await plan.successMessage()).toBe(head.t('pages.plan.done.criteria-saved'));
  expect(await plan.criteria(story.priority.title)).toEqual([story.criterion]);

  const revisions = await plan.saveRevision();
  await revisions.expectShown();
  await revisions.save(story.revisionNote);
  expect(await revisions.successMessage()).toBe(
    `${head.t('pages.planRevisions.saved', { number: 1 })} ${head.t('pages.planRevisions.readSaved', { number: 1 })}`,
  );
  expect(await revisions.rows()).toEqual([
    {
      revision: head.t('pages.planRevisions.revisionLink', { number: 1 }),
      note: story.revisionNote,
      approval: head.t('pages.plan.notApprovedTag'),
    },
  ]);

  await revisions.goToSection('outputs');
  const outputs = new OutputsPage(head);
  await outputs.expectShown();
  expect(await outputs.sharedWith('sdp_summary')).toEqual([head.t('reference.audience.school')]);
  await outputs.share('sdp_summary', 'governors');
  await outputs.expectShown();
  expect(await outputs.sharedWith('sdp_summary')).toEqual([head.t('reference.audience.governors')]);
}

/**
 * The chair of governors is told the revision waits for the governing body (the relay the job runner runs), signs
 * in, sees it in the header and on the notifications page, opens it there, records the meeting's approval of the revision, and
 * downloads the summary of the plan.
 */
async function governorApprovesAndDownloads({ journey, lang, story, school, area, governor }: Scene): Promise<void> {
  await relayPendingEvents(journey.server.db, audienceFor, new Date());
  const gov = await signInAt(journey, lang, governor, '/notifications');
  const told = gov.t('notifications.kinds.revision_awaiting_approval.title', { number: '1', school: school.name });
  const notification = gov.page.getByRole('link', { name: told });
  await expect.poll(() => notification.count()).toBe(1);
  // Two unread: the revision, and the plan's summary the school shared with its governors.
  const shared = gov.t('notifications.kinds.shared_with_you.title', {
    school: school.name,
    title: gov.t('outputs.titles.sdp_summary'),
  });
  await expect.poll(() => gov.page.getByRole('link', { name: shared }).count()).toBe(1);
  await expect.poll(() => gov.page.getByTestId('header-notifications').innerText()).toContain('2');
  await gov.navigate(() => notification.click());
  expect(gov.path()).toBe(`${area}/plan/revisions/1`);
  const revision = new RevisionPage(gov);
  await revision.expectShown(1);
  expect(await revision.priorityTitles()).toEqual([story.priority.title]);
  const approve = await revision.approve();
  await approve.expectShown(1);
  expect(await approve.recordedBy()).toBe(governor.displayName);
  await approve.confirm({ on: dayParts(), minute: '7.2', resolution: story.resolution });
  await revision.expectShown(1);
  expect(await revision.successMessage()).toBe(gov.t('pages.planRevision.approval.approved'));
  const approval = await revision.approval();
  expect(approval).toContain(gov.t('pages.planApproval.record.full', { date: today(lang), minute: '7.2' }));
  expect(approval).toContain(story.resolution);
  expect(approval).toContain(
    gov.t('pages.planApproval.record.recordedBy', { date: today(lang), who: governor.displayName }),
  );

  await revision.goToSection('outputs');
  const outputs = new OutputsPage(gov);
  await outputs.expectShown();
  // Only what the school shared with its governors.
  expect(await outputs.documents()).toEqual([gov.t('outputs.titles.sdp_summary')]);
  const pdf = await outputs.download('sdp_summary', 'pdf', lang);
  expect(pdf.contentType).toBe('application/pdf');
  expect(pdf.fileName).toBe(`${school.number}-sdp-summary-${lang}.pdf`);
  const pdfWords = await pdfText(pdf.body);
  expect(pdfWords).toContain(gov.t('outputs.titles.sdp_summary'));
  expect(pdfWords).toContain(story.priority.title);
  const word = await outputs.download('sdp_summary', 'docx', lang);
  expect(word.contentType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
  expect(word.fileName).toBe(`${school.number}-sdp-summary-${lang}.docx`);
  const wordText = (await mammoth.extractRawText({ buffer: word.body })).value;
  expect(wordText).toContain(story.priority.title);
  expect(wordText).toContain(story.action.description);
  expect(wordText).toContain(gov.t('outputs.sdp.approvedOnBy', { date: today(lang), name: governor.displayName }));
}

/** The school sees the approval; the headteacher records the priority's impact, with a figure for a group of learners. */
async function headteacherReviewsImpact(head: Visitor, { lang, story, year }: Scene): Promise<void> {
  const plan = new PlanPage(head);
  await plan.goToSection('plan');
  await plan.expectShown(year);
  expect(await plan.approval()).toContain(head.t('pages.plan.approvedOn', { number: 1 }));
  expect(await plan.approval()).toContain(
    head.t('pages.planApproval.record.full', { date: today(lang), minute: '7.2' }),
  );

  await plan.goToSection('impact');
  const impact = new ImpactPage(head);
  await impact.expectShown();
  expect(await impact.notReviewed()).toEqual([story.priority.title]);
  const review = await impact.open(story.priority.title);
  await review.expectShown(story.priority.title);
  const form = await review.write();
  await form.expectShown(story.priority.title);
  const figure = {
    learnerGroup: 'boys',
    measure: story.impact.measure,
    baseline: story.impact.baseline,
    latest: story.impact.latest,
    commentary: story.impact.commentary,
  };
  await form.save({ whatChanged: story.impact.whatChanged, reviewedOn: dayParts(), figure });
  await review.expectShown(story.priority.title);
  expect(await review.successMessage()).toBe(head.t('pages.impactReview.saved'));
  expect(await review.whatChanged()).toBe(story.impact.whatChanged);
  expect(await review.figures()).toEqual([
    [head.t('reference.learnerGroup.boys'), figure.measure, figure.baseline, figure.latest, figure.commentary],
  ]);
}

journeyTest.concurrent.for(LANGUAGES)(
  'a school (%s) runs its improvement cycle: evidence, a finding, an agreed priority, the plan approved by the governing body, its documents and an impact review',
  { timeout: 240_000 },
  async (lang, { journey }) => {
    const story = STORIES[lang];
    const db = journey.server.db;
    const school = await createSchool(db, story.school);
    const scene: Scene = {
      journey,
      lang,
      story,
      school,
      year: academicYearOf(new Date()),
      area: `/schools/${school.number}`,
      headteacher: await createPerson(db, {
        role: 'headteacher',
        scopeId: school.number,
        email: `head-${lang}@example.test`,
      }),
      practitioner: await createPerson(db, {
        role: 'practitioner',
        scopeId: school.number,
        email: `teacher-${lang}@example.test`,
      }),
      // The chair records the governing body's approval (a governor would need the body's delegation).
      governor: await createPerson(db, {
        role: 'chair_of_governors',
        scopeId: school.governingBodyId,
        email: `governor-${lang}@example.test`,
      }),
    };

    const head = await headteacherStartsTheCycle(scene);
    await practitionerRecordsEvidenceOnAPhone(scene);
    await headteacherRecordsEvidenceFromBeyond(head, scene);
    const finding = await headteacherMakesAFinding(head, scene);
    await headteacherAgreesAPriority(finding, scene);
    await headteacherPlansForGovernors(head, scene);
    await governorApprovesAndDownloads(scene);
    await headteacherReviewsImpact(head, scene);
  },
);
