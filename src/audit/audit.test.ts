import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { asc, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openDatabase, type Database, type Db } from '../db/client.ts';
import { auditLog } from '../db/schema/index.ts';
import { createTestApp, type TestApp } from '../../test/support/test-app.ts';
import { createTestDatabase, createTestDataDir } from '../../test/support/test-database.ts';
import { buildAdministrator, buildUser, sessionCookie } from '../../test/support/factories.ts';
import { pageText, Visitor } from '../../test/support/http.ts';
import { entryHash, GENESIS_HASH, verifyChain } from './audit-chain.ts';
import { allAuditEntries, appendAudit, type AuditInput } from './audit-repository.ts';

const run = promisify(execFile);

async function append(db: Db, input: Partial<AuditInput> & { at?: string } = {}) {
  const { at, ...rest } = input;
  if (at) {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(at));
  }
  try {
    await db.transaction((tx) =>
      appendAudit(tx, { actorId: null, action: 'test-action', entityType: 'test', entityId: null, ...rest }),
    );
  } finally {
    vi.useRealTimers();
  }
}

async function entries(db: Db) {
  return db.select().from(auditLog).orderBy(asc(auditLog.id));
}

async function verify(db: Db) {
  const all = [];
  // Pages of two entries, so the streaming the CLI relies on is exercised too.
  for await (const entry of allAuditEntries(db, 2)) all.push(entry);
  return verifyChain(all);
}

/** A fresh database with five chained entries, for tests that tamper with it. */
async function databaseWithFiveEntries(): Promise<Database> {
  const database = await createTestDatabase();
  for (let i = 1; i <= 5; i++)
    await append(database.db, { action: `step-${i}`, entityId: String(i), after: { step: i, note: 'ŷ' } });
  return database;
}

async function withoutAppendOnlyTrigger(db: Db, change: () => Promise<unknown>) {
  await db.execute(sql`alter table audit_log disable trigger audit_log_no_update_or_delete`);
  await change();
  await db.execute(sql`alter table audit_log enable trigger audit_log_no_update_or_delete`);
}

describe('the audit chain', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('links each entry to the one before it, including entries made through the app', async () => {
    const admin = await buildAdministrator(t.database.db);
    const visitor = new Visitor(t.app).withCookie(await sessionCookie(t.database.db, admin.id));
    await append(t.database.db, { action: 'first', before: { b: [1, { z: 1, a: 2 }] }, after: { a: 'ŵ' } });
    expect(
      (
        await visitor.post('/admin/users', {
          displayName: 'Chain Link',
          email: 'chain@example.test',
          preferredLanguage: 'en',
          role: 'wg_official',
          scopeId: '',
        })
      ).statusCode,
    ).toBe(201);
    await append(t.database.db, { action: 'last', actorId: admin.id, entityId: 'x' });

    const rows = await entries(t.database.db);
    expect(rows.map((r) => r.action)).toEqual(['first', 'user-create', 'last']);
    expect(rows[0]!.prevHash).toBe(GENESIS_HASH);
    for (let i = 1; i < rows.length; i++) expect(rows[i]!.prevHash).toBe(rows[i - 1]!.hash);
    for (const row of rows) expect(row.hash).toBe(entryHash(row.prevHash, row));
    expect(new Set(rows.map((r) => r.hash)).size).toBe(rows.length);
    expect(await verify(t.database.db)).toEqual({ checked: 3, problems: [] });
  });

  it('stays one chain when many changes are recorded at once', async () => {
    await Promise.all(
      Array.from({ length: 20 }, (_, i) => append(t.database.db, { action: 'concurrent', entityId: String(i) })),
    );
    const { checked, problems } = await verify(t.database.db);
    expect(problems).toEqual([]);
    expect(checked).toBe(await t.database.db.$count(auditLog));
  });

  it('refuses updates and deletes at the database', async () => {
    const [first] = await entries(t.database.db);
    const refusal = (statement: Promise<unknown>) =>
      statement.then(
        () => 'allowed',
        (error: Error) => String((error.cause as Error | undefined)?.message ?? error.message),
      );
    expect(
      await refusal(t.database.db.execute(sql`update audit_log set action = 'rewritten' where id = ${first!.id}`)),
    ).toBe('audit_log is append-only');
    expect(await refusal(t.database.db.execute(sql`delete from audit_log where id = ${first!.id}`))).toBe(
      'audit_log is append-only',
    );
    const [after] = await entries(t.database.db);
    expect(after).toEqual(first);
  });
});

describe('tampering with the audit log', () => {
  it('is reported as a hash mismatch when an entry is edited', async () => {
    const database = await databaseWithFiveEntries();
    try {
      expect(await verify(database.db)).toEqual({ checked: 5, problems: [] });
      const third = (await entries(database.db))[2]!;
      await withoutAppendOnlyTrigger(database.db, () =>
        database.db.execute(
          sql`update audit_log set after = '{"step": 3, "note": "changed"}'::jsonb where id = ${third.id}`,
        ),
      );
      expect(await verify(database.db)).toEqual({ checked: 5, problems: [{ id: third.id, problem: 'hash-mismatch' }] });
    } finally {
      await database.close();
    }
  });

  it('is reported as a broken link when an entry is removed', async () => {
    const database = await databaseWithFiveEntries();
    try {
      const rows = await entries(database.db);
      await withoutAppendOnlyTrigger(database.db, () =>
        database.db.execute(sql`delete from audit_log where id = ${rows[2]!.id}`),
      );
      expect(await verify(database.db)).toEqual({
        checked: 4,
        problems: [{ id: rows[3]!.id, problem: 'broken-link' }],
      });
    } finally {
      await database.close();
    }
  });
});

describe('npm run audit:verify', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cydwella-audit-'));
    await createTestDataDir(dataDir);
  });
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  async function onDisk(work: (database: Database) => Promise<unknown>) {
    const database = await openDatabase({ databaseUrl: null, pgliteDir: path.join(dataDir, 'pglite') });
    try {
      await work(database);
    } finally {
      await database.close();
    }
  }

  async function verifyCommand(directory = dataDir) {
    const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: directory, NODE_ENV: 'test' };
    delete env.DATABASE_URL;
    try {
      const { stdout, stderr } = await run('npm', ['run', '-s', 'audit:verify'], {
        env,
        cwd: path.join(import.meta.dirname, '../..'),
      });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const failed = error as { code: number; stdout: string; stderr: string };
      return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
    }
  }

  it('exits 0 on an intact log and 1 once an entry was edited', async () => {
    await onDisk(async ({ db }) => {
      for (let i = 1; i <= 3; i++) await append(db, { action: `step-${i}` });
    });
    const clean = await verifyCommand();
    expect(clean.stdout).toContain('Audit log intact: 3 entries');
    expect(clean.code).toBe(0);

    await onDisk(({ db }) =>
      withoutAppendOnlyTrigger(db, () =>
        db.execute(sql`update audit_log set action = 'rewritten' where action = 'step-2'`),
      ),
    );
    const tampered = await verifyCommand();
    expect(tampered.code).toBe(1);
    expect(tampered.stderr).toContain('Audit log TAMPERED: 1 problem(s) in 3 entries');
    expect(tampered.stderr).toMatch(/entry 2: its content does not match its hash/);
  }, 60_000);

  it('exits 2, creating nothing, when there is no database where DATA_DIR points', async () => {
    const nowhere = path.join(dataDir, 'not-here');
    const result = await verifyCommand(nowhere);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`There is no embedded database at ${path.join(nowhere, 'pglite')}`);
    expect(fs.existsSync(nowhere)).toBe(false);
  }, 30_000);
});

describe('the audit log page', () => {
  let t: TestApp;
  let admin: Visitor;
  let alys: string;
  let bryn: string;

  beforeAll(async () => {
    t = await createTestApp();
    const adminUser = await buildAdministrator(t.database.db);
    admin = new Visitor(t.app).withCookie(await sessionCookie(t.database.db, adminUser.id));
    alys = (await buildUser(t.database.db)).id;
    bryn = (await buildUser(t.database.db)).id;
    await append(t.database.db, {
      at: '2025-01-10T09:00:00Z',
      actorId: alys,
      action: 'widget-make',
      entityType: 'widget',
      entityId: 'w1',
    });
    await append(t.database.db, {
      at: '2025-02-20T09:00:00Z',
      actorId: bryn,
      action: 'widget-break',
      entityType: 'widget',
      entityId: 'w2',
    });
    await append(t.database.db, {
      at: '2025-03-30T22:30:00Z',
      actorId: alys,
      action: 'gadget-make',
      entityType: 'gadget',
      entityId: 'g1',
    });
    // 00:30 on 11 July in Wales (BST), still 10 July in UTC.
    await append(t.database.db, {
      at: '2025-07-10T23:30:00Z',
      actorId: bryn,
      action: 'gadget-make',
      entityType: 'gadget',
      entityId: 'g2',
    });
  });
  afterAll(() => t.close());

  /** The records listed, in the order shown. */
  async function listed(query: string) {
    const response = await admin.get(`/admin/audit?${query}`);
    expect(response.statusCode, query).toBe(200);
    const body = /<tbody[\s\S]*<\/tbody>/.exec(response.body)?.[0] ?? '';
    return [...body.matchAll(/cyd-break-word">([^<]*)<\/td>/g)].map((m) => m[1]!.trim());
  }

  it.each([
    ['entityType=widget', ['widget w2', 'widget w1']],
    ['action=gadget-make', ['gadget g2', 'gadget g1']],
    ['actorId=ALYS', ['gadget g1', 'widget w1']],
    ['entityType=widget&actorId=ALYS', ['widget w1']],
    ['from=2025-02-01&to=2025-02-28', ['widget w2']],
    ['from=2025-01-10&to=2025-01-10', ['widget w1']],
    ['entityType=gadget&from=2025-03-30&to=2025-03-30', ['gadget g1']],
    ['entityType=gadget&from=2025-07-11&to=2025-07-11', ['gadget g2']],
    ['entityType=gadget&from=2025-07-10&to=2025-07-10', []],
    ['entityType=gadget&to=2025-03-31', ['gadget g1']],
    ['entityType=widget&from=2025-01-11', ['widget w2']],
    ['action=nothing-like-this', []],
  ])('filters %s', async (query, expected) => {
    expect(await listed(query.replace('ALYS', alys))).toEqual(expected);
  });

  it('shows every entry, newest first, with no filter', async () => {
    const all = await listed('');
    expect(all.slice(0, 4)).toEqual(['gadget g2', 'gadget g1', 'widget w2', 'widget w1']);
    const response = await admin.get('/admin/audit?entityType=widget');
    expect(pageText(response.body)).toContain('2 entries');
  });

  it('refuses malformed filters with a 400 page', async () => {
    for (const query of ['actorId=not-a-uuid', 'from=2025-13-45', 'to=yesterday', 'page=0']) {
      expect((await admin.get(`/admin/audit?${query}`)).statusCode, query).toBe(400);
    }
  });

  it('is forbidden to everyone but administrators', async () => {
    for (const role of ['la_officer', 'wg_official', 'headteacher'] as const) {
      const user = await buildUser(t.database.db, { role });
      const response = await new Visitor(t.app)
        .withCookie(await sessionCookie(t.database.db, user.id))
        .get('/admin/audit');
      expect(response.statusCode, role).toBe(403);
      expect(response.body).not.toContain('widget-make');
    }
  });
});
