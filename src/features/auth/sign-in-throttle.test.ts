// Issue 11: guessing a password from one place must not lock the account's owner out everywhere.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEntries } from '../../../test/support/audit-helpers.ts';
import { buildUser, TEST_PASSWORD, type TestUser } from '../../../test/support/factories.ts';
import { pageText, Visitor } from '../../../test/support/http.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { LOCK_AFTER_FAILURES, MAX_DELAY_MS } from './auth-service.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const attempt = (user: TestUser, from: string, password: string) =>
  new Visitor(t.app).from(from).post('/sign-in', { email: user.email, password });
async function fail(user: TestUser, from: string, times: number) {
  const statuses = [];
  for (let i = 0; i < times; i++) statuses.push((await attempt(user, from, `wrong guess ${i}`)).statusCode);
  return statuses;
}

describe('failed sign-ins', () => {
  it('lock out the client they came from, for that account only, and are audited once', async () => {
    const owner = await buildUser(t.database.db);
    const other = await buildUser(t.database.db);
    const statuses = await fail(owner, '203.0.113.9', LOCK_AFTER_FAILURES + 2);
    expect(statuses).toEqual([...Array<number>(LOCK_AFTER_FAILURES - 1).fill(400), 429, 429, 429]);
    const locked = await attempt(owner, '203.0.113.9', TEST_PASSWORD);
    expect(locked.statusCode).toBe(429);
    expect(pageText(locked.body)).toContain(
      'too many failed attempts to sign in to this account from this device or network. Try again in 15 minutes',
    );
    // The same client may still sign in to another account, and the owner from anywhere else.
    expect((await attempt(other, '203.0.113.9', TEST_PASSWORD)).statusCode).toBe(303);
    expect((await attempt(owner, '198.51.100.7', TEST_PASSWORD)).statusCode).toBe(303);
    const audits = await auditEntries(t.database.db, 'sign-in-locked', owner.id);
    expect(audits.map((a) => a.after)).toEqual([{ failures: LOCK_AFTER_FAILURES, client: '203.0.113.9' }]);
  });

  it('from many clients only slow the answers, up to a cap; the owner still gets in from a known address', async () => {
    const owner = await buildUser(t.database.db);
    expect((await attempt(owner, '192.0.2.50', TEST_PASSWORD)).statusCode).toBe(303);
    t.delays.length = 0;
    for (const client of ['203.0.113.1', '203.0.113.2', '203.0.113.3'])
      expect(await fail(owner, client, LOCK_AFTER_FAILURES - 1)).not.toContain(429);
    expect(Math.max(...t.delays)).toBe(MAX_DELAY_MS);
    expect(t.delays.at(-1)).toBe(MAX_DELAY_MS);
    t.delays.length = 0;
    expect((await attempt(owner, '192.0.2.50', TEST_PASSWORD)).statusCode).toBe(303);
    expect(t.delays).toEqual([MAX_DELAY_MS]);
    // Signing in started the count again.
    t.delays.length = 0;
    expect((await attempt(owner, '192.0.2.50', TEST_PASSWORD)).statusCode).toBe(303);
    expect(t.delays).toEqual([]);
  });

  it('never lock out an address the account has signed in from: it is only slowed', async () => {
    const owner = await buildUser(t.database.db);
    expect((await attempt(owner, '192.0.2.80', TEST_PASSWORD)).statusCode).toBe(303);
    t.delays.length = 0;
    expect(await fail(owner, '192.0.2.80', LOCK_AFTER_FAILURES + 2)).not.toContain(429);
    expect(Math.max(...t.delays)).toBe(MAX_DELAY_MS);
    expect((await attempt(owner, '192.0.2.80', TEST_PASSWORD)).statusCode).toBe(303);
    expect(await auditEntries(t.database.db, 'sign-in-locked', owner.id)).toEqual([]);
  });
});
