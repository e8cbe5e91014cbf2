import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { meetings, peerEnquiries } from '../../db/schema/index.ts';
import {
  buildCollaborative,
  buildFacilitator,
  buildPartnership,
} from '../../../test/support/collaboration-factories.ts';
import { buildUser, sessionCookie, type TestUser } from '../../../test/support/factories.ts';
import { pageText, Visitor } from '../../../test/support/http.ts';
import { buildSchool } from '../../../test/support/school-factories.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';

let t: TestApp;
const as = async (user: { id: string }) => new Visitor(t.app).withCookie(await sessionCookie(t.database.db, user.id));
const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
let member: TestUser,
  practitioner: TestUser,
  outsider: TestUser,
  facilitator: TestUser,
  coordinator: TestUser,
  strangerCoordinator: TestUser;
let collaborativeId: string, school: Awaited<ReturnType<typeof buildSchool>>;

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  school = await buildSchool(db, { laCode: '663', name: 'Ysgol Bro Dinefwr' });
  const partner = await buildSchool(db, { laCode: '669', name: 'Ysgol Llandeilo' });
  const other = await buildSchool(db, { laCode: '663' });
  const collaborative = await buildCollaborative(db, {
    kind: 'horizontal',
    laCode: '663',
    members: [school, partner],
    nameEn: 'Tywi valley group',
    nameCy: 'Grŵp dyffryn Tywi',
  });
  collaborativeId = collaborative.id;
  member = await buildUser(db, { role: 'headteacher', scopeId: school.number });
  practitioner = await buildUser(db, { role: 'practitioner', scopeId: partner.number });
  outsider = await buildUser(db, { role: 'headteacher', scopeId: other.number });
  facilitator = await buildFacilitator(db, collaborative.id, '663');
  coordinator = await buildUser(db, {
    role: 'partnership_coordinator',
    scopeId: (await buildPartnership(db, ['663', '669'])).id,
  });
  strangerCoordinator = await buildUser(db, {
    role: 'partnership_coordinator',
    scopeId: (await buildPartnership(db, ['660', '661'])).id,
  });
  await db.insert(meetings).values([
    {
      collaborativeId,
      title: 'Autumn planning meeting',
      meetsOn: inDays(7),
      startsAt: '16:00',
      location: 'Ysgol Llandeilo',
    },
    { collaborativeId, title: 'Last term’s meeting', meetsOn: inDays(-40) },
  ]);
  await db.insert(peerEnquiries).values([
    {
      collaborativeId,
      hostSchoolNumber: school.number,
      question: 'How well do learners talk about their learning?',
      state: 'preparing',
      visitStart: inDays(14),
    },
    { collaborativeId, hostSchoolNumber: partner.number, question: 'A closed enquiry', state: 'closed' },
  ]);
});
afterAll(() => t.close());

describe('a collaborative’s overview for the people of its space', () => {
  it('shows members what is coming up: the next meetings and the enquiries under way, in both languages', async () => {
    for (const who of [member, practitioner, facilitator]) {
      const page = await (await as(who)).get(`/collaboratives/${collaborativeId}`);
      expect(page.statusCode).toBe(200);
      const text = pageText(page.body);
      expect(text).toContain('Coming up');
      expect(text).toContain('Autumn planning meeting');
      expect(text).not.toContain('Last term’s meeting');
      expect(text).toContain('How well do learners talk about their learning?');
      expect(text).not.toContain('A closed enquiry');
      expect(page.body).toContain(`/collaboratives/${collaborativeId}/meetings`);
    }
    const welsh = pageText((await (await as(member)).get(`/collaboratives/${collaborativeId}?lang=cy`)).body);
    expect(welsh).toContain('Ar y gweill');
    expect(welsh).toContain('Grŵp dyffryn Tywi');
  });

  it('shows the space’s sections to members only; the LA officer who does not facilitate sees members, not what they shared', async () => {
    const memberPage = (await (await as(member)).get(`/collaboratives/${collaborativeId}`)).body;
    expect(memberPage).toContain(`href="/collaboratives/${collaborativeId}/shared"`);
    const officer = await buildUser(t.database.db, { role: 'la_officer', scopeId: '663' });
    const officerPage = await (await as(officer)).get(`/collaboratives/${collaborativeId}`);
    expect(officerPage.statusCode).toBe(200);
    expect(officerPage.body).not.toContain(`href="/collaboratives/${collaborativeId}/shared"`);
    expect(pageText(officerPage.body)).not.toContain('Coming up');
    expect((await (await as(outsider)).get(`/collaboratives/${collaborativeId}`)).statusCode).toBe(404);
  });

  it('lists a school’s collaboratives on its home page for its staff', async () => {
    const home = pageText((await (await as(member)).get(`/schools/${school.number}/home`)).body);
    expect(home).toContain('Our collaboratives');
    // Leaders also find the school's professional learning, profile and case studies from here.
    for (const page of ['professional-learning', 'profile', 'good-practice'])
      expect(home).toContain(`href="/schools/${school.number}/${page}"`);
    expect(home).toContain('Tywi valley group');
  });
});

describe('a partnership coordinator', () => {
  it('manages the collaboratives of the partnership’s LAs and creates one across them', async () => {
    const visitor = await as(coordinator);
    expect(pageText((await visitor.get('/collaboratives')).body)).toContain('Tywi valley group');
    expect((await visitor.get(`/collaboratives/${collaborativeId}/edit`)).statusCode).toBe(200);
    const form = (await visitor.get('/collaboratives/new')).body;
    expect(form).toContain('value="663"');
    expect(form).toContain('value="669"');
    const created = await visitor.post(
      '/collaboratives',
      {
        kind: 'horizontal',
        nameEn: 'Carmarthenshire and Swansea special schools',
        nameCy: 'Ysgolion arbennig Sir Gâr ac Abertawe',
        status: 'forming',
        basis: 'special',
        laCode: '669',
      },
      { tokenFrom: '/collaboratives/new' },
    );
    expect(created.statusCode).toBe(303);
    // An LA outside the partnership is refused, and nothing is created.
    const refused = await visitor.post(
      '/collaboratives',
      {
        kind: 'horizontal',
        nameEn: 'Elsewhere',
        nameCy: 'Rhywle arall',
        status: 'forming',
        basis: 'phase',
        laCode: '681',
      },
      { tokenFrom: '/collaboratives/new' },
    );
    expect(refused.statusCode).toBe(400);
    expect(pageText((await visitor.get('/collaboratives')).body)).not.toContain('Elsewhere');
  });

  it('is told collaboratives outside the partnership do not exist', async () => {
    const visitor = await as(strangerCoordinator);
    expect((await visitor.get(`/collaboratives/${collaborativeId}`)).statusCode).toBe(404);
    expect(pageText((await visitor.get('/collaboratives')).body)).not.toContain('Tywi valley group');
  });
});
