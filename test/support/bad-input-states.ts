// The records in the states a few forms need, and the pages where a person allowed to act finds
// them. The demo holds most of these states, but in records the walk's budget of two pages per
// address pattern may never open (the third enquiry, the ninth piece of evidence); the rest no
// one has reached yet in the demo (a round still being drafted, a withdrawn national priority, a
// school or an LA yet to start its year). Each is made through the app's own services, as the
// person would make it, and its page opened first by the persona who can act on it.
import fs from 'node:fs';
import * as XLSX from '@e965/xlsx';
import { and, asc, eq, inArray, notExists, sql } from 'drizzle-orm';
import { DEMO_ACCOUNTS, DEMO_SCHOOL, SCHOOL_LIST_FILE } from '../../src/demo/demo-data.ts';
import type { Role } from '../../src/policy/roles.ts';
import {
  caseStudies,
  collaborativeFacilitators,
  developmentPlans,
  evidence,
  laCycles,
  laPlans,
  localAuthorities,
  peerEnquiries,
  planTemplateSections,
  roleAssignments,
  schools,
  cycles,
  users,
} from '../../src/db/schema/index.ts';
import { saveRevision } from '../../src/features/development-plan/revision-service.ts';
import { createCaseStudy } from '../../src/features/good-practice/case-study-service.ts';
import { openRound } from '../../src/features/la-plans/round-service.ts';
import { publishPriority, setPriorityWithdrawn } from '../../src/features/national-picture/priorities-service.ts';
import { academicYearOf } from '../../src/reference/reference-data.ts';
import { recordEvent } from '../../src/notifications/events-repository.ts';
import { signInWithProvider } from '../../src/features/single-sign-on/single-sign-on-service.ts';
import { relayPendingEvents } from '../../src/notifications/relay-service.ts';
import { buildUser, sessionCookie } from './factories.ts';
import { routeMatcher, type Errand, type FoundForm } from './form-crawler.ts';
import { postForms } from './html-forms.ts';
import { Visitor } from './http.ts';
import { postMultipart } from './multipart.ts';
import type { TestApp } from './test-app.ts';
import { testEvent } from './notification-helpers.ts';

/** `walks: false`: someone brought in for an errand, who opens its pages only, not the whole world as well. */
export type Persona = {
  name: string;
  visitor: Visitor;
  userId?: string;
  walks?: false;
  refreshSession(): Promise<void>;
};

/** By persona: pages opened before anything else, each holding the form of a record in the state it needs. */
export type Errands = Map<string, Errand[]>;

const one = <T>(rows: T[], what: string): T => {
  if (!rows[0]) throw new Error(`The bad-input world has no ${what}`);
  return rows[0];
};

/**
 * Brings about each state, and says who opens which page. A person who is not yet a persona
 * (the head of a school with no cycle) joins `personas`.
 */
export async function prepareStates(t: TestApp, personas: Persona[]): Promise<Errands> {
  const db = t.database.db;
  const errands: Errands = new Map();
  const open = (persona: Persona, route: string, page: string, tick?: string[]) =>
    errands.set(persona.name, [...(errands.get(persona.name) ?? []), { route, page, ...(tick ? { tick } : {}) }]);
  /** The persona who is this user, or a new one for them. */
  const personaOf = async (userId: string, name: string) => {
    const known = personas.find((p) => p.userId === userId);
    if (known) return known;
    const visitor = new Visitor(t.app);
    const persona: Persona = {
      name,
      visitor,
      userId,
      walks: false,
      refreshSession: async () => void visitor.withCookie(await sessionCookie(db, userId)),
    };
    await persona.refreshSession();
    personas.push(persona);
    return persona;
  };
  /** A demo account's persona, by its role in DEMO_ACCOUNTS (personas are named by role, and one person may hold several). */
  const demo = async (role: Role) => {
    const email = DEMO_ACCOUNTS.find((a) => a.role === role)!.email;
    const user = one(await db.select({ id: users.id }).from(users).where(eq(users.email, email)), `demo ${role}`);
    return personaOf(user.id, `demo ${role}`);
  };
  const year = academicYearOf(new Date());
  const wg = await demo('wg_official');
  const officer = await demo('la_officer');
  const headteacher = await demo('headteacher');
  const wgId = wg.userId!;

  // Notifications waiting for the headteacher: the list offers to mark one, or all, read.
  for (const kind of ['meeting_arranged', 'support_matched'] as const) {
    await recordEvent(
      db,
      testEvent({
        kind,
        actorId: wgId,
        subject: { type: 'meeting', id: kind },
        link: '/account',
        audience: [headteacher.userId!],
      }),
    );
  }
  await relayPendingEvents(db, async (_db, event) => event.audience, new Date());
  open(headteacher, '/notifications/:id/read', '/notifications');
  open(headteacher, '/notifications/read-all', '/notifications');

  // A sign-in linked through a provider (as a first "Sign in with Hwb" makes it): the account page
  // lists it with a button to remove it.
  const [headEmail] = await db.select({ email: users.email }).from(users).where(eq(users.id, headteacher.userId!));
  const linked = await signInWithProvider(
    { db, sessions: { idleMinutes: 60, absoluteHours: 12 }, now: new Date() },
    { issuer: 'https://hwb.example.test', subject: 'bad-input-head', email: headEmail!.email, emailVerified: true },
  );
  if (!linked.ok) throw new Error('The headteacher’s sign-in was not linked');
  open(headteacher, '/account/sign-ins/:linkId/remove', '/account');

  // A planning round just opened, its template still WG's to edit (no LA has submitted).
  const round = await openRound(db, wgId, {
    titleEn: 'Bad-input round',
    titleCy: 'Rownd mewnbwn gwael',
    deadline: { day: '30', month: '6', year: String(year + 1) },
  });
  if (!round.ok) throw new Error('The planning round was not opened');
  const sections = await db
    .select({ id: planTemplateSections.id })
    .from(planTemplateSections)
    .where(eq(planTemplateSections.roundId, round.row.id))
    .orderBy(asc(planTemplateSections.position));
  const roundPage = `/plans/rounds/${round.row.id}`;
  const section = `${roundPage}/sections/${one(sections, 'template section').id}`;
  open(wg, '/plans/rounds/:roundId/sections', `${roundPage}/sections/new`);
  open(wg, '/plans/rounds/:roundId/sections/:sectionId', section);
  open(wg, '/plans/rounds/:roundId/sections/:sectionId/move', `${roundPage}/template`);
  open(wg, '/plans/rounds/:roundId/sections/:sectionId/remove', `${section}/remove`);

  // A national priority WG withdrew: the list offers to reinstate it.
  const priority = await publishPriority(db, wgId, {
    code: 'bad_input_withdrawn',
    nameEn: 'A withdrawn priority',
    nameCy: 'Blaenoriaeth a dynnwyd yn ôl',
    descriptionEn: 'Withdrawn before the walk.',
    descriptionCy: 'Wedi’i thynnu’n ôl cyn y daith.',
    supporting: false,
    publishedOn: { day: '1', month: '9', year: String(year) },
  });
  if (!priority.ok) throw new Error('The national priority was not published');
  await setPriorityWithdrawn(db, wgId, priority.priority.code, true, new Date());
  open(wg, '/national/priorities/:code/reinstate', '/national/priorities');

  // An LA's plan WG is reading (submitted or in discussion): each section takes WG's comments.
  const inReview = one(
    await db
      .select({ id: laPlans.id, roundId: laPlans.roundId })
      .from(laPlans)
      .where(inArray(laPlans.state, ['submitted', 'in_discussion']))
      .orderBy(asc(laPlans.laCode))
      .limit(1),
    'LA plan in review',
  );
  const planSection = one(
    await db
      .select({ id: planTemplateSections.id })
      .from(planTemplateSections)
      .where(eq(planTemplateSections.roundId, inReview.roundId))
      .orderBy(asc(planTemplateSections.position))
      .limit(1),
    'plan section',
  );
  open(wg, '/plans/:planId/sections/:sectionId/comments', `/plans/${inReview.id}/sections/${planSection.id}`);

  // The LA's case studies: a draft its officer may publish, and a published one they may take back.
  const draft = await createCaseStudy(
    db,
    officer.userId!,
    { schoolNumber: null, laCode: '681', names: ['Cardiff', 'Caerdydd'] },
    {
      title: 'Coaching for new middle leaders',
      summary: 'Half-termly coaching for leaders in their first year.',
      whatWeDid: 'Paired each new leader with an experienced coach.',
      learners: 'Learners in the departments those leaders lead.',
      impact: 'Leaders report more confidence in leading change.',
      nifThemes: ['vision_leadership'],
      nationalPriorities: [],
      areas: [],
      learnerDataChecked: false,
    },
    [],
    'en',
  );
  if (!draft.ok) throw new Error('The draft case study was not saved');
  const published = one(
    await db
      .select({ id: caseStudies.id })
      .from(caseStudies)
      .where(and(eq(caseStudies.laCode, '681'), eq(caseStudies.status, 'published')))
      .limit(1),
    'published LA case study',
  );
  open(officer, '/good-practice/:id/publish', `/good-practice/${draft.caseStudy.id}`);
  open(officer, '/good-practice/:id/unpublish', `/good-practice/${published.id}`);

  // The demo school: a practitioner's evidence still to be reviewed, and a plan revision saved since the governors last approved one.
  const toReview = one(
    await db
      .select({ id: evidence.id })
      .from(evidence)
      .where(and(eq(evidence.schoolNumber, DEMO_SCHOOL), eq(evidence.curated, false), eq(evidence.archived, false)))
      .limit(1),
    'evidence to review',
  );
  open(headteacher, '/schools/:number/evidence/:id/review', `/schools/${DEMO_SCHOOL}/evidence/${toReview.id}`);
  const plan = one(
    await db
      .select({ id: developmentPlans.id, firstYear: developmentPlans.firstYear })
      .from(developmentPlans)
      .where(eq(developmentPlans.schoolNumber, DEMO_SCHOOL)),
    'demo school plan',
  );
  const revision = await saveRevision(
    db,
    headteacher.userId!,
    { number: DEMO_SCHOOL, name: '', laCode: '681', governingBodyId: `GB${DEMO_SCHOOL}` },
    plan.id,
    plan.firstYear,
    'For the governors to approve',
  );
  if (!revision.ok) throw new Error('The plan revision was not saved');
  open(
    await demo('governor'),
    '/schools/:number/plan/revisions/:n/approve',
    `/schools/${DEMO_SCHOOL}/plan/revisions/${revision.number}/approve`,
  );

  // Peer enquiries: one proposed (a facilitator of its collaborative agrees the team), one whose report is agreed (its host's head adds follow-ups).
  const proposed = one(
    await db
      .select({ id: peerEnquiries.id, collaborativeId: peerEnquiries.collaborativeId })
      .from(peerEnquiries)
      .where(eq(peerEnquiries.state, 'proposed'))
      .limit(1),
    'proposed enquiry',
  );
  const convenor = one(
    await db
      .select({ userId: collaborativeFacilitators.userId })
      .from(collaborativeFacilitators)
      .where(eq(collaborativeFacilitators.collaborativeId, proposed.collaborativeId))
      .limit(1),
    'facilitator',
  );
  open(
    await personaOf(convenor.userId, 'facilitator of a proposed enquiry'),
    '/collaboratives/:id/enquiries/:enquiryId/agree',
    `/collaboratives/${proposed.collaborativeId}/enquiries/${proposed.id}/agree`,
    ['reviewers'],
  );
  const reported = one(
    await db
      .select({
        id: peerEnquiries.id,
        collaborativeId: peerEnquiries.collaborativeId,
        host: peerEnquiries.hostSchoolNumber,
      })
      .from(peerEnquiries)
      .where(eq(peerEnquiries.state, 'report_agreed'))
      .limit(1),
    'enquiry with an agreed report',
  );
  const host = one(
    await db
      .select({ userId: roleAssignments.userId })
      .from(roleAssignments)
      .where(and(eq(roleAssignments.role, 'headteacher'), eq(roleAssignments.scopeId, reported.host)))
      .limit(1),
    'host headteacher',
  );
  open(
    await personaOf(host.userId, 'headteacher hosting an enquiry'),
    '/collaboratives/:id/enquiries/:enquiryId/follow-ups/new',
    `/collaboratives/${reported.collaborativeId}/enquiries/${reported.id}/follow-ups/new`,
  );

  // Starting the year: an LA and a school with no cycle for it yet, and someone to start each.
  const noLaCycle = notExists(
    db
      .select({ one: sql`1` })
      .from(laCycles)
      .where(and(eq(laCycles.laCode, localAuthorities.code), eq(laCycles.academicYear, year))),
  );
  const la = one(
    await db
      .select({ code: localAuthorities.code })
      .from(localAuthorities)
      .where(noLaCycle)
      .orderBy(asc(localAuthorities.code))
      .limit(1),
    'LA with no cycle',
  );
  const laOfficer = await buildUser(db, { role: 'la_officer', scopeId: la.code });
  open(
    await personaOf(laOfficer.id, 'la_officer of an LA yet to start its year'),
    '/local-authorities/:code/self-evaluation/start',
    `/local-authorities/${la.code}/self-evaluation`,
  );
  const noCycle = notExists(
    db
      .select({ one: sql`1` })
      .from(cycles)
      .where(and(eq(cycles.schoolNumber, schools.number), eq(cycles.academicYear, year))),
  );
  const school = one(
    await db
      .select({ number: schools.number })
      .from(schools)
      .where(and(eq(schools.laCode, '681'), eq(schools.open, true), noCycle))
      .orderBy(asc(schools.number))
      .limit(1),
    'school with no cycle',
  );
  const head = await buildUser(db, { role: 'headteacher', scopeId: school.number });
  const newYearHead = await personaOf(head.id, 'headteacher of a school yet to start its year');
  open(newYearHead, '/schools/:number/cycles', `/schools/${school.number}/cycle`);
  // Its development plan began last school year: the plan offers to roll it forward a year.
  await db.insert(developmentPlans).values({ schoolNumber: school.number, firstYear: year - 1 });
  open(newYearHead, '/schools/:number/plan/roll-forward', `/schools/${school.number}/plan/roll-forward`);

  // A second WG official: their page on Wales's people page offers to end or remove their role
  // (a person's own page offers neither).
  const colleague = await buildUser(db, { role: 'wg_official', scopeId: null });
  open(wg, '/national/people/:userId/roles/:assignmentId/end-date', `/national/people/${colleague.id}`);
  open(wg, '/national/people/:userId/roles/:assignmentId/remove', `/national/people/${colleague.id}`);
  return errands;
}

/**
 * The people pages' "apply" forms are on the preview of an uploaded CSV: one upload each by the
 * first persona who runs a school's, an LA's and Wales's people.
 */
export async function peopleUploadForms(t: TestApp, personas: Persona[]): Promise<FoundForm[]> {
  const db = t.database.db;
  const match = routeMatcher(t.app.routeRegistry);
  const places: Record<string, { base: (scopeId: string | null) => string; role: string }> = {
    headteacher: { base: (id) => `/schools/${id}/people`, role: 'practitioner' },
    la_officer: { base: (id) => `/local-authorities/${id}/people`, role: 'improvement_partner' },
    wg_official: { base: () => '/national/people', role: 'wg_official' },
  };
  const found: FoundForm[] = [];
  for (const [role, place] of Object.entries(places)) {
    for (const persona of personas) {
      if (!persona.userId) continue;
      const [held] = await db
        .select({ scopeId: roleAssignments.scopeId })
        .from(roleAssignments)
        .where(and(eq(roleAssignments.userId, persona.userId), eq(roleAssignments.role, role)));
      if (!held) continue;
      const base = place.base(held.scopeId);
      const content = Buffer.from(`email,name,role\nwalker-upload-${role}@example.test,Walker Upload,${place.role}\n`);
      const preview = await postMultipart(
        t.app,
        persona.visitor,
        `${base}/upload`,
        {},
        [{ field: 'file', fileName: 'people.csv', content, contentType: 'text/csv' }],
        { tokenFrom: `${base}/upload` },
      );
      if (preview.statusCode !== 200) throw new Error(`The people upload was refused (status ${preview.statusCode})`);
      for (const form of postForms(preview.body, `${base}/upload`)) {
        const route = match('POST', form.action);
        if (route) found.push({ ...form, route, persona: persona.name });
      }
      break;
    }
  }
  return found;
}

/**
 * Forms that only an answer to a POST shows: the directory import's "apply" form is on the preview
 * of an uploaded edition (here the real list, one school renamed, as a CSV of its maintained sheet).
 */
export async function formsAfterPosts(t: TestApp, admin: Persona): Promise<FoundForm[]> {
  // Only the sheet the CSV needs, densely: reading the whole workbook costs about twice as long.
  const workbook = XLSX.read(fs.readFileSync(SCHOOL_LIST_FILE), { sheets: 'Maintained', dense: true });
  const rows = XLSX.utils.sheet_to_json<unknown[]>(workbook.Sheets.Maintained!, { header: 1, defval: null });
  rows[1]![1] = `${String(rows[1]![1])} (renamed)`;
  const csv = Buffer.from(XLSX.utils.sheet_to_csv(XLSX.utils.aoa_to_sheet(rows)));
  const preview = await postMultipart(
    t.app,
    admin.visitor,
    '/admin/directory/preview',
    {},
    [{ field: 'file', fileName: 'maintained.csv', content: csv, contentType: 'text/csv' }],
    { tokenFrom: '/admin/directory' },
  );
  if (preview.statusCode !== 200) throw new Error(`The directory preview was refused (status ${preview.statusCode})`);
  const match = routeMatcher(t.app.routeRegistry);
  return postForms(preview.body, '/admin/directory/preview').flatMap((form) => {
    const route = match('POST', form.action);
    return route ? [{ ...form, route, persona: admin.name }] : [];
  });
}
