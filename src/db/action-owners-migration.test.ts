import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrationsUpTo } from '../backup/migration-level.ts';
import { wrapPglite } from './client.ts';

// Migration 0015 gives actions an owner who is a person (issue 13). A free-text owner naming
// exactly one active person among those who can see the action becomes that person; a name shared
// by two people, an inactive person's name, a stranger's name or someone who cannot see it does not.
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const u = { ana: id(1), bryn: id(2), brynToo: id(3), gone: id(4), officer: id(5), lead: id(6), head: id(7) };
const collab = id(20);

let client: PGlite;
let folder: string;
const rows = async <T>(query: string) => (await client.query<T>(query)).rows;
const owners = async (table: string) =>
  Object.fromEntries(
    (await rows<{ owner: string; owner_user_id: string | null }>(`select owner, owner_user_id from ${table}`)).map(
      (r) => [r.owner, r.owner_user_id],
    ),
  );

beforeAll(async () => {
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'cydwella-0015-'));
  client = await PGlite.create();
  const database = await wrapPglite(client);
  await database.migrate(migrationsUpTo(14, folder));
  await client.exec(`
    insert into schools (number, name, la_code, sector, search_text) values
      ('6812001', 'Ysgol Un', '681', 'primary', 'ysgol un'), ('6812002', 'Ysgol Dau', '681', 'primary', 'ysgol dau');
    insert into users (id, email, display_name, active) values
      ('${u.ana}', 'ana@x.test', 'Ana Jones', true), ('${u.bryn}', 'b1@x.test', 'Bryn Hughes', true),
      ('${u.brynToo}', 'b2@x.test', 'bryn hughes', true), ('${u.gone}', 'g@x.test', 'Gwen Left', false),
      ('${u.officer}', 'o@x.test', 'Olwen Officer', true), ('${u.lead}', 'l@x.test', 'Llew Lead', true),
      ('${u.head}', 'h@x.test', 'Huw Head', true);
    insert into role_assignments (user_id, role, scope_type, scope_id) values
      ('${u.ana}', 'practitioner', 'school', '6812001'), ('${u.ana}', 'school_leader', 'school', '6812001'),
      ('${u.bryn}', 'practitioner', 'school', '6812001'), ('${u.brynToo}', 'practitioner', 'school', '6812001'),
      ('${u.gone}', 'practitioner', 'school', '6812001'), ('${u.head}', 'headteacher', 'school', '6812002'),
      ('${u.officer}', 'la_officer', 'la', '681'), ('${u.lead}', 'collaborative_lead', 'collaborative', '${collab}');
    insert into cycles (id, school_number, academic_year) values ('${id(10)}', '6812001', 2025);
    insert into priorities (id, school_number, cycle_id, title) values ('${id(11)}', '6812001', '${id(10)}', 'Reading');
    insert into plan_actions (priority_id, description, owner) values
      ('${id(11)}', 'a', '  ana JONES '), ('${id(11)}', 'b', 'Bryn Hughes'), ('${id(11)}', 'c', 'Gwen Left'),
      ('${id(11)}', 'd', 'Huw Head'), ('${id(11)}', 'e', 'The literacy team');
    insert into collaboratives (id, kind, name_en, name_cy, la_code) values ('${collab}', 'vertical', 'C', 'C', '681');
    insert into collaborative_members (collaborative_id, school_number) values ('${collab}', '6812002');
    insert into meetings (id, collaborative_id, title, meets_on) values ('${id(21)}', '${collab}', 'M', '2025-10-01');
    insert into meeting_actions (meeting_id, description, owner) values
      ('${id(21)}', 'a', 'Llew Lead'), ('${id(21)}', 'b', 'Huw Head'), ('${id(21)}', 'c', 'Ana Jones');
    insert into la_cycles (id, la_code, academic_year) values ('${id(30)}', '681', 2025);
    insert into la_priorities (id, cycle_id, title) values ('${id(31)}', '${id(30)}', 'Attendance');
    insert into la_priority_actions (priority_id, description, owner) values
      ('${id(31)}', 'a', 'Olwen Officer'), ('${id(31)}', 'b', 'Ana Jones');
    insert into concern_cases (id, school_number, la_code, source, summary, opened_on) values
      ('${id(40)}', '6812002', '681', 'la_intelligence', 'S', '2025-10-01');
    insert into concern_support_items (case_id, action, owner) values
      ('${id(40)}', 'a', 'Huw Head'), ('${id(40)}', 'b', 'Olwen Officer'), ('${id(40)}', 'c', 'Ana Jones');
  `);
  await database.migrate();
});

afterAll(async () => {
  await client.close();
  fs.rmSync(folder, { recursive: true, force: true });
});

describe('migration 0015 (action owners)', () => {
  it("matches a plan action's owner to the one active member of its school's staff of that name", async () => {
    expect(await owners('plan_actions')).toEqual({
      '  ana JONES ': u.ana,
      'Bryn Hughes': null,
      'Gwen Left': null,
      'Huw Head': null,
      'The literacy team': null,
    });
  });

  it("matches a meeting action among its collaborative's member schools' staff and lead", async () => {
    expect(await owners('meeting_actions')).toEqual({ 'Llew Lead': u.lead, 'Huw Head': u.head, 'Ana Jones': null });
  });

  it("matches an LA action among the LA's staff", async () => {
    expect(await owners('la_priority_actions')).toEqual({ 'Olwen Officer': u.officer, 'Ana Jones': null });
  });

  it('matches a concern support item only among those who may open the case', async () => {
    expect(await owners('concern_support_items')).toEqual({
      'Huw Head': u.head,
      'Olwen Officer': u.officer,
      'Ana Jones': null,
    });
  });

  it('keeps every free-text owner as it was', async () => {
    expect(await rows("select count(*)::int as n from plan_actions where owner = ''")).toEqual([{ n: 0 }]);
  });
});
