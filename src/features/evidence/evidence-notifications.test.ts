import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionCookie, type TestUser } from '../../../test/support/factories.ts';
import { Visitor } from '../../../test/support/http.ts';
import { postMultipart } from '../../../test/support/multipart.ts';
import { relayAll, toldOf } from '../../../test/support/notification-helpers.ts';
import { buildSchool, buildSchoolPeople, type SchoolPeople } from '../../../test/support/school-factories.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';

// A practitioner's evidence waits for a leader's review: the school's leaders are told, nobody else.
let t: TestApp;
let dataDir: string;
let school: Awaited<ReturnType<typeof buildSchool>>;
let people: SchoolPeople;
const today = new Date().toISOString().slice(0, 10);
const [year, month, day] = today.split('-') as [string, string, string];
const newUrl = () => `/schools/${school.number}/evidence/new`;
const fields = (title: string) => ({
  source: 'learning_walk',
  'observedOn-day': day,
  'observedOn-month': month,
  'observedOn-year': year,
  firstHand: 'yes',
  title,
});
const add = async (user: TestUser, title: string) =>
  postMultipart(
    t.app,
    new Visitor(t.app).withCookie(await sessionCookie(t.database.db, user.id)),
    newUrl(),
    fields(title),
  );

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cydwella-evidence-notify-'));
  t = await createTestApp({ env: { DATA_DIR: dataDir } });
  school = await buildSchool(t.database.db, { name: 'Ysgol Y Berllan Deg' });
  people = await buildSchoolPeople(t.database.db, school);
});
afterAll(async () => {
  await t.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('evidence to review', () => {
  it('tells the school’s leaders of a practitioner’s item, with a link to it', async () => {
    const response = await add(people.practitioner, 'Reading in Year 5');
    expect(response.statusCode).toBe(303);
    const itemPath = String(response.headers.location).replace(/\?.*$/, '');
    const told = await relayAll(t.database.db);
    const review = toldOf(told, 'evidence_to_review');
    expect([...review.keys()].sort()).toEqual([people.headteacher.id, people.leader.id].sort());
    expect(review.get(people.leader.id)).toBe(itemPath);
    expect(told[0]!.params).toEqual({ school: 'Ysgol Y Berllan Deg', title: 'Reading in Year 5' });
    for (const other of [
      people.practitioner,
      people.governor,
      people.laOfficer,
      people.otherHeadteacher,
      people.otherLaOfficer,
    ])
      expect(review.has(other.id)).toBe(false);
  });

  it('tells nobody of a leader’s own item, which needs no review', async () => {
    expect((await add(people.leader, 'Maths walk')).statusCode).toBe(303);
    expect(await relayAll(t.database.db)).toEqual([]);
  });
});
