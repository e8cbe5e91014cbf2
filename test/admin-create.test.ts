// `npm run admin:create` as an operator runs it on a new installation: an empty data directory,
// no users, and nothing else to get anyone in.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/db/client.ts';
import { auditEntries } from './support/audit-helpers.ts';
import { countRows } from './support/factories.ts';
import { pageText, Visitor } from './support/http.ts';
import { createTestApp } from './support/test-app.ts';

const run = promisify(execFile);
const root = path.join(import.meta.dirname, '..');
const PUBLIC_URL = 'https://cydwella.example.gov.wales';

let dataDir: string;
beforeAll(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cydwella-admin-create-'));
});
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

async function adminCreate(...args: string[]) {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: dataDir,
    NODE_ENV: 'production',
    COOKIE_SECRET: 'x'.repeat(40),
    PUBLIC_URL,
  };
  delete env.DATABASE_URL;
  try {
    const { stdout, stderr } = await run('npm', ['run', '-s', 'admin:create', '--', ...args], { env, cwd: root });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

async function onDisk<T>(work: (database: Awaited<ReturnType<typeof openDatabase>>) => Promise<T>): Promise<T> {
  const database = await openDatabase({ databaseUrl: null, pgliteDir: path.join(dataDir, 'pglite') });
  try {
    return await work(database);
  } finally {
    await database.close();
  }
}

describe('npm run admin:create', () => {
  it('creates the first administrator on an empty data directory, whose printed link lets them set a password and sign in', async () => {
    const created = await adminCreate('ffion.evans@example.gov.wales', '--name', 'Ffion Evans');
    expect(created.code, created.stderr).toBe(0);
    expect(created.stdout).toContain('Created the administrator Ffion Evans <ffion.evans@example.gov.wales>');
    const url = new RegExp(`${PUBLIC_URL.replace(/\./g, '\\.')}/set-password/[A-Za-z0-9_-]{43}`).exec(
      created.stdout,
    )?.[0];
    expect(url).toBeDefined();
    const linkPath = new URL(url!).pathname;

    await onDisk(async (database) => {
      const [entry] = await auditEntries(database.db, 'user-create');
      expect(entry).toMatchObject({
        actorId: null,
        after: {
          email: 'ffion.evans@example.gov.wales',
          assignment: { role: 'administrator', scopeType: 'platform', scopeId: null },
        },
      });
      const t = await createTestApp({ database });
      try {
        const visitor = new Visitor(t.app);
        const form = await visitor.get(linkPath);
        expect(form.statusCode).toBe(200);
        expect(form.body).toContain('ffion.evans@example.gov.wales');
        const set = await visitor.post(
          linkPath,
          { password: 'slate harbour meadow', confirmPassword: 'slate harbour meadow' },
          { tokenFrom: linkPath },
        );
        expect(set.headers.location).toBe('/sign-in?notice=passwordSet');
        expect(
          (await visitor.post('/sign-in', { email: 'ffion.evans@example.gov.wales', password: 'slate harbour meadow' }))
            .statusCode,
        ).toBe(303);
        const users = await visitor.get('/admin/users');
        expect(users.statusCode).toBe(200);
        expect(pageText(users.body)).toContain('Ffion Evans');
        // The link worked once.
        expect((await new Visitor(t.app).get(linkPath)).statusCode).toBe(404);
      } finally {
        await t.app.close();
      }
    });
  }, 180_000);

  it('refuses an email address that already has an account, whatever its case, and changes nothing', async () => {
    const usersBefore = await onDisk((database) => countRows(database.db, 'users'));
    const again = await adminCreate('Ffion.Evans@example.gov.wales');
    expect(again.code).toBe(1);
    expect(again.stderr).toContain(
      'There is already a user with the email address Ffion.Evans@example.gov.wales: nothing was changed',
    );
    expect(again.stdout).not.toContain('/set-password/');
    expect(await onDisk((database) => countRows(database.db, 'users'))).toBe(usersBefore);
  }, 120_000);

  it('refuses an email address that is not one, and a missing one', async () => {
    const invalid = await adminCreate('not-an-email', '--name', 'Someone');
    expect(invalid.code).toBe(1);
    expect(invalid.stderr).toContain('Enter an email address in the correct format');
    const missing = await adminCreate();
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('Usage: npm run admin:create -- EMAIL [--name "Full name"]');
  }, 120_000);
});
