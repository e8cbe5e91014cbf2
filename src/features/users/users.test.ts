import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, passwordTokens, roleAssignments, sessions, users } from '../../db/schema/index.ts';
import { loadCatalogue, type Language } from '../../plugins/i18n.ts';
import { hashToken } from '../../sessions/session-service.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import {
  buildAdministrator,
  buildUser,
  countRows,
  sessionCookie,
  TEST_PASSWORD,
} from '../../../test/support/factories.ts';
import { pageText, Visitor } from '../../../test/support/http.ts';

let t: TestApp;
let adminId: string;
let sequence = 0;

beforeAll(async () => {
  t = await createTestApp();
  adminId = (await buildAdministrator(t.database.db)).id;
});
afterAll(() => t.close());

/** A catalogue text, as the page shows it. */
function message(lang: Language, key: string): string {
  const value = key
    .split('.')
    .reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], loadCatalogue(lang));
  if (typeof value !== 'string') throw new Error(`No text at ${key}`);
  return value;
}

async function admin(lang: Language = 'en') {
  const visitor = new Visitor(t.app).withCookie(await sessionCookie(t.database.db, adminId));
  if (lang === 'cy') await visitor.get('/?lang=cy');
  return visitor;
}

function newUserForm(overrides: Record<string, string> = {}) {
  sequence++;
  return {
    displayName: `Megan Jones ${sequence}`,
    email: `megan${sequence}-${Date.now()}@example.test`,
    preferredLanguage: 'cy',
    role: 'la_officer',
    scopeId: '670',
    ...overrides,
  };
}

const LINK = /http:\/\/cydwella\.test\/set-password\/([A-Za-z0-9_-]{43})/;

async function createUser(visitor: Visitor, overrides: Record<string, string> = {}) {
  const form = newUserForm(overrides);
  const response = await visitor.post('/admin/users', form);
  expect(response.statusCode).toBe(201);
  const [row] = await t.database.db.select().from(users).where(eq(users.email, form.email));
  const link = LINK.exec(response.body);
  return { form, response, id: row!.id, token: link?.[1] ?? null, path: link ? `/set-password/${link[1]}` : null };
}

/** The error summary's links: where each points and what it says. */
function errorSummaryLinks(html: string) {
  const summary = /<div class="govuk-error-summary"[\s\S]*?<\/ul>/.exec(html)?.[0] ?? '';
  return [...summary.matchAll(/<a href="([^"]+)">([^<]*)<\/a>/g)].map((m) => ({ href: m[1], text: m[2]!.trim() }));
}

/** The message GOV.UK shows above a field, without its visually hidden "Error:" prefix. */
function inlineError(html: string, field: string): string | undefined {
  const match = new RegExp(`<p id="${field}-error" class="govuk-error-message">([\\s\\S]*?)</p>`).exec(html);
  return match?.[1]!.replace(/<span class="govuk-visually-hidden">[^<]*<\/span>/, '').trim();
}

async function auditFor(entityId: string) {
  return t.database.db.select().from(auditLog).where(eq(auditLog.entityId, entityId)).orderBy(asc(auditLog.id));
}

describe('creating a user', () => {
  const cases: { name: string; form: Record<string, string>; field: string; key: string }[] = [
    { name: 'no name', form: { displayName: '' }, field: 'displayName', key: 'pages.users.errors.nameMissing' },
    {
      name: 'a name over 200 characters',
      form: { displayName: 'N'.repeat(201) },
      field: 'displayName',
      key: 'pages.users.errors.nameTooLong',
    },
    { name: 'no email', form: { email: '' }, field: 'email', key: 'pages.users.errors.emailMissing' },
    {
      name: 'a malformed email',
      form: { email: 'megan at example' },
      field: 'email',
      key: 'pages.users.errors.emailInvalid',
    },
    {
      name: 'no language',
      form: { preferredLanguage: '' },
      field: 'preferredLanguage',
      key: 'pages.users.errors.languageMissing',
    },
    {
      name: 'an unknown language',
      form: { preferredLanguage: 'fr' },
      field: 'preferredLanguage',
      key: 'pages.users.errors.languageMissing',
    },
    { name: 'no role', form: { role: '' }, field: 'role', key: 'pages.users.errors.roleMissing' },
    { name: 'a made-up role', form: { role: 'superuser' }, field: 'role', key: 'pages.users.errors.roleMissing' },
    {
      name: 'no scope for a local authority role',
      form: { scopeId: '' },
      field: 'scopeId',
      key: 'pages.users.errors.scopeMissing',
    },
    {
      name: 'an unknown local authority code',
      form: { scopeId: '999' },
      field: 'scopeId',
      key: 'pages.users.errors.scopeUnknown.la',
    },
  ];

  for (const lang of ['en', 'cy'] as const) {
    it.each(cases)(
      `refuses $name (${lang}) with status 400, the message by the field, and nothing created`,
      async ({ form, field, key }) => {
        const visitor = await admin(lang);
        const before = {
          users: await countRows(t.database.db, 'users'),
          audit: await countRows(t.database.db, 'audit_log'),
        };
        const submitted = newUserForm(form);
        const response = await visitor.post('/admin/users', submitted);
        expect(response.statusCode).toBe(400);
        const text = pageText(response.body);
        const expected = message(lang, key);
        expect(errorSummaryLinks(text)).toEqual([{ href: `#${field}`, text: expected }]);
        expect(inlineError(text, field)).toBe(expected);
        expect(text).toContain(`<title>${message(lang, 'common.errorPrefix')}: `);
        if (lang === 'cy') expect(text).not.toContain(message('en', key));
        if (field !== 'email') expect(response.body).toContain(`value="${submitted.email}"`);
        expect(await countRows(t.database.db, 'users')).toBe(before.users);
        expect(await countRows(t.database.db, 'audit_log')).toBe(before.audit);
      },
    );
  }

  it('refuses an email address already in use, whatever its case', async () => {
    const existing = await buildUser(t.database.db);
    const before = await countRows(t.database.db, 'users');
    const response = await (await admin()).post('/admin/users', newUserForm({ email: existing.email.toUpperCase() }));
    expect(response.statusCode).toBe(400);
    expect(pageText(response.body)).toContain(message('en', 'pages.users.errors.emailTaken'));
    expect(await countRows(t.database.db, 'users')).toBe(before);
  });

  it('creates the user with their first role, audits it and shows the set-password link once', async () => {
    const visitor = await admin();
    const { form, response, id, token } = await createUser(visitor);
    expect(pageText(response.body)).toContain(message('en', 'pages.users.created'));
    expect(token).not.toBeNull();

    const [user] = await t.database.db.select().from(users).where(eq(users.id, id));
    expect(user).toMatchObject({
      displayName: form.displayName,
      preferredLanguage: 'cy',
      active: true,
      passwordHash: null,
    });
    const roles = await t.database.db.select().from(roleAssignments).where(eq(roleAssignments.userId, id));
    expect(roles).toEqual([expect.objectContaining({ role: 'la_officer', scopeType: 'la', scopeId: '670' })]);
    // Only the token's hash is stored.
    const tokens = await t.database.db.select().from(passwordTokens).where(eq(passwordTokens.userId, id));
    expect(tokens.map((r) => r.tokenHash)).toEqual([hashToken(token!)]);

    const audit = await auditFor(id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      actorId: adminId,
      action: 'user-create',
      entityType: 'user',
      before: null,
      after: {
        email: form.email,
        displayName: form.displayName,
        preferredLanguage: 'cy',
        assignment: { userId: id, role: 'la_officer', scopeType: 'la', scopeId: '670' },
      },
    });

    const later = await visitor.get(`/admin/users/${id}`);
    expect(later.statusCode).toBe(200);
    expect(later.body).toContain(form.email);
    expect(later.body).not.toContain('/set-password/');
  });

  it('lists the new user', async () => {
    const visitor = await admin();
    const { form } = await createUser(visitor, { displayName: 'Zebedee Unusualname' });
    const list = await visitor.get('/admin/users?q=unusualname');
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain(form.email);
    expect(pageText(list.body)).toContain('1 user');
  });
});

describe('the set-password link', () => {
  it('enforces the password rules, then sets the password once', async () => {
    const { id, path, form } = await createUser(await admin(), { preferredLanguage: 'en' });
    const invitee = new Visitor(t.app);
    const page = await invitee.get(path!);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(form.email);

    const localPart = form.email.split('@')[0]!;
    const refusals: [string, string, string, string][] = [
      ['short', 'short', 'password', 'passwords.problems.tooShort'],
      ['password1234', 'password1234', 'password', 'passwords.problems.common'],
      [`my ${localPart} secret`, `my ${localPart} secret`, 'password', 'passwords.problems.containsEmail'],
      ['otter kettle lantern', 'otter kettle lanterns', 'confirmPassword', 'passwords.problems.mismatch'],
    ];
    for (const [password, confirmPassword, field, key] of refusals) {
      const response = await invitee.post(path!, { password, confirmPassword }, { tokenFrom: path! });
      expect(response.statusCode, key).toBe(400);
      expect(pageText(response.body)).toContain(message('en', key));
      expect(response.body).toContain(`href="#${field}"`);
    }
    const [stillUnset] = await t.database.db.select().from(users).where(eq(users.id, id));
    expect(stillUnset!.passwordHash).toBeNull();

    const ok = await invitee.post(
      path!,
      { password: 'otter kettle lantern', confirmPassword: 'otter kettle lantern' },
      { tokenFrom: path! },
    );
    expect(ok.statusCode).toBe(303);
    expect(ok.headers.location).toBe('/sign-in?notice=passwordSet');
    expect(
      (await new Visitor(t.app).post('/sign-in', { email: form.email, password: 'otter kettle lantern' })).statusCode,
    ).toBe(303);

    const audit = await auditFor(id);
    expect(audit.find((a) => a.action === 'password-set')).toMatchObject({ actorId: id, entityType: 'user' });

    // Single use: the link no longer opens, and a second submission changes nothing.
    const [afterFirst] = await t.database.db.select().from(users).where(eq(users.id, id));
    const again = await invitee.get(path!);
    expect(again.statusCode).toBe(404);
    expect(pageText(again.body)).toContain(message('en', 'pages.setPassword.invalidTitle'));
    const replay = await invitee.post(
      path!,
      { password: 'another fine phrase', confirmPassword: 'another fine phrase' },
      { tokenFrom: '/sign-in' },
    );
    expect(replay.statusCode).toBe(404);
    const [afterReplay] = await t.database.db.select().from(users).where(eq(users.id, id));
    expect(afterReplay!.passwordHash).toBe(afterFirst!.passwordHash);
  });

  it('is refused once it has expired', async () => {
    const { id, path } = await createUser(await admin());
    await t.database.db
      .update(passwordTokens)
      .set({ expiresAt: new Date(Date.now() - 60_000) })
      .where(eq(passwordTokens.userId, id));
    const invitee = new Visitor(t.app);
    expect((await invitee.get(path!)).statusCode).toBe(404);
    const post = await invitee.post(
      path!,
      { password: 'otter kettle lantern', confirmPassword: 'otter kettle lantern' },
      { tokenFrom: '/sign-in' },
    );
    expect(post.statusCode).toBe(404);
    const [user] = await t.database.db.select().from(users).where(eq(users.id, id));
    expect(user!.passwordHash).toBeNull();
  });

  it('is replaced by a new one: the old link stops working', async () => {
    const visitor = await admin();
    const first = await createUser(visitor);
    const reissued = await visitor.post(`/admin/users/${first.id}/password-link`, {});
    expect(reissued.statusCode).toBe(200);
    const second = LINK.exec(reissued.body)?.[1];
    expect(second).toBeDefined();
    expect(second).not.toBe(first.token);
    const invitee = new Visitor(t.app);
    expect((await invitee.get(first.path!)).statusCode).toBe(404);
    expect((await invitee.get(`/set-password/${second}`)).statusCode).toBe(200);
    const audit = await auditFor(first.id);
    expect(audit.map((a) => a.action)).toEqual(['user-create', 'password-link-issue']);
    expect(audit[1]).toMatchObject({ actorId: adminId, entityType: 'user' });
  });

  it('cannot be issued for a user who does not exist', async () => {
    const response = await (await admin()).post('/admin/users/00000000-0000-4000-8000-000000000000/password-link', {});
    expect(response.statusCode).toBe(404);
  });
});

describe('roles', () => {
  it('adds a role, refuses an unknown local authority, and removes a role, auditing each change', async () => {
    const visitor = await admin();
    const { id } = await createUser(visitor);
    const added = await visitor.post(`/admin/users/${id}/assignments`, { role: 'improvement_partner', scopeId: '681' });
    expect(added.statusCode).toBe(303);
    expect(added.headers.location).toBe(`/admin/users/${id}`);
    const [assignment] = await t.database.db
      .select()
      .from(roleAssignments)
      .where(and(eq(roleAssignments.userId, id), eq(roleAssignments.role, 'improvement_partner')));
    expect(assignment).toMatchObject({ scopeType: 'la', scopeId: '681' });

    const unknown = await visitor.post(`/admin/users/${id}/assignments`, { role: 'la_officer', scopeId: '123' });
    expect(unknown.statusCode).toBe(400);
    expect(pageText(unknown.body)).toContain(message('en', 'pages.users.errors.scopeUnknown.la'));
    expect(await t.database.db.select().from(roleAssignments).where(eq(roleAssignments.userId, id))).toHaveLength(2);

    const removed = await visitor.post(`/admin/users/${id}/assignments/${assignment!.id}/delete`, {});
    expect(removed.statusCode).toBe(303);
    const left = await t.database.db.select().from(roleAssignments).where(eq(roleAssignments.userId, id));
    expect(left.map((r) => r.role)).toEqual(['la_officer']);
    const removedAgain = await visitor.post(`/admin/users/${id}/assignments/${assignment!.id}/delete`, {});
    expect(removedAgain.statusCode).toBe(404);

    const audit = await auditFor(id);
    expect(audit.map((a) => a.action)).toEqual(['user-create', 'role-assign', 'role-remove']);
    expect(audit[1]).toMatchObject({
      actorId: adminId,
      after: { userId: id, role: 'improvement_partner', scopeType: 'la', scopeId: '681' },
    });
    expect(audit[2]).toMatchObject({
      actorId: adminId,
      before: { id: assignment!.id, role: 'improvement_partner', scopeId: '681' },
    });
  });

  it('gives a national role without a scope, whatever was typed', async () => {
    const visitor = await admin();
    const { id } = await createUser(visitor);
    expect(
      (await visitor.post(`/admin/users/${id}/assignments`, { role: 'wg_official', scopeId: 'ignored' })).statusCode,
    ).toBe(303);
    const [row] = await t.database.db
      .select()
      .from(roleAssignments)
      .where(and(eq(roleAssignments.userId, id), eq(roleAssignments.role, 'wg_official')));
    expect(row).toMatchObject({ scopeType: 'national', scopeId: null });
  });
});

describe('deactivating a user', () => {
  it('ends their sessions, stops them signing in, and is audited; reactivating is audited too', async () => {
    const user = await buildUser(t.database.db, { role: 'headteacher', scopeId: '6812000' });
    const theirs = new Visitor(t.app).withCookie(await sessionCookie(t.database.db, user.id));
    expect((await theirs.get('/account')).statusCode).toBe(200);

    const visitor = await admin();
    const response = await visitor.post(`/admin/users/${user.id}/status`, { active: 'false' });
    expect(response.statusCode).toBe(303);
    const [row] = await t.database.db.select().from(users).where(eq(users.id, user.id));
    expect(row!.active).toBe(false);
    expect(await t.database.db.select().from(sessions).where(eq(sessions.userId, user.id))).toEqual([]);
    expect((await theirs.get('/account')).headers.location).toBe('/sign-in?next=%2Faccount');
    expect((await new Visitor(t.app).post('/sign-in', { email: user.email, password: TEST_PASSWORD })).statusCode).toBe(
      400,
    );

    expect((await visitor.post(`/admin/users/${user.id}/status`, { active: 'true' })).statusCode).toBe(303);
    const audit = await auditFor(user.id);
    expect(audit.map((a) => [a.action, a.actorId, a.before, a.after])).toEqual([
      ['user-deactivate', adminId, { active: true }, { active: false }],
      ['user-activate', adminId, { active: false }, { active: true }],
    ]);
    expect((await new Visitor(t.app).post('/sign-in', { email: user.email, password: TEST_PASSWORD })).statusCode).toBe(
      303,
    );
  });

  it('does not let administrators deactivate themselves', async () => {
    const response = await (await admin()).post(`/admin/users/${adminId}/status`, { active: 'false' });
    expect(response.statusCode).toBe(400);
    const [row] = await t.database.db.select().from(users).where(eq(users.id, adminId));
    expect(row!.active).toBe(true);
  });
});
