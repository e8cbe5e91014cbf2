// PostgreSQL mode only (DATABASE_URL set), like postgres.test.ts: instances on one server share
// their rate limits and sign-in lockouts. In embedded mode there is only ever one process.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgres, type Database } from '../src/db/client.ts';
import { LOCK_AFTER_FAILURES } from '../src/features/auth/auth-service.ts';
import { buildUser, TEST_PASSWORD } from './support/factories.ts';
import { Visitor } from './support/http.ts';
import { createTestDatabase } from './support/test-database.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

const url = process.env.DATABASE_URL;

describe.skipIf(!url)(
  'two instances on one PostgreSQL database (skipped without DATABASE_URL: PGlite is one process)',
  () => {
    let first: Database & { url?: string };
    let second: Database;
    const apps: TestApp[] = [];
    /** Two instances of the app, each with its own connection pool, with these settings. */
    const pair = async (env: Record<string, string>) => {
      const made = [
        await createTestApp({ database: first, env }),
        await createTestApp({ database: second, env }),
      ] as const;
      apps.push(...made);
      return made;
    };

    beforeAll(async () => {
      first = await createTestDatabase();
      second = openPostgres(first.url!);
    });
    afterAll(async () => {
      for (const app of apps) await app.app.close();
      await second.close();
      await first.close();
    });

    it('count every request against one limit, whichever instance answers', async () => {
      const [a, b] = await pair({ RATE_LIMIT_PER_MINUTE: '4' });
      const statuses = [];
      for (const app of [a, b, a, b, a, b])
        statuses.push((await app.app.inject({ url: '/privacy', remoteAddress: '198.51.100.20' })).statusCode);
      expect(statuses).toEqual([200, 200, 200, 200, 429, 429]);
      // Another client has its own count.
      expect((await b.app.inject({ url: '/privacy', remoteAddress: '198.51.100.21' })).statusCode).toBe(200);
    });

    it('share the tighter sign-in limit', async () => {
      const [a, b] = await pair({ SIGN_IN_RATE_LIMIT_PER_MINUTE: '3' });
      const statuses = [];
      for (const app of [a, b, a, b]) {
        statuses.push(
          (
            await new Visitor(app.app)
              .from('198.51.100.30')
              .post('/sign-in', { email: 'nobody@example.test', password: 'wrong' })
          ).statusCode,
        );
      }
      expect(statuses).toEqual([400, 400, 400, 429]);
    });

    it('share the lockout of a client that keeps guessing an account’s password', async () => {
      const [a, b] = await pair({});
      const owner = await buildUser(first.db);
      const statuses = [];
      for (let i = 0; i < LOCK_AFTER_FAILURES; i++) {
        const app = i % 2 === 0 ? a : b;
        statuses.push(
          (
            await new Visitor(app.app)
              .from('203.0.113.40')
              .post('/sign-in', { email: owner.email, password: `guess ${i}` })
          ).statusCode,
        );
      }
      expect(statuses).toEqual([...Array<number>(LOCK_AFTER_FAILURES - 1).fill(400), 429]);
      for (const app of [a, b])
        expect(
          (
            await new Visitor(app.app)
              .from('203.0.113.40')
              .post('/sign-in', { email: owner.email, password: TEST_PASSWORD })
          ).statusCode,
        ).toBe(429);
      expect(
        (
          await new Visitor(b.app)
            .from('203.0.113.41')
            .post('/sign-in', { email: owner.email, password: TEST_PASSWORD })
        ).statusCode,
      ).toBe(303);
    });
  },
);
