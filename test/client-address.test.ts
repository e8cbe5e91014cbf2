// Rate limits and sign-in lockouts count per client address: it must be the real one behind a
// reverse proxy (TRUST_PROXY), and one a client cannot choose when there is none.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCK_AFTER_FAILURES } from '../src/features/auth/auth-service.ts';
import { buildUser, TEST_PASSWORD } from './support/factories.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

let direct: TestApp;
let proxied: TestApp;
beforeAll(async () => {
  direct = await createTestApp();
  proxied = await createTestApp({ database: direct.database, env: { TRUST_PROXY: '10.0.0.0/8' } });
});
afterAll(async () => {
  await proxied.app.close();
  await direct.close();
});

/** A sign-in from `remoteAddress`, claiming to be forwarded for `forwardedFor`. */
async function signIn(app: TestApp, email: string, password: string, remoteAddress: string, forwardedFor: string) {
  const form = await app.app.inject({ url: '/sign-in', remoteAddress, headers: { 'x-forwarded-for': forwardedFor } });
  const csrf = /name="_csrf" value="([^"]+)"/.exec(form.body)![1]!;
  const cookie = [form.headers['set-cookie']]
    .flat()
    .map((c) => String(c).split(';')[0])
    .join('; ');
  const response = await app.app.inject({
    method: 'POST',
    url: '/sign-in',
    remoteAddress,
    headers: { cookie, 'x-forwarded-for': forwardedFor, 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ email, password, _csrf: csrf }).toString(),
  });
  return response.statusCode;
}

describe('the client address', () => {
  it('ignores X-Forwarded-For by default, so a client cannot dodge a lockout by claiming other addresses', async () => {
    const owner = await buildUser(direct.database.db);
    const statuses = [];
    for (let i = 0; i < LOCK_AFTER_FAILURES; i++)
      statuses.push(await signIn(direct, owner.email, `guess ${i}`, '198.51.100.60', `203.0.113.${i}`));
    expect(statuses.at(-1)).toBe(429);
    expect(await signIn(direct, owner.email, TEST_PASSWORD, '198.51.100.60', '203.0.113.200')).toBe(429);
  });

  it('is the forwarded one behind a trusted proxy, so one client’s lockout does not shut out others behind it', async () => {
    const owner = await buildUser(direct.database.db);
    for (let i = 0; i < LOCK_AFTER_FAILURES; i++)
      await signIn(proxied, owner.email, `guess ${i}`, '10.1.2.3', '203.0.113.70');
    expect(await signIn(proxied, owner.email, TEST_PASSWORD, '10.1.2.3', '203.0.113.70')).toBe(429);
    expect(await signIn(proxied, owner.email, TEST_PASSWORD, '10.1.2.3', '203.0.113.71')).toBe(303);
  });
});
