import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrationsUpTo } from '../backup/migration-level.ts';
import { wrapPglite } from './client.ts';

// Migration 0022 makes each action that asked for support a request (issue 15): one per priority and
// broker, joining an open request already there, linked to the actions, so nothing asked for is lost.
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const alpha = id(20);
const beta = id(21);
const [p1, p2, p3] = [id(11), id(12), id(13)];
const typed = id(30);
const matched = id(31);

let client: PGlite;
let folder: string;
const rows = async <T>(query: string) => (await client.query<T>(query)).rows;
type Request = {
  id: string;
  priority_id: string;
  broker: string | null;
  need: string;
  status: string;
  from_plan: boolean;
};
const requests = () =>
  rows<Request>(
    `select id, priority_id, broker_collaborative_id as broker, need, status, from_plan from support_requests order by priority_id, need`,
  );
const linkOf = async (description: string) =>
  (
    await rows<{ request_id: string | null }>(
      `select s.request_id from plan_actions a left join plan_action_support s on s.action_id = a.id where a.description = '${description}'`,
    )
  )[0]?.request_id ?? null;

beforeAll(async () => {
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'cydwella-0022-'));
  client = await PGlite.create();
  const database = await wrapPglite(client);
  await database.migrate(migrationsUpTo(20, folder));
  await client.exec(`
    insert into schools (number, name, la_code, sector, search_text) values
      ('6812001', 'Ysgol Un', '681', 'primary', 'ysgol un'), ('6812002', 'Ysgol Dau', '681', 'primary', 'ysgol dau');
    insert into collaboratives (id, kind, name_en, name_cy, la_code) values
      ('${beta}', 'vertical', 'Beta', 'Beta', '681'), ('${alpha}', 'vertical', 'Alpha', 'Alffa', '681');
    insert into collaborative_members (collaborative_id, school_number) values ('${beta}', '6812001'), ('${alpha}', '6812001');
    insert into cycles (id, school_number, academic_year) values ('${id(10)}', '6812001', 2025), ('${id(14)}', '6812002', 2025);
    insert into priorities (id, school_number, cycle_id, title) values
      ('${p1}', '6812001', '${id(10)}', 'Reading'), ('${p2}', '6812001', '${id(10)}', 'Writing'),
      ('${p3}', '6812002', '${id(14)}', 'Numeracy');
    insert into support_requests (id, school_number, priority_id, need, status) values
      ('${typed}', '6812001', '${p2}', 'Typed on the request form', 'open'),
      ('${matched}', '6812001', '${p2}', 'Matched earlier', 'matched');
    insert into plan_actions (priority_id, description, support_from, support_detail, language, created_at) values
      ('${p1}', 'a1', 'la', 'Phonics training', 'en', '2025-10-01'),
      ('${p1}', 'a2', 'la', 'Hyfforddiant darllen', 'cy', '2025-10-02'),
      ('${p1}', 'a3', 'collaborative', 'A partner school', 'en', '2025-10-03'),
      ('${p1}', 'a4', 'none', '', 'en', '2025-10-04'),
      ('${p2}', 'a5', 'la', 'Moderation', 'en', '2025-10-05'),
      ('${p3}', 'b1', 'collaborative', '', 'en', '2025-10-06');
  `);
  await database.migrate();
});

afterAll(async () => {
  await client.close();
  fs.rmSync(folder, { recursive: true, force: true });
});

describe('migration 0022 (support asked on actions)', () => {
  it('makes one request for the actions of a priority asking the same broker, and links both', async () => {
    const [request] = (await requests()).filter((r) => r.priority_id === p1 && r.broker === null);
    expect(request).toMatchObject({
      status: 'open',
      from_plan: true,
      need: 'Phonics training\n\na1\n\nHyfforddiant darllen\n\na2',
    });
    expect(await linkOf('a1')).toBe(request!.id);
    expect(await linkOf('a2')).toBe(request!.id);
  });

  it("sends a collaborative ask to the school's collaborative, the first by name when it is in several", async () => {
    const [request] = (await requests()).filter((r) => r.priority_id === p1 && r.broker !== null);
    expect(request).toMatchObject({ broker: alpha, need: 'A partner school\n\na3', from_plan: true });
    expect(await linkOf('a3')).toBe(request!.id);
  });

  it('joins an open request typed on the request form, adding the need, never a matched one', async () => {
    const ofP2 = (await requests()).filter((r) => r.priority_id === p2);
    expect(ofP2).toHaveLength(2);
    expect(ofP2.find((r) => r.id === typed)).toMatchObject({
      need: 'Typed on the request form\n\nModeration\n\na5',
      from_plan: false,
      status: 'open',
    });
    expect(ofP2.find((r) => r.id === matched)).toMatchObject({ need: 'Matched earlier', status: 'matched' });
    expect(await linkOf('a5')).toBe(typed);
  });

  it('has the LA broker when the school is in no collaborative, and leaves actions asking nothing alone', async () => {
    const [request] = (await requests()).filter((r) => r.priority_id === p3);
    expect(request).toMatchObject({ broker: null, need: 'b1', from_plan: true });
    expect(await linkOf('b1')).toBe(request!.id);
    expect(await linkOf('a4')).toBeNull();
    expect(await rows('select count(*)::int as n from support_requests')).toEqual([{ n: 5 }]);
  });
});
