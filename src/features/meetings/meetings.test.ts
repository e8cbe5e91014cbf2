import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEntries } from '../../../test/support/audit-helpers.ts';
import { buildCollaborative, buildFacilitator } from '../../../test/support/collaboration-factories.ts';
import { buildUser, sessionCookie, type TestUser } from '../../../test/support/factories.ts';
import { pageText, Visitor } from '../../../test/support/http.ts';
import { buildSchool } from '../../../test/support/school-factories.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';

let t: TestApp;
const as = async (user: { id: string }) => new Visitor(t.app).withCookie(await sessionCookie(t.database.db, user.id));
const rows = async <T>(query: ReturnType<typeof sql>) =>
  ((await t.database.db.execute(query)) as unknown as { rows: T[] }).rows;
let head: TestUser, practitioner: TestUser, stranger: TestUser, facilitator: TestUser;
let collabId: string, base: string;
let schoolA: Awaited<ReturnType<typeof buildSchool>>, schoolB: typeof schoolA, outsider: typeof schoolA;

const meeting = (over: Record<string, string | string[]> = {}) => ({
  title: 'Autumn cluster meeting',
  'meetsOn-day': '14',
  'meetsOn-month': '10',
  'meetsOn-year': '2030',
  startsAt: '9:30',
  endsAt: '11:00',
  location: 'Ysgol Gynradd Afon, hall',
  agenda: 'Transition\nShared priorities',
  schools: [schoolA.number, schoolB.number],
  attendees: 'Rhian Evans, headteacher\nGareth Price, improvement partner',
  notes: '',
  ...over,
});

async function addMeeting(visitor: Visitor, form = meeting()) {
  const response = await visitor.post(`${base}/new`, form, { tokenFrom: `${base}/new` });
  expect(response.statusCode, pageText(response.body).slice(0, 2000)).toBe(303);
  return response.headers.location!.split('/')[4]!.split('?')[0]!;
}

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  schoolA = await buildSchool(db, { laCode: '669', sector: 'primary', name: 'Ysgol Gynradd Afon' });
  schoolB = await buildSchool(db, { laCode: '669', sector: 'secondary', name: 'Ysgol Uwchradd Afon' });
  outsider = await buildSchool(db, { laCode: '669', sector: 'primary', name: 'Ysgol Bell' });
  const collaborative = await buildCollaborative(db, {
    members: [schoolA, schoolB],
    nameEn: 'Afon cluster',
    nameCy: 'Clwstwr Afon',
  });
  collabId = collaborative.id;
  base = `/collaboratives/${collabId}/meetings`;
  head = await buildUser(db, { role: 'headteacher', scopeId: schoolA.number });
  practitioner = await buildUser(db, { role: 'practitioner', scopeId: schoolB.number });
  stranger = await buildUser(db, { role: 'headteacher', scopeId: outsider.number });
  facilitator = await buildFacilitator(db, collabId, '669');
});
afterAll(() => t.close());

describe('meetings', () => {
  it('lets a member headteacher add a meeting, audited, with schools represented, and shows it in both languages', async () => {
    const visitor = await as(head);
    const id = await addMeeting(visitor);
    const page = await visitor.get(`${base}/${id}?lang=en`);
    expect(page.statusCode).toBe(200);
    const text = pageText(page.body);
    expect(text).toContain('Autumn cluster meeting');
    expect(text).toContain('09:30 to 11:00');
    expect(text).toContain('Gareth Price, improvement partner');
    expect(text).toContain('2 people present');
    const saved = await rows<{ starts_at: string; ends_at: string; language: string }>(
      sql`select starts_at, ends_at, language from meetings where id = ${id}`,
    );
    expect(saved[0]).toEqual({ starts_at: '09:30', ends_at: '11:00', language: 'en' });
    const schools = await rows<{ school_number: string }>(
      sql`select school_number from meeting_schools where meeting_id = ${id} order by 1`,
    );
    expect(schools.map((s) => s.school_number)).toEqual([schoolA.number, schoolB.number].sort());
    const [audit] = await auditEntries(t.database.db, 'meeting-create', id);
    expect(audit?.actorId).toBe(head.id);
    const welsh = pageText((await visitor.get(`${base}/${id}?lang=cy`)).body);
    expect(welsh).toContain('09:30 i 11:00');
    expect(welsh).toContain('Camau gweithredu a gytunwyd');
    expect(welsh).toContain('Ychwanegu at y calendr');
    const list = pageText((await visitor.get(`${base}?lang=en`)).body);
    expect(list).toContain('Upcoming meetings');
    expect(list).toContain('Ysgol Gynradd Afon, Ysgol Uwchradd Afon');
  });

  it('refuses a bad form with every problem, values kept, nothing saved', async () => {
    const visitor = await as(head);
    const before = await rows<{ n: number }>(sql`select count(*)::int as n from meetings`);
    const bad = await visitor.post(
      `${base}/new?lang=en`,
      meeting({
        title: '',
        'meetsOn-day': '31',
        'meetsOn-month': '2',
        startsAt: '11:00',
        endsAt: '10:00',
        schools: [outsider.number],
        location: 'Kept here',
      }),
      { tokenFrom: `${base}/new` },
    );
    expect(bad.statusCode).toBe(400);
    const text = pageText(bad.body);
    expect(text).toContain('Enter a title');
    expect(text).toContain('The date must be a real date');
    expect(text).toContain('The end time must be after the start time');
    expect(text).toContain('Choose only schools that are members');
    expect(bad.body).toContain('value="Kept here"');
    const cy = await visitor.post(`${base}/new?lang=cy`, meeting({ startsAt: '25:00' }), { tokenFrom: `${base}/new` });
    expect(cy.statusCode).toBe(400);
    expect(pageText(cy.body)).toContain('Rhowch amser ar y cloc 24 awr');
    expect(await rows<{ n: number }>(sql`select count(*)::int as n from meetings`)).toEqual(before);
  });

  it('asks before saving notes that look like they name a learner, and saves once confirmed', async () => {
    const visitor = await as(head);
    const flagged = await visitor.post(
      `${base}/new?lang=en`,
      meeting({ notes: 'We discussed how Tomos Williams has settled into Year 7.' }),
      { tokenFrom: `${base}/new` },
    );
    expect(flagged.statusCode).toBe(400);
    expect(pageText(flagged.body)).toContain("“Tomos Williams” looks like a person's full name.");
    const id = await addMeeting(
      visitor,
      meeting({ notes: 'We discussed how Tomos Williams has settled into Year 7.', learnerDataChecked: 'yes' }),
    );
    const [audit] = await auditEntries(t.database.db, 'meeting-create', id);
    expect((audit?.after as { learnerDataConfirmed: string[] }).learnerDataConfirmed).toEqual(['full_name']);
  });

  it('edits with optimistic locking: a stale version gets 409 with both versions shown', async () => {
    const visitor = await as(head);
    const id = await addMeeting(visitor);
    const edit = `${base}/${id}/edit`;
    expect(
      (
        await visitor.post(edit, meeting({ version: '1', notes: 'Agreed to share writing samples.' }), {
          tokenFrom: edit,
        })
      ).statusCode,
    ).toBe(303);
    const stale = await (
      await as(facilitator)
    ).post(`${edit}?lang=en`, meeting({ version: '1', title: 'Renamed by the facilitator' }), { tokenFrom: edit });
    expect(stale.statusCode).toBe(409);
    const text = pageText(stale.body);
    expect(text).toContain('Someone else saved changes while you were editing');
    expect(text).toContain('Agreed to share writing samples.');
    expect(text).toContain('Renamed by the facilitator');
    const saved = await rows<{ title: string; version: number }>(
      sql`select title, version from meetings where id = ${id}`,
    );
    expect(saved[0]).toEqual({ title: 'Autumn cluster meeting', version: 2 });
    expect(await auditEntries(t.database.db, 'meeting-update', id)).toHaveLength(1);
  });

  it('records agreed actions, marks overdue ones, and marks them done and open again', async () => {
    const visitor = await as(head);
    const id = await addMeeting(visitor, meeting({ 'meetsOn-year': '2024' }));
    const page = `${base}/${id}`;
    const bad = await visitor.post(
      `${page}/actions?lang=en`,
      { description: '', owner: '', 'dueOn-day': '40', 'dueOn-month': '1', 'dueOn-year': '2025' },
      { tokenFrom: page },
    );
    expect(bad.statusCode).toBe(400);
    expect(pageText(bad.body)).toContain('Enter the action');
    expect(pageText(bad.body)).toContain('The due date must be a real date');
    const ok = await visitor.post(
      `${page}/actions`,
      {
        description: 'Share moderation samples',
        owner: 'Rhian Evans',
        ownerSchool: schoolA.number,
        'dueOn-day': '1',
        'dueOn-month': '2',
        'dueOn-year': '2025',
      },
      { tokenFrom: page },
    );
    expect(ok.statusCode).toBe(303);
    const [action] = await rows<{ id: string; status: string }>(
      sql`select id, status from meeting_actions where meeting_id = ${id}`,
    );
    const shown = pageText((await visitor.get(`${page}?lang=en`)).body);
    expect(shown).toContain('Share moderation samples');
    expect(shown).toContain('Overdue');
    expect(pageText((await visitor.get(`${page}?lang=cy`)).body)).toContain('Hwyr');
    expect(
      (
        await visitor.post(
          `${page}/actions/${action!.id}/status`,
          { version: '1', status: 'done' },
          { tokenFrom: page },
        )
      ).statusCode,
    ).toBe(303);
    const afterDone = pageText((await visitor.get(`${page}?lang=en`)).body);
    expect(afterDone).not.toContain('Overdue');
    expect((await visitor.get(`${base}?lang=en`)).statusCode).toBe(200);
    // A stale status form changes nothing.
    const stale = await visitor.post(
      `${page}/actions/${action!.id}/status`,
      { version: '1', status: 'open' },
      { tokenFrom: page },
    );
    expect(stale.headers.location).toContain('action-stale');
    expect(
      (
        await visitor.post(
          `${page}/actions/${action!.id}/status`,
          { version: '2', status: 'open' },
          { tokenFrom: page },
        )
      ).statusCode,
    ).toBe(303);
    expect(await auditEntries(t.database.db, 'meeting-action-create', action!.id)).toHaveLength(1);
    expect(await auditEntries(t.database.db, 'meeting-action-done', action!.id)).toHaveLength(1);
    expect(await auditEntries(t.database.db, 'meeting-action-reopen', action!.id)).toHaveLength(1);
    const editUrl = `${page}/actions/${action!.id}/edit`;
    const edited = await visitor.post(
      editUrl,
      {
        version: '3',
        description: 'Share writing samples',
        owner: 'Rhian Evans',
        ownerSchool: '',
        'dueOn-day': '',
        'dueOn-month': '',
        'dueOn-year': '',
      },
      { tokenFrom: editUrl },
    );
    expect(edited.statusCode).toBe(303);
    const conflict = await visitor.post(
      `${editUrl}?lang=en`,
      { version: '3', description: 'Older text', owner: 'Rhian Evans' },
      { tokenFrom: editUrl },
    );
    expect(conflict.statusCode).toBe(409);
    expect(pageText(conflict.body)).toContain('Share writing samples');
    expect(await auditEntries(t.database.db, 'meeting-action-update', action!.id)).toHaveLength(1);
  });

  it('gives a calendar file with a stable UID, Wales time and the collaborative in the summary', async () => {
    const visitor = await as(practitioner);
    const id = await addMeeting(await as(head));
    const ics = await visitor.get(`${base}/${id}/calendar.ics?lang=en`);
    expect(ics.statusCode).toBe(200);
    expect(ics.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(ics.headers['content-disposition']).toMatch(/^attachment; filename=".+\.ics"$/);
    const body = ics.body.replace(/\r\n /g, '');
    expect(body.startsWith('BEGIN:VCALENDAR')).toBe(true);
    expect(body.match(/BEGIN:VEVENT/g)).toHaveLength(1);
    expect(body).toContain(`UID:${id}@cydwella`);
    expect(body).toContain('DTSTART;TZID=Europe/London:20301014T093000');
    expect(body).toContain('DTEND;TZID=Europe/London:20301014T110000');
    expect(body).toContain('BEGIN:VTIMEZONE');
    expect(body).toContain('SUMMARY:Autumn cluster meeting (Afon cluster)');
    expect(body).toContain('LOCATION:Ysgol Gynradd Afon\\, hall');
    expect(body).toContain('DESCRIPTION:Agenda:\\nTransition\\nShared priorities');
    expect(body).toContain(`/collaboratives/${collabId}/meetings/${id}`);
    const again = (await visitor.get(`${base}/${id}/calendar.ics?lang=cy`)).body.replace(/\r\n /g, '');
    expect(again).toContain(`UID:${id}@cydwella`);
    expect(again).toContain('SUMMARY:Autumn cluster meeting (Clwstwr Afon)');
    const allDay = await addMeeting(await as(head), meeting({ startsAt: '', endsAt: '' }));
    const allDayIcs = (await visitor.get(`${base}/${allDay}/calendar.ics`)).body;
    expect(allDayIcs).toContain('DTSTART;VALUE=DATE:20301014');
    expect(allDayIcs).toContain('DTEND;VALUE=DATE:20301015');
  });

  it('refuses strangers with 404 and members who may only look with 403', async () => {
    const id = await addMeeting(await as(head));
    const out = await as(stranger);
    for (const url of [base, `${base}/${id}`, `${base}/${id}/calendar.ics`, `${base}/new`, `${base}/${id}/edit`])
      expect((await out.get(url)).statusCode, url).toBe(404);
    const looker = await as(practitioner);
    expect((await looker.get(`${base}/${id}`)).statusCode).toBe(200);
    expect(pageText((await looker.get(`${base}/${id}`)).body)).not.toContain('Add an agreed action');
    expect((await looker.get(`${base}/new`)).statusCode).toBe(403);
    expect((await looker.get(`${base}/${id}/edit`)).statusCode).toBe(403);
    expect((await looker.post(`${base}/new`, meeting(), { tokenFrom: `${base}/${id}` })).statusCode).toBe(403);
    expect(
      (await looker.post(`${base}/${id}/actions`, { description: 'x', owner: 'y' }, { tokenFrom: `${base}/${id}` }))
        .statusCode,
    ).toBe(403);
    // Another collaborative's URL does not reach this meeting.
    const other = await buildCollaborative(t.database.db, { members: [schoolA] });
    expect((await (await as(head)).get(`/collaboratives/${other.id}/meetings/${id}`)).statusCode).toBe(404);
  });
});
