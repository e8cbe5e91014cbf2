// The signed-in home (issue 13): each role sees what waits on it, in its own places only, with links
// only where they open; the empty home says so; both languages.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildCollaborative,
  buildFacilitator,
  buildPartnership,
  makeLead,
} from '../../../test/support/collaboration-factories.ts';
import { buildEvidence, shareEvidence } from '../../../test/support/evidence-factories.ts';
import { buildUser, sessionCookie, type TestUser } from '../../../test/support/factories.ts';
import { pageText, Visitor } from '../../../test/support/http.ts';
import { buildConcernCase, buildLaPlan, buildRound } from '../../../test/support/la-factories.ts';
import { buildAction, buildCycle, buildPriority } from '../../../test/support/plan-factories.ts';
import { buildSchool } from '../../../test/support/school-factories.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import {
  concernSupportItems,
  developmentPlans,
  events,
  meetings,
  peerEnquiries,
  planRevisions,
  roleAssignments,
  supportRequests,
} from '../../db/schema/index.ts';
import { addDaysTo, todayInWales } from '../../lib/clock.ts';
import { shareSubjectId } from '../../notifications/audience-rules.ts';

let t: TestApp;
const LA = '672';
const OTHER_LA = '671';
const day = (offset: number) => todayInWales(addDaysTo(new Date(), offset));
const as = async (user: { id: string }) => new Visitor(t.app).withCookie(await sessionCookie(t.database.db, user.id));
const seen = (html: string) =>
  pageText(html.replace(/<[^>]+>/g, ' '))
    .replace(/\s+/g, ' ')
    .trim();
const home = async (user: TestUser, lang: 'en' | 'cy' = 'en') => {
  const response = await (await as(user)).get(`/?lang=${lang}`);
  expect(response.statusCode).toBe(200);
  return { html: response.body, text: seen(response.body) };
};

type School = Awaited<ReturnType<typeof buildSchool>>;
let a: School, b: School, far: School, quietSchool: School;
let head: TestUser, leader: TestUser, practitioner: TestUser, governor: TestUser, chair: TestUser;
let lead: TestUser, officer: TestUser, partner: TestUser, otherOfficer: TestUser, wg: TestUser;
let otherHead: TestUser, emptyHead: TestUser, headAndPractitioner: TestUser, coordinator: TestUser;
let partnershipId: string;
let caseId: string, clusterId: string, meetingId: string, evidenceId: string;

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  a = await buildSchool(db, { laCode: LA, name: 'Ysgol Alpha' });
  b = await buildSchool(db, { laCode: LA, name: 'Beta Primary' });
  quietSchool = await buildSchool(db, { laCode: LA, name: 'Quiet Primary' });
  far = await buildSchool(db, { laCode: OTHER_LA, name: 'Far Away Primary' });
  const empty = await buildSchool(db, { laCode: OTHER_LA, name: 'Empty Primary' });

  head = await buildUser(db, { role: 'headteacher', scopeId: a.number });
  leader = await buildUser(db, { role: 'school_leader', scopeId: a.number });
  practitioner = await buildUser(db, { role: 'practitioner', scopeId: a.number });
  governor = await buildUser(db, { role: 'governor', scopeId: a.governingBodyId });
  chair = await buildUser(db, { role: 'chair_of_governors', scopeId: b.governingBodyId });
  officer = await buildUser(db, { role: 'la_officer', scopeId: LA });
  otherOfficer = await buildUser(db, { role: 'la_officer', scopeId: OTHER_LA });
  otherHead = await buildUser(db, { role: 'headteacher', scopeId: far.number });
  emptyHead = await buildUser(db, { role: 'headteacher', scopeId: empty.number });
  wg = await buildUser(db, { role: 'wg_official', scopeId: null });
  headAndPractitioner = await buildUser(db, { role: 'headteacher', scopeId: b.number });
  // The same person also a practitioner of the same school: one section, not two.
  await db
    .insert(roleAssignments)
    .values({ userId: headAndPractitioner.id, role: 'practitioner', scopeType: 'school', scopeId: b.number });

  const cluster = await buildCollaborative(db, {
    laCode: LA,
    members: [a, b],
    nameEn: 'Alpha cluster',
    nameCy: 'Clwstwr Alffa',
  });
  clusterId = cluster.id;
  await buildCollaborative(db, {
    laCode: LA,
    members: [quietSchool],
    nameEn: 'Sleepy cluster',
    nameCy: 'Clwstwr Cysglyd',
  });
  lead = await buildUser(db);
  await makeLead(db, cluster.id, lead);
  partner = await buildFacilitator(db, cluster.id, LA);

  const [meeting] = await db
    .insert(meetings)
    .values({ collaborativeId: cluster.id, title: 'Reading moderation meeting', meetsOn: day(5) })
    .returning();
  meetingId = meeting!.id;
  await db.insert(peerEnquiries).values({
    collaborativeId: cluster.id,
    hostSchoolNumber: a.number,
    question: 'How well do we teach phonics?',
    state: 'proposed',
  } as typeof peerEnquiries.$inferInsert);

  const cycleA = await buildCycle(db, a.number);
  const cycleFar = await buildCycle(db, far.number);
  const made = await buildEvidence(db, a.number, cycleA.id, [
    { title: 'Year 4 book look', curated: false },
    { title: 'Curated already', curated: true },
  ]);
  evidenceId = made[0]!.id;
  // Shared with the governors (as the share service records it), and one share since withdrawn.
  const [kept, withdrawn] = await buildEvidence(db, a.number, cycleA.id, [
    { title: 'Attendance summary for governors' },
    { title: 'Withdrawn share' },
  ]);
  await shareEvidence(db, a.number, kept!.id, 'governors');
  for (const item of [kept!, withdrawn!])
    await db.insert(events).values({
      kind: 'shared_with_you',
      subjectType: 'share',
      subjectId: shareSubjectId({ itemType: 'evidence', itemId: item.id, audience: 'governors', audienceId: '' }),
      link: `/schools/${a.number}/evidence/${item.id}`,
      schoolNumber: a.number,
      params: { school: a.name, title: item.title },
    });
  const cycleB = await buildCycle(db, b.number);
  await buildEvidence(
    db,
    b.number,
    cycleB.id,
    [1, 2, 3, 4, 5, 6, 7].map((n) => ({ title: `Beta item ${n}`, curated: false })),
  );
  const partnership = await buildPartnership(db, [LA, OTHER_LA]);
  partnershipId = partnership.id;
  coordinator = await buildUser(db, { role: 'partnership_coordinator', scopeId: partnership.id });
  await buildCollaborative(db, {
    laCode: LA,
    members: [b, far],
    nameEn: 'Cross-border cluster',
    nameCy: 'Clwstwr trawsffiniol',
  });
  await buildEvidence(db, far.number, cycleFar.id, [{ title: 'Far away evidence', curated: false }]);
  const priority = await buildPriority(db, cycleA);
  await buildAction(db, priority.id, { description: 'Audit the reading books', dueOn: day(-3) });
  await buildAction(db, priority.id, { description: 'Train the reading buddies', dueOn: day(10) });
  await buildAction(db, priority.id, { description: 'Far off action', dueOn: day(60) });
  // Actions the practitioner leads: hers on her home, nobody else's.
  await buildAction(db, priority.id, {
    description: 'Run the phonics checks',
    dueOn: day(-2),
    owner: '',
    ownerUserId: practitioner.id,
  });
  await buildAction(db, priority.id, {
    description: 'Plan the library visit',
    dueOn: day(40),
    owner: '',
    ownerUserId: practitioner.id,
  });
  await buildAction(db, priority.id, { description: 'Finished action', dueOn: day(-1), status: 'done' });
  await db
    .insert(supportRequests)
    .values({ schoolNumber: a.number, priorityId: priority.id, need: 'Help with phonics' });

  const [plan] = await db.insert(developmentPlans).values({ schoolNumber: a.number, firstYear: 2026 }).returning();
  await db.insert(planRevisions).values({ planId: plan!.id, number: 1, academicYear: 2026, snapshot: {} });

  const kase = await buildConcernCase(db, { schoolNumber: a.number, laCode: LA });
  caseId = kase.id;
  await db.insert(concernSupportItems).values({ caseId, action: 'Literacy support', reviewOn: day(4) });
  const farCase = await buildConcernCase(db, { schoolNumber: far.number, laCode: OTHER_LA });
  await db.insert(concernSupportItems).values({ caseId: farCase.id, action: 'Far support', reviewOn: day(4) });

  const round = await buildRound(db, { deadline: day(-2) });
  await buildLaPlan(db, { roundId: round.id, laCode: LA, state: 'submitted' });
  await buildLaPlan(db, { roundId: round.id, laCode: OTHER_LA, state: 'draft' });
}, 60_000);

afterAll(async () => {
  await t?.close();
});

describe('the headteacher', () => {
  it('sees evidence to review, actions overdue and due soon, the approval, enquiry steps and the concern review, all linked', async () => {
    const { html, text } = await home(head);
    expect(text).toContain('Evidence waiting for your review');
    expect(html).toContain(`href="/schools/${a.number}/evidence/${evidenceId}"`);
    expect(text).toContain('Year 4 book look');
    expect(text).not.toContain('Curated already');
    expect(text).toContain('Audit the reading books');
    expect(text).toMatch(/Audit the reading books .*Overdue/);
    expect(text).toContain('Train the reading buddies');
    expect(text).not.toContain('Far off action');
    expect(text).not.toContain('Finished action');
    expect(text).toContain("Plan revision 1 waiting for the governors' approval");
    expect(text).toContain('How well do we teach phonics?');
    expect(html).toContain(`href="/concern-cases/${caseId}"`);
    expect(html).toContain(`href="/schools/${a.number}/evidence/new"`);
    expect(html).toContain(`href="/collaboratives/${clusterId}/meetings/${meetingId}"`);
  });

  it("never sees another school's work or another school's concern case", async () => {
    const { text } = await home(head);
    expect(text).not.toContain('Far away evidence');
    const other = await home(otherHead);
    expect(other.text).not.toContain('Year 4 book look');
    expect(other.html).not.toContain(`/concern-cases/${caseId}`);
  });

  it('reads the home in Welsh, marking what people wrote in English as English', async () => {
    const { html, text } = await home(head, 'cy');
    expect(html).toMatch(/lang="en">Audit the reading books</);
    expect(text).toContain('Tystiolaeth yn aros i chi ei hadolygu');
    expect(text).toContain('Yn hwyr');
    expect(text).toContain('Cofnodi tystiolaeth');
    expect(text).not.toContain('Evidence waiting for your review');
  });
});

describe('a school leader', () => {
  it('sees the school work but not the restricted concern review', async () => {
    const { html, text } = await home(leader);
    expect(text).toContain('Year 4 book look');
    expect(html).not.toContain(`/concern-cases/${caseId}`);
  });
});

describe('a practitioner', () => {
  it('sees the meetings and Record evidence, and nothing to review', async () => {
    const { html, text } = await home(practitioner);
    expect(text).toContain('Reading moderation meeting');
    expect(html).toContain(`href="/schools/${a.number}/evidence/new"`);
    expect(text).toContain('Record evidence');
    expect(text).not.toContain('Year 4 book look');
    expect(text).not.toContain('Audit the reading books');
  });

  it('sees the actions she leads first, soonest due first, linked, in both languages', async () => {
    const { html, text } = await home(practitioner);
    const actions = text.slice(text.indexOf('Your actions'), text.indexOf('Reading moderation meeting'));
    expect(actions).toMatch(/Run the phonics checks .*Overdue.*Plan the library visit/);
    expect(actions).toContain(`Ysgol Alpha: due`);
    expect(html).toContain(`href="/schools/${a.number}/plan#priority-`);
    const cy = (await home(practitioner, 'cy')).text;
    expect(cy).toContain('Eich camau gweithredu');
    expect(cy).toContain('Ysgol Alpha: yn ddyledus');
    // Nobody else is shown them as theirs.
    expect((await home(head)).text).not.toContain('Your actions');
    expect((await home(otherHead)).text).not.toContain('Run the phonics checks');
  });

  it('a long list shows five and links to all of them', async () => {
    const { html, text } = await home(headAndPractitioner);
    expect(text.match(/Beta item \d/g)).toHaveLength(5);
    expect(html).toContain(`href="/schools/${b.number}/evidence"`);
    expect(text).toContain('See all 7');
    expect((await home(headAndPractitioner, 'cy')).text).toContain('Gweld y cyfan (7)');
  });

  it('holding two roles in one school gets one section', async () => {
    const { html } = await home(headAndPractitioner);
    expect(html.match(new RegExp(`data-key="school:${b.number}"`, 'g'))).toHaveLength(1);
  });
});

describe('a governor', () => {
  it('sees the revision waiting for approval, linked, in both languages', async () => {
    const { html, text } = await home(governor);
    expect(text).toContain('Plan revisions waiting for your approval');
    expect(html).toContain(`href="/schools/${a.number}/plan/revisions/1"`);
    const cy = await home(governor, 'cy');
    expect(cy.text).toContain("Diwygiadau i'r cynllun yn aros am eich cymeradwyaeth");
  });

  it('sees what was newly shared with the governors, only while the share stands', async () => {
    const { text } = await home(governor);
    expect(text).toContain('Newly shared with the governors');
    expect(text).toContain('Attendance summary for governors');
    expect(text).not.toContain('Withdrawn share');
  });

  it("of another school does not see this school's revision", async () => {
    const { text } = await home(chair);
    expect(text).not.toContain('Ysgol Alpha');
  });
});

describe('a collaborative lead', () => {
  it('sees the next meetings and enquiries under way, and schools working alone', async () => {
    const { text } = await home(lead);
    expect(text).toContain('Next meetings');
    expect(text).toContain('Reading moderation meeting');
    expect(text).toContain('How well do we teach phonics?');
    expect(text).toContain('Member schools working alone');
    // Beta Primary joined nothing; Ysgol Alpha hosts an enquiry under way.
    expect(text).toMatch(/working alone .*Beta Primary/);
    expect(text).not.toMatch(/working alone .*Ysgol Alpha/);
  });
});

describe('LA staff', () => {
  it('an officer sees new requests, quiet collaboratives and the concern review of their LA only', async () => {
    const { html, text } = await home(officer);
    expect(text).toContain('New support requests to broker');
    expect(text).toContain('Ysgol Alpha');
    expect(text).toContain('Sleepy cluster');
    expect(text).not.toContain('Alpha cluster');
    expect(html).toContain(`href="/concern-cases/${caseId}"`);
    expect(text).not.toContain('Far Away Primary');
    expect(html).toContain('href="/local-improvement"');
  });

  it('an improvement partner sees no concern reviews, and their caseload', async () => {
    const { html, text } = await home(partner);
    expect(text).toContain('New support requests to broker');
    expect(html).not.toContain('/concern-cases/');
    expect(html).toContain('href="/caseload"');
  });

  it("an officer of another LA sees none of this LA's work", async () => {
    const { html, text } = await home(otherOfficer);
    expect(text).not.toContain('Help with phonics');
    expect(text).not.toContain('Sleepy cluster');
    expect(html).not.toContain(`/concern-cases/${caseId}`);
    expect(text).toContain('Far Away Primary');
  });

  it('reads in Welsh', async () => {
    const { text } = await home(officer, 'cy');
    expect(text).toContain("Ceisiadau newydd am gymorth i'w brocera");
    expect(text).toContain('Clwstwr Cysglyd');
  });
});

describe('a partnership coordinator', () => {
  it("sees the partnership's collaboratives, in both languages", async () => {
    const { html, text } = await home(coordinator);
    expect(text).toContain("The partnership's collaboratives");
    expect(text).toContain('Cross-border cluster');
    expect(text).not.toContain('Sleepy cluster');
    expect(html).toContain(`data-key="la_partnership:${partnershipId}"`);
    const cy = await home(coordinator, 'cy');
    expect(cy.text).toContain('Clwstwr trawsffiniol');
  });
});

describe('Welsh Government', () => {
  it('sees plans submitted and late in the current round', async () => {
    const { html, text } = await home(wg);
    expect(text).toContain('LA plans submitted in the current round');
    expect(text).toContain('LA plans late in the current round');
    expect(html).toMatch(/href="\/plans\/[0-9a-f-]{36}"/);
  });
});

describe('an empty home', () => {
  it('for an administrator shows the administration links and no "no roles" message', async () => {
    const admin = await buildUser(t.database.db, { role: 'administrator' });
    const { html, text } = await home(admin);
    expect(html).toContain('href="/admin/users"');
    expect(html).not.toContain('data-testid="home-no-roles"');
    expect(text).not.toContain('Nothing needs you');
  });

  it('for someone with no role says to ask for one', async () => {
    const { html } = await home(await buildUser(t.database.db));
    expect(html).toContain('data-testid="home-no-roles"');
  });

  it('says kindly that nothing needs the reader, in both languages', async () => {
    const en = await home(emptyHead);
    expect(en.text).toContain('Nothing needs you at the moment');
    expect(en.html).toContain('data-testid="home-empty"');
    // Said once for the page, not again in each place.
    expect(en.text).not.toContain('Nothing waits on you here just now');
    const cy = await home(emptyHead, 'cy');
    expect(cy.text).toContain('Nid oes dim byd angen sylw gennych ar hyn o bryd');
  });
});
