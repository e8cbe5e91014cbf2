// Issue 16 in "My actions" and the home's "your actions": an action's description and the priority
// it serves are shown in the reader's language when the record has that version, otherwise as
// written, with `lang` on them and marked "written in Welsh/English".
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, sessionCookie, type TestUser } from '../../../test/support/factories.ts';
import { Visitor } from '../../../test/support/http.ts';
import { buildAction, buildCycle, buildPriority } from '../../../test/support/plan-factories.ts';
import { buildSchool } from '../../../test/support/school-factories.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { settableClock } from '../../lib/clock.ts';

let t: TestApp;
let head: TestUser;
const TODAY = '2027-01-20';
const get = async (path: string) => {
  const visitor = new Visitor(t.app).withCookie(await sessionCookie(t.database.db, head.id, t.clock.now()));
  const response = await visitor.get(path);
  expect(response.statusCode).toBe(200);
  return response.body;
};
const MARK = '<span class="govuk-body-s app-written-in">(written in Welsh)</span>';

beforeAll(async () => {
  t = await createTestApp({ clock: settableClock(`${TODAY}T10:00:00Z`) });
  const db = t.database.db;
  const school = await buildSchool(db);
  head = await buildUser(db, { role: 'headteacher', scopeId: school.number });
  const cycle = await buildCycle(db, school.number);
  const priority = await buildPriority(db, cycle, {
    title: 'Gwella darllen',
    language: 'cy',
    otherLanguage: { title: 'Improve reading' },
  });
  await buildAction(db, priority.id, {
    description: 'Hyfforddi staff mewn darllen dan arweiniad',
    language: 'cy',
    otherLanguage: { description: 'Train staff in guided reading' },
    dueOn: '2027-01-25',
    ownerUserId: head.id,
  });
  await buildAction(db, priority.id, {
    description: 'Prynu llyfrau newydd',
    language: 'cy',
    dueOn: '2027-01-26',
    ownerUserId: head.id,
  });
});
afterAll(async () => t?.close());

describe('actions in the reader’s language', () => {
  it('shows an English reader the English version of a Welsh action and its priority, and marks one without', async () => {
    const html = await get('/my/actions?lang=en');
    expect(html).toMatch(/lang="en">Train staff in guided reading<\/a>(?! <span)/);
    expect(html).not.toContain('Hyfforddi staff');
    expect(html).toContain(`lang="cy">Prynu llyfrau newydd</a> ${MARK}`);
    expect(html).toContain('<span lang="en">Improve reading</span>');
    expect(html).not.toContain('Gwella darllen');
  });

  it('shows a Welsh reader the Welsh originals, unmarked', async () => {
    const html = await get('/my/actions?lang=cy');
    expect(html).toContain('lang="cy">Hyfforddi staff mewn darllen dan arweiniad</a>');
    expect(html).toContain('<span lang="cy">Gwella darllen</span>');
    expect(html).not.toContain('app-written-in');
  });

  it('does the same in the home’s own list of my actions', async () => {
    const html = await get('/?lang=en');
    const start = html.indexOf('data-key="your-actions"');
    const mine = html.slice(start, html.indexOf('</ul>', start));
    expect(mine).toContain('lang="en">Train staff in guided reading</a>');
    expect(mine).toContain(`lang="cy">Prynu llyfrau newydd</a> ${MARK}`);
  });
});
