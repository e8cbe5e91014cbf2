// Issue 16 on the signed-in home: what people wrote (evidence titles, plan actions, meeting titles,
// support needs) is shown in the reader's language when the record has that version, otherwise as
// written, with `lang` on it and marked "written in Welsh/English".
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCollaborative } from '../../../test/support/collaboration-factories.ts';
import { buildEvidence } from '../../../test/support/evidence-factories.ts';
import { buildUser, sessionCookie, type TestUser } from '../../../test/support/factories.ts';
import { Visitor } from '../../../test/support/http.ts';
import { buildAction, buildCycle, buildPriority } from '../../../test/support/plan-factories.ts';
import { buildSchool } from '../../../test/support/school-factories.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { meetings, supportRequests } from '../../db/schema/index.ts';
import { addDaysTo, todayInWales } from '../../lib/clock.ts';

let t: TestApp;
let head: TestUser, officer: TestUser;
const LA = '673';
const day = (offset: number) => todayInWales(addDaysTo(new Date(), offset));
const home = async (user: TestUser, lang: 'en' | 'cy') => {
  const visitor = new Visitor(t.app).withCookie(await sessionCookie(t.database.db, user.id));
  const response = await visitor.get(`/?lang=${lang}`);
  expect(response.statusCode).toBe(200);
  return response.body;
};
/** The list `key` of the page's HTML, from its heading to the end of its list. */
const listIn = (html: string, key: string) => {
  const start = html.indexOf(`data-key="${key}"`);
  expect(start).toBeGreaterThan(-1);
  return html.slice(start, html.indexOf('</ul>', start));
};

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  const school = await buildSchool(db, { laCode: LA, name: 'Ysgol Iaith' });
  head = await buildUser(db, { role: 'headteacher', scopeId: school.number });
  officer = await buildUser(db, { role: 'la_officer', scopeId: LA });
  const cycle = await buildCycle(db, school.number);
  await buildEvidence(db, school.number, cycle.id, [
    {
      title: 'Taith ddysgu: darllen',
      language: 'cy',
      otherLanguage: { title: 'Learning walk: reading' },
      curated: false,
    },
    { title: 'Arsylwi gwers heb gyfieithiad', language: 'cy', curated: false },
    {
      title: 'Book look: writing',
      language: 'en',
      otherLanguage: { title: 'Craffu ar lyfrau: ysgrifennu' },
      curated: false,
    },
  ]);
  const priority = await buildPriority(db, cycle, { title: 'Gwella darllen', language: 'cy' });
  await buildAction(db, priority.id, {
    description: 'Hyfforddi staff mewn darllen dan arweiniad',
    language: 'cy',
    otherLanguage: { description: 'Train staff in guided reading' },
    dueOn: day(3),
  });
  await buildAction(db, priority.id, { description: 'Prynu llyfrau newydd', language: 'cy', dueOn: day(4) });
  const cluster = await buildCollaborative(db, { laCode: LA, members: [school] });
  await db.insert(meetings).values({
    collaborativeId: cluster.id,
    title: 'Cyfarfod y clwstwr',
    language: 'cy',
    otherLanguage: { title: 'Cluster meeting' },
    meetsOn: day(10),
  });
  await db.insert(supportRequests).values({
    schoolNumber: school.number,
    priorityId: priority.id,
    need: 'Cymorth gydag asesu',
    language: 'cy',
    otherLanguage: { need: 'Help with assessment' },
    status: 'open',
  });
});
afterAll(async () => t?.close());

describe('the home shows people’s words in the reader’s language', () => {
  it('shows an English reader the English version of Welsh evidence, and a Welsh original without one marked', async () => {
    const evidence = listIn(await home(head, 'en'), 'evidence');
    expect(evidence).toMatch(/lang="en">Learning walk: reading<\/a>(?!\s*<span class="govuk-body-s app-written-in">)/);
    expect(evidence).not.toContain('Taith ddysgu');
    expect(evidence).toMatch(
      /lang="cy">Arsylwi gwers heb gyfieithiad<\/a> <span class="govuk-body-s app-written-in">\(written in Welsh\)<\/span>/,
    );
    expect(evidence).toMatch(/lang="en">Book look: writing<\/a>(?! <span)/);
  });

  it('shows a Welsh reader the Welsh version of English evidence and Welsh originals unmarked', async () => {
    const evidence = listIn(await home(head, 'cy'), 'evidence');
    expect(evidence).toContain('lang="cy">Craffu ar lyfrau: ysgrifennu</a>');
    expect(evidence).toContain('lang="cy">Taith ddysgu: darllen</a>');
    expect(evidence).not.toContain('app-written-in');
  });

  it('shows plan actions and meetings in the reader’s language, marked where there is no version', async () => {
    const html = await home(head, 'en');
    const actions = listIn(html, 'actions');
    expect(actions).toContain('lang="en">Train staff in guided reading</a>');
    expect(actions).toMatch(
      /lang="cy">Prynu llyfrau newydd<\/a> <span class="govuk-body-s app-written-in">\(written in Welsh\)<\/span>/,
    );
    expect(listIn(html, 'meetings')).toContain('lang="en">Cluster meeting</');
  });

  it('shows an LA officer a support request’s need in their language', async () => {
    const requests = listIn(await home(officer, 'en'), 'requests');
    expect(requests).toContain('<span lang="en">Help with assessment</span>');
    expect(requests).not.toContain('Cymorth gydag asesu');
  });
});
