import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrationsUpTo } from '../backup/migration-level.ts';
import { wrapPglite } from './client.ts';

// Migration 0012 turns the LA self-evaluation's uuid[] links into join tables and renames
// la_plan_actions. A database built at 0011 holding links the old way must come out of 0012
// with every link that points at a real row, and every row it had.
const ids = {
  cycle: '00000000-0000-4000-8000-000000000001',
  e1: '00000000-0000-4000-8000-0000000000e1',
  e2: '00000000-0000-4000-8000-0000000000e2',
  eOther: '00000000-0000-4000-8000-0000000000e3',
  f1: '00000000-0000-4000-8000-0000000000f1',
  f2: '00000000-0000-4000-8000-0000000000f2',
  p1: '00000000-0000-4000-8000-0000000000a1',
  p2: '00000000-0000-4000-8000-0000000000a2',
  action: '00000000-0000-4000-8000-0000000000c1',
  gone: '00000000-0000-4000-8000-00000000dead',
};

let client: PGlite;
let folder: string;
const rows = async <T>(query: string) => (await client.query<T>(query)).rows;

beforeAll(async () => {
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'cydwella-0012-'));
  client = await PGlite.create();
  const database = await wrapPglite(client);
  await database.migrate(migrationsUpTo(12, folder));
  expect(await rows<{ n: number }>('select count(*)::int as n from drizzle.__drizzle_migrations')).toEqual([{ n: 12 }]);
  await client.exec(`
    insert into la_cycles (id, la_code, academic_year, stage) values ('${ids.cycle}', '681', 2025, 'making_sense');
    insert into la_evidence (id, cycle_id, source, observed_on, title) values
      ('${ids.e1}', '${ids.cycle}', 'survey', '2025-10-01', 'Survey'),
      ('${ids.e2}', '${ids.cycle}', 'aggregate_data', '2025-10-02', 'Attendance'),
      ('${ids.eOther}', '${ids.cycle}', 'staff_dialogue', '2025-10-03', 'Notes, linked to nothing');
    insert into la_findings (id, cycle_id, kind, title, evidence_ids) values
      ('${ids.f1}', '${ids.cycle}', 'strength', 'Clusters plan together', array['${ids.e1}', '${ids.e2}', '${ids.gone}', '${ids.e1}']::uuid[]),
      ('${ids.f2}', '${ids.cycle}', 'area_for_development', 'Attendance varies', array['${ids.e2}']::uuid[]);
    insert into la_priorities (id, cycle_id, title, state, success_measure, finding_ids) values
      ('${ids.p1}', '${ids.cycle}', 'Attendance', 'agreed', 'Persistent absence falls', array['${ids.f2}', '${ids.f1}', '${ids.gone}']::uuid[]),
      ('${ids.p2}', '${ids.cycle}', 'Writing at transition', 'draft', '', '{}');
    insert into la_plan_actions (id, priority_id, description, status, version) values ('${ids.action}', '${ids.p1}', 'Share attendance figures with clusters', 'in_progress', 3);
    insert into la_impact_reviews (priority_id, what_changed, reviewed_on) values ('${ids.p1}', 'Fewer absences', '2026-03-01');
  `);
  await database.migrate();
});

afterAll(async () => {
  await client.close();
  fs.rmSync(folder, { recursive: true, force: true });
});

describe('migration 0012 (LA self-evaluation links)', () => {
  it('keeps every link to a real row as a join row, once, and drops only links to rows that are gone', async () => {
    expect(
      await rows('select finding_id, evidence_id from la_finding_evidence order by finding_id, evidence_id'),
    ).toEqual([
      { finding_id: ids.f1, evidence_id: ids.e1 },
      { finding_id: ids.f1, evidence_id: ids.e2 },
      { finding_id: ids.f2, evidence_id: ids.e2 },
    ]);
    expect(
      await rows('select priority_id, finding_id from la_priority_findings order by priority_id, finding_id'),
    ).toEqual([
      { priority_id: ids.p1, finding_id: ids.f1 },
      { priority_id: ids.p1, finding_id: ids.f2 },
    ]);
  });

  it('keeps every row of the LA self-evaluation, the actions under their new name', async () => {
    const counts = await rows<Record<string, number>>(`select
      (select count(*)::int from la_cycles) as cycles, (select count(*)::int from la_evidence) as evidence,
      (select count(*)::int from la_findings) as findings, (select count(*)::int from la_priorities) as priorities,
      (select count(*)::int from la_impact_reviews) as impact`);
    expect(counts).toEqual([{ cycles: 1, evidence: 3, findings: 2, priorities: 2, impact: 1 }]);
    expect(await rows(`select id, priority_id, description, status, version from la_priority_actions`)).toEqual([
      {
        id: ids.action,
        priority_id: ids.p1,
        description: 'Share attendance figures with clusters',
        status: 'in_progress',
        version: 3,
      },
    ]);
    expect(await rows(`select to_regclass('la_plan_actions') as old`)).toEqual([{ old: null }]);
  });

  it('drops the arrays, and the foreign keys now hold both ways', async () => {
    const columns = await rows<{ column_name: string }>(
      `select column_name from information_schema.columns where table_name in ('la_findings', 'la_priorities') and column_name in ('evidence_ids', 'finding_ids')`,
    );
    expect(columns).toEqual([]);
    await expect(client.query(`insert into la_finding_evidence values ('${ids.f2}', '${ids.gone}')`)).rejects.toThrow(
      /foreign key/,
    );
    await client.exec(`delete from la_evidence where id = '${ids.e2}'`);
    expect(await rows(`select finding_id from la_finding_evidence where evidence_id = '${ids.e2}'`)).toEqual([]);
    await client.exec(`delete from la_findings where id = '${ids.f1}'`);
    expect(await rows(`select finding_id from la_priority_findings`)).toEqual([{ finding_id: ids.f2 }]);
  });

  it('refuses a code the app does not know', async () => {
    await expect(client.query(`update la_priorities set state = 'ranked' where id = '${ids.p2}'`)).rejects.toThrow(
      /la_priorities_state_known/,
    );
    await expect(client.query(`update la_priority_actions set status = 'late'`)).rejects.toThrow(
      /la_priority_actions_status_known/,
    );
    await expect(client.query(`update la_cycles set stage = 'finished'`)).rejects.toThrow(/la_cycles_stage_known/);
  });
});
