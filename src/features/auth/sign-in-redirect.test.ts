// Issue 11: after signing in, `next` must never take the browser to another site or break the answer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOSTILE_TARGETS } from '../../../test/support/hostile-redirects.ts';
import { buildUser, TEST_PASSWORD, type TestUser } from '../../../test/support/factories.ts';
import { pageText, Visitor } from '../../../test/support/http.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { isUnsafeText } from '../../lib/unsafe-text.ts';

let t: TestApp;
let user: TestUser;
beforeAll(async () => {
  t = await createTestApp();
  user = await buildUser(t.database.db);
});
afterAll(() => t.close());

/** The `next` the sign-in page puts in its form, as the browser would send it back. */
function hiddenNext(html: string): string {
  return pageText(/name="next" value="([^"]*)"/.exec(html)![1]!);
}

describe('the page to return to after signing in', () => {
  // Characters no field may hold (NUL and other controls) are refused before sign-in is even tried.
  const refusedOutright = HOSTILE_TARGETS.filter(isUnsafeText);
  const cleanedUp = HOSTILE_TARGETS.filter((value) => !isUnsafeText(value));

  it.each(refusedOutright.map((value) => [JSON.stringify(value), value]))(
    'refuses %s outright with a 400, signing nobody in',
    async (_label, value) => {
      const visitor = new Visitor(t.app);
      expect((await visitor.get(`/sign-in?next=${encodeURIComponent(value)}`)).statusCode).toBe(400);
      const response = await visitor.post(
        '/sign-in',
        { email: user.email, password: TEST_PASSWORD, next: value },
        { tokenFrom: '/sign-in' },
      );
      expect(response.statusCode).toBe(400);
      expect(response.headers.location).toBeUndefined();
    },
  );

  it.each(cleanedUp.map((value) => [JSON.stringify(value), value]))(
    'sends a visitor home, not to %s',
    async (_label, value) => {
      const visitor = new Visitor(t.app);
      const page = await visitor.get(`/sign-in?next=${encodeURIComponent(value)}`);
      expect(page.statusCode).toBe(200);
      expect(hiddenNext(page.body)).toBe('/');
      // Posted straight to the form, without the page having cleaned it first.
      const response = await visitor.post('/sign-in', { email: user.email, password: TEST_PASSWORD, next: value });
      expect(response.statusCode).toBe(303);
      expect(response.headers.location).toBe('/');
    },
  );

  it('returns to the page that asked for sign-in', async () => {
    const visitor = new Visitor(t.app);
    const guarded = await visitor.get('/account?tab=learning');
    expect(guarded.headers.location).toBe('/sign-in?next=%2Faccount%3Ftab%3Dlearning');
    const page = await visitor.get(guarded.headers.location as string);
    const response = await visitor.post('/sign-in', {
      email: user.email,
      password: TEST_PASSWORD,
      next: hiddenNext(page.body),
    });
    expect(response.headers.location).toBe('/account?tab=learning');
  });
});
