// The people and forms of the bad-input suite: one persona per role (the demo's own accounts
// first), each walking the pages it can open to find the forms it may submit.
import { sql } from 'drizzle-orm';
import { DEMO_ACCOUNTS, DEMO_SCHOOL } from '../../src/demo/demo-data.ts';
import { formsAfterPosts, peopleUploadForms, prepareStates, type Persona } from './bad-input-states.ts';
import { crawlForms, type FoundForm } from './form-crawler.ts';
import { buildUser, sessionCookie } from './factories.ts';
import { Visitor } from './http.ts';
import type { TestApp } from './test-app.ts';

/** The demo school and its authority hold a record in every state; their pages come first. */
const DEMO_RECORDS = new RegExp(`/(schools/${DEMO_SCHOOL}|local-authorities/681)(/|$)`);

export type { Persona };
export type Reached = { forms: Map<string, FoundForm[]>; pages: number };

/** Signed-in personas for every role held in the world, and an anonymous visitor. */
export async function personasOf(t: TestApp): Promise<Persona[]> {
  const db = t.database.db;
  // Two holders of each role where there are two: the demo's own account and another, since
  // each sees records in different states (one school's plan awaiting approval, another's not).
  const demoEmails = sql.join(
    DEMO_ACCOUNTS.map((a) => sql`${a.email}`),
    sql`, `,
  );
  const holders = (
    (await db.execute(sql`
    select role, "userId", n from (
      select a.role, a.user_id as "userId", row_number() over (partition by a.role order by u.email in (${demoEmails}) desc, u.email) as n
      from role_assignments a join users u on u.id = a.user_id where u.active) ranked
    where n <= 2 order by role, n`)) as unknown as { rows: { role: string; userId: string; n: number }[] }
  ).rows;
  const personas: Persona[] = holders.map(({ role, userId, n }) => {
    const visitor = new Visitor(t.app);
    return {
      name: Number(n) === 1 ? role : `${role} (another)`,
      visitor,
      userId,
      refreshSession: async () => void visitor.withCookie(await sessionCookie(db, userId)),
    };
  });
  // The demo's governing body has governors but no chair or clerk, who alone delegate the recording
  // of the plan's approval: one of each, so their pages and forms are walked too.
  // And a governor not yet delegated, so the chair's form to delegate one has someone to offer.
  await buildUser(db, { role: 'governor', scopeId: `GB${DEMO_SCHOOL}` });
  for (const role of ['chair_of_governors', 'clerk'] as const) {
    if (holders.some((h) => h.role === role)) continue;
    const holder = await buildUser(db, { role, scopeId: `GB${DEMO_SCHOOL}` });
    const visitor = new Visitor(t.app);
    personas.push({
      name: role,
      visitor,
      userId: holder.id,
      refreshSession: async () => void visitor.withCookie(await sessionCookie(db, holder.id)),
    });
  }
  for (const p of personas) await p.refreshSession();
  personas.push({ name: 'anonymous', visitor: new Visitor(t.app), refreshSession: async () => undefined });
  return personas;
}

/**
 * Every POST form each persona can reach. A few forms appear only once something has happened
 * (a password link issued, a calendar feed turned on, an API token made, a record brought to the state the form
 * needs): those happen first, as a person would do them, and their pages are opened first.
 */
export async function reachForms(t: TestApp, personas: Persona[]): Promise<Reached> {
  const byName = new Map(personas.map((p) => [p.name, p]));
  const admin = byName.get('administrator')!.visitor;
  const newcomer = await buildUser(t.database.db, { role: 'practitioner', scopeId: '6812308' });
  const link = await admin.post(`/admin/users/${newcomer.id}/password-link`, {});
  const token = /\/set-password\/([\w-]{43})/.exec(link.body)?.[1];
  if (!token) throw new Error(`No password link issued (status ${link.statusCode})`);
  const calendar = await byName.get('headteacher')!.visitor.post('/account/calendar', {});
  if (calendar.statusCode !== 200) throw new Error(`Calendar feed not turned on (status ${calendar.statusCode})`);
  const apiToken = await byName
    .get('headteacher')!
    .visitor.post('/account/api-tokens', { name: 'MIS', scopes: 'directory:read', lifetimeDays: '30' });
  if (apiToken.statusCode !== 200) throw new Error(`No API token made (status ${apiToken.statusCode})`);

  const errands = await prepareStates(t, personas);

  const forms = new Map<string, FoundForm[]>();
  let pages = 0;
  for (const persona of personas) {
    const start = persona.name === 'anonymous' ? ['/sign-in', `/set-password/${token}`] : ['/'];
    const maxPages = persona.walks === false ? 0 : 150;
    const found = await crawlForms(t.app, persona.visitor, persona.name, {
      maxPages,
      perPattern: 2,
      start,
      prefer: DEMO_RECORDS,
      errands: errands.get(persona.name) ?? [],
    });
    pages += found.pages;
    for (const form of found.forms) forms.set(form.route.url, [...(forms.get(form.route.url) ?? []), form]);
  }
  for (const form of [
    ...(await formsAfterPosts(t, byName.get('administrator')!)),
    ...(await peopleUploadForms(t, personas)),
  ])
    forms.set(form.route.url, [...(forms.get(form.route.url) ?? []), form]);
  return { forms, pages };
}
