import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCollaborative, buildFacilitator, makeLead } from '../../../test/support/collaboration-factories.ts';
import { buildUser, sessionCookie, type TestUser } from '../../../test/support/factories.ts';
import { pageText, Visitor } from '../../../test/support/http.ts';
import { buildSchool } from '../../../test/support/school-factories.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { academicYearSpan } from '../../collaboration/school-terms.ts';
import { todayInWales } from '../../lib/clock.ts';
import {
  enquiryFollowUps,
  enquiryReviewers,
  meetings,
  meetingSchools,
  peerEnquiries,
  progressionSessions,
  progressionSessionSchools,
} from '../../db/schema/index.ts';
import { academicYearOf } from '../../reference/reference-data.ts';

let t: TestApp;
const LA = '673';
const as = async (user: { id: string }) => new Visitor(t.app).withCookie(await sessionCookie(t.database.db, user.id));
type School = Awaited<ReturnType<typeof buildSchool>>;
let p: School, q: School, r: School, s: School, w: School, u: School, v: School;
let x: { id: string };
let headP: TestUser,
  lead: TestUser,
  facilitator: TestUser,
  officer: TestUser,
  partner: TestUser,
  otherOfficer: TestUser;
const today = todayInWales(new Date());
const lastYear = academicYearSpan(academicYearOf(new Date(`${today}T12:00:00Z`)) - 1).start.replace(/-01$/, '-15');

/** The cells of the table row of a school, as text: [name and tags, hosted, visited, gave, received, meetings, sessions, last]. */
function row(html: string, name: string): string[] {
  const tr = html.split('<tr class="govuk-table__row">').find((part) => part.includes(`>${name}`));
  if (!tr) throw new Error(`No row for ${name}`);
  return [...tr.split('</tr>')[0]!.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((m) =>
    pageText(m[1]!.replace(/<[^>]+>/g, ' '))
      .replace(/\s+/g, ' ')
      .trim(),
  );
}

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  [p, q, r, s, w, u, v] = [
    await buildSchool(db, { laCode: LA, name: 'Alpha Primary' }),
    await buildSchool(db, { laCode: LA, name: 'Beta Primary' }),
    await buildSchool(db, { laCode: LA, name: 'Gamma High' }),
    await buildSchool(db, { laCode: LA, name: 'Delta Primary' }),
    await buildSchool(db, { laCode: LA, name: 'Epsilon Primary' }),
    await buildSchool(db, { laCode: LA, name: 'Zeta Primary' }),
    await buildSchool(db, { laCode: LA, name: 'Eta Special' }),
  ];
  x = await buildCollaborative(db, { laCode: LA, members: [p, q, r, s, w], nameEn: 'Alpha cluster' });
  const z = await buildCollaborative(db, { laCode: LA, members: [r, v], kind: 'horizontal' });
  headP = await buildUser(db, { role: 'headteacher', scopeId: p.number });
  lead = await buildUser(db);
  await makeLead(db, x.id, lead);
  facilitator = await buildFacilitator(db, x.id, LA);
  officer = await buildUser(db, { role: 'la_officer', scopeId: LA });
  partner = await buildUser(db, { role: 'improvement_partner', scopeId: LA });
  otherOfficer = await buildUser(db, { role: 'la_officer', scopeId: '674' });
  const reviewerQ = await buildUser(db, { role: 'practitioner', scopeId: q.number });
  const reviewerR = await buildUser(db, { role: 'school_leader', scopeId: r.number });

  const enquiry = async (host: School, state: string, visitStart: string, collaborativeId = x.id) =>
    (
      await db
        .insert(peerEnquiries)
        .values({
          collaborativeId,
          hostSchoolNumber: host.number,
          question: 'How well do we teach reading?',
          state,
          visitStart,
        })
        .returning()
    )[0]!;
  const hostedByP = await enquiry(p, 'closed', today);
  await db.insert(enquiryReviewers).values([
    { enquiryId: hostedByP.id, userId: reviewerQ.id, schoolNumber: q.number },
    { enquiryId: hostedByP.id, userId: reviewerR.id, schoolNumber: r.number },
  ]);
  await db
    .insert(enquiryFollowUps)
    .values({ enquiryId: hostedByP.id, description: 'Coaching in guided reading', supportingSchoolNumber: q.number });
  // Not yet visited, and cancelled: neither counts.
  const proposed = await enquiry(q, 'proposed', today);
  await db.insert(enquiryReviewers).values({ enquiryId: proposed.id, userId: headP.id, schoolNumber: p.number });
  const cancelled = await enquiry(r, 'cancelled', today);
  await db
    .insert(enquiryFollowUps)
    .values({ enquiryId: cancelled.id, description: 'Never happened', supportingSchoolNumber: s.number });

  const [meeting] = await db
    .insert(meetings)
    .values({ collaborativeId: x.id, title: 'Cluster meeting', meetsOn: today })
    .returning();
  await db.insert(meetingSchools).values([
    { meetingId: meeting!.id, schoolNumber: p.number },
    { meetingId: meeting!.id, schoolNumber: s.number },
  ]);
  const [old] = await db
    .insert(meetings)
    .values({ collaborativeId: x.id, title: 'Last year', meetsOn: lastYear })
    .returning();
  await db.insert(meetingSchools).values({ meetingId: old!.id, schoolNumber: w.number });
  // Another collaborative's session: not counted on this collaborative's page, but R is not alone.
  const [session] = await db
    .insert(progressionSessions)
    .values({ collaborativeId: z.id, heldOn: today, area: 'languages_literacy', progressionStep: 2 })
    .returning();
  await db.insert(progressionSessionSchools).values({ sessionId: session!.id, schoolNumber: r.number });
});
afterAll(() => t.close());

const page = `/collaboratives/${'${id}'}/reciprocity`;
const collaborativePage = () => page.replace('${id}', x.id);

describe("the collaborative's reciprocity", () => {
  it('counts who hosted, visited, gave and received support, meetings and sessions, by name and never ranked', async () => {
    const response = await (await as(headP)).get(collaborativePage());
    expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
    const html = response.body;
    //                                hosted visited gave received meetings sessions
    expect(row(html, 'Alpha Primary').slice(1, 7)).toEqual(['1', '0', '0', '1', '1', '0']);
    expect(row(html, 'Beta Primary').slice(1, 7)).toEqual(['0', '1', '1', '0', '0', '0']);
    expect(row(html, 'Gamma High').slice(1, 7)).toEqual(['0', '1', '0', '0', '0', '0']);
    expect(row(html, 'Delta Primary').slice(1, 7)).toEqual(['0', '0', '0', '0', '1', '0']);
    const names = ['Alpha Primary', 'Beta Primary', 'Delta Primary', 'Epsilon Primary', 'Gamma High'];
    const positions = names.map((n) => html.indexOf(`>${n}`));
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(html).not.toContain('Zeta Primary');
  });

  it('flags, with words, the school with no peer activity last term or this term', async () => {
    const html = (await (await as(lead)).get(collaborativePage())).body;
    expect(row(html, 'Epsilon Primary')[0]).toContain('Working alone');
    expect(row(html, 'Epsilon Primary')[7]).not.toBe('None recorded');
    for (const name of ['Alpha Primary', 'Beta Primary', 'Gamma High', 'Delta Primary'])
      expect(row(html, name)[0]).not.toContain('Working alone');
    expect(pageText(html)).toContain('1 school is working alone.');
  });

  it('shows last academic year when asked', async () => {
    const html = (await (await as(facilitator)).get(`${collaborativePage()}?period=previous`)).body;
    expect(row(html, 'Epsilon Primary').slice(5, 6)).toEqual(['1']);
    expect(row(html, 'Alpha Primary').slice(1, 7)).toEqual(['0', '0', '0', '0', '0', '0']);
    expect(html).toContain('<option value="previous" selected>');
  });

  it('draws the network as an SVG image with a title, a description, one arrow a link and a key', async () => {
    const html = (await (await as(facilitator)).get(collaborativePage())).body;
    const svg = html.slice(
      html.indexOf('<svg class="cyd-network"'),
      html.indexOf('</svg>', html.indexOf('<svg class="cyd-network"')),
    );
    expect(svg).toContain('role="img"');
    expect(svg).toContain('aria-labelledby="network-title network-desc"');
    expect(svg).toContain('<title id="network-title">');
    expect(pageText(svg)).toContain('5 schools on a circle. Solid arrows: 2 visits');
    expect(svg.match(/marker-end="url\(#arrow-visit\)"/g)).toHaveLength(2);
    expect(svg.match(/marker-end="url\(#arrow-support\)"/g)).toHaveLength(1);
    expect(svg.match(/<circle /g)).toHaveLength(5);
    const text = pageText(html);
    expect(text).toContain('Beta Primary visited Alpha Primary (once)');
    expect(text).toContain('Beta Primary supported Alpha Primary (once)');
    expect(text).toContain('Dashed line: support');
  });

  it('speaks Welsh', async () => {
    const text = pageText((await (await as(headP)).get(`${collaborativePage()}?lang=cy`)).body);
    expect(text).toContain('Dwyochredd');
    expect(text).toContain('Yn gweithio ar ei phen ei hun');
    expect(text).toContain('Ymwelodd Beta Primary â Alpha Primary (unwaith)');
    expect(text).toContain('Rhoddodd gymorth');
  });

  it('is open to LA staff of the LA, even when not facilitating, and a 404 to another LA', async () => {
    expect((await (await as(officer)).get(collaborativePage())).statusCode).toBe(200);
    expect((await (await as(partner)).get(collaborativePage())).statusCode).toBe(200);
    expect((await (await as(otherOfficer)).get(collaborativePage())).statusCode).toBe(404);
    const stranger = await buildUser(t.database.db, { role: 'headteacher', scopeId: u.number });
    expect((await (await as(stranger)).get(collaborativePage())).statusCode).toBe(404);
  });
});

describe("the LA's reciprocity", () => {
  const laPage = `/local-authorities/${LA}/reciprocity`;

  it('lists every open school of the LA, counting all collaboratives, and flags those in none', async () => {
    const response = await (await as(officer)).get(laPage);
    expect(response.statusCode).toBe(200);
    const html = response.body;
    expect(row(html, 'Gamma High').slice(1, 7)).toEqual(['0', '1', '0', '0', '0', '1']);
    expect(row(html, 'Zeta Primary')[0]).toContain('Working alone');
    expect(row(html, 'Zeta Primary')[0]).toContain('In no collaborative');
    expect(row(html, 'Eta Special')[0]).toContain('Working alone');
    expect(row(html, 'Eta Special')[0]).not.toContain('In no collaborative');
    expect(pageText(html)).toContain('1 open school is in no collaborative.');
    // Only linked schools are drawn: Alpha, Beta and Gamma.
    expect(html.slice(html.indexOf('<svg class="cyd-network"')).match(/<circle /g)!.length).toBeGreaterThanOrEqual(3);
    expect(pageText((await (await as(partner)).get(`${laPage}?lang=cy`)).body)).toContain(
      'Heb fod mewn grŵp cydweithredol',
    );
  });

  it('is a 404 to anyone but staff of that LA', async () => {
    for (const user of [otherOfficer, headP, lead]) expect((await (await as(user)).get(laPage)).statusCode).toBe(404);
    expect((await (await as(officer)).get('/local-authorities/999/reciprocity')).statusCode).toBe(404);
  });
});
