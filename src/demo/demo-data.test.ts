import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/support/test-app.ts';
import { DEMO_SCHOOL, loadDemoData } from './demo-data.ts';
import { requestsBrokeredByLa } from '../features/brokering/brokering-repository.ts';
import { actionsAssignedTo } from '../features/my-actions/my-actions-repository.ts';

let t: TestApp;
const rows = async <T>(query: ReturnType<typeof sql>) =>
  ((await t.database.db.execute(query)) as unknown as { rows: T[] }).rows;

beforeAll(async () => {
  t = await createTestApp();
  expect(await loadDemoData(t.database.db, new Date())).toEqual({ created: true });
}, 60_000);
afterAll(() => t.close());

describe('the demo’s collaboration', () => {
  it('has vertical clusters in two LAs, a horizontal primary group and a cross-LA Welsh-medium secondary group', async () => {
    const found = await rows<{
      name: string;
      kind: string;
      basis: string | null;
      las: string[];
      sectors: string[];
    }>(sql`
      select c.name_en as name, c.kind, c.basis, array_agg(distinct s.la_code order by s.la_code) as las, array_agg(distinct s.sector order by s.sector) as sectors
      from collaboratives c join collaborative_members m on m.collaborative_id = c.id join schools s on s.number = m.school_number group by c.id order by c.name_en`);
    const vertical = found.filter((c) => c.kind === 'vertical');
    expect(new Set(vertical.flatMap((c) => c.las)).size).toBe(2);
    for (const cluster of vertical) expect(cluster.sectors).toEqual(['primary', 'secondary']);
    expect(found).toContainEqual(expect.objectContaining({ kind: 'horizontal', basis: 'phase', sectors: ['primary'] }));
    const welshMedium = found.find((c) => c.basis === 'welsh_medium')!;
    expect(welshMedium.sectors).toEqual(['secondary']);
    expect(welshMedium.las.length).toBeGreaterThan(2);
  });

  it('has a peer enquiry at every stage, each team from partner schools of the same collaborative', async () => {
    const states = await rows<{ state: string }>(sql`select state from peer_enquiries order by state`);
    expect(states.map((s) => s.state).sort()).toEqual([
      'agreed',
      'cancelled',
      'closed',
      'follow_up',
      'making_sense',
      'on_site',
      'preparing',
      'proposed',
      'report_agreed',
      'report_drafted',
    ]);
    const misplaced = await rows(sql`
      select r.* from enquiry_reviewers r join peer_enquiries e on e.id = r.enquiry_id
      where r.school_number = e.host_school_number
         or not exists (select 1 from collaborative_members m where m.collaborative_id = e.collaborative_id and m.school_number = r.school_number)
         or not exists (select 1 from role_assignments a where a.user_id = r.user_id and a.scope_id = r.school_number and a.role in ('headteacher', 'school_leader', 'practitioner'))`);
    expect(misplaced).toEqual([]);
    const notesWithoutColleague = await rows(sql`select id from enquiry_notes where trim(host_colleague) = ''`);
    expect(notesWithoutColleague).toEqual([]);
    // An agreed report is first-hand evidence from beyond the school in the host's own cycle.
    const reports = await rows<{
      state: string;
      source: string;
      first_hand: boolean;
      from_beyond: boolean;
      same_school: boolean;
    }>(sql`
      select e.state, v.source, v.first_hand, v.from_beyond, v.school_number = e.host_school_number as same_school
      from peer_enquiries e join evidence v on v.id = e.evidence_id`);
    expect(reports.map((r) => r.state).sort()).toEqual(['closed', 'follow_up', 'report_agreed']);
    for (const r of reports)
      expect(r).toMatchObject({ source: 'peer_enquiry', first_hand: true, from_beyond: true, same_school: true });
    const followUps = await rows<{ n: number }>(
      sql`select count(*)::int as n from enquiry_follow_ups f join plan_actions a on a.id = f.plan_action_id where a.support_from = 'collaborative'`,
    );
    expect(followUps[0]!.n).toBe(2);
  });

  it('has meetings with actions and progression sessions, and members sharing with their collaboratives', async () => {
    const [counts] = await rows<{
      meetings: number;
      actions: number;
      sessions: number;
      shares: number;
      sharing_schools: number;
    }>(sql`select
      (select count(*)::int from meetings) as meetings, (select count(*)::int from meeting_actions) as actions, (select count(*)::int from progression_sessions) as sessions,
      (select count(*)::int from shares where audience = 'collaborative') as shares, (select count(distinct school_number)::int from shares where audience = 'collaborative') as sharing_schools`);
    expect(counts).toMatchObject({ meetings: 5, actions: 5, sessions: 2 });
    expect(counts!.sharing_schools).toBe(17);
    // Every collaborative share is with a collaborative the school belongs to.
    const strays = await rows(sql`select * from shares s where audience = 'collaborative'
      and not exists (select 1 from collaborative_members m where m.collaborative_id::text = s.audience_id and m.school_number = s.school_number)`);
    expect(strays).toEqual([]);
  });

  it('gives a partnership coordinator a partnership covering the cross-LA group’s LA', async () => {
    const [coordinator] = await rows<{
      las: string[];
    }>(sql`select array_agg(pm.la_code order by pm.la_code) as las from users u
      join role_assignments a on a.user_id = u.id and a.role = 'partnership_coordinator' join la_partnership_members pm on pm.partnership_id::text = a.scope_id
      where u.email = 'partnership.coordinator@demo.cydwella.cymru'`);
    expect(coordinator!.las).toContain('681');
  });
});

describe('demo action owners (issue 13)', () => {
  it("gives the practitioner a plan action and the cluster's lead a meeting action in My actions", async () => {
    const idOf = async (email: string) =>
      (
        (await t.database.db.execute(sql`select id from users where email = ${email}`)) as unknown as {
          rows: { id: string }[];
        }
      ).rows[0]!.id;
    const today = new Date().toISOString().slice(0, 10);
    const practitioner = await actionsAssignedTo(
      t.database.db,
      { id: await idOf('practitioner@demo.cydwella.cymru') },
      today,
    );
    expect(practitioner.some((a) => a.kind === 'plan')).toBe(true);
    const lead = await actionsAssignedTo(
      t.database.db,
      { id: await idOf('collaborative.lead@demo.cydwella.cymru') },
      today,
    );
    expect(lead.some((a) => a.kind === 'meeting')).toBe(true);
  });
});

describe('demo support asked on actions (issue 15)', () => {
  it("puts the demo school's action asking the LA in the LA's brokering queue, and every asking action has its request", async () => {
    const queue = await requestsBrokeredByLa(t.database.db, '681', ['open']);
    const asked = queue.find((r) => r.request.need.includes('LA attendance officer: half a day a week'));
    expect(asked).toMatchObject({ request: { schoolNumber: DEMO_SCHOOL, fromPlan: true, status: 'open' } });
    const unlinked = await rows<{ n: number }>(sql`
      select count(*)::int as n from plan_actions a left join plan_action_support s on s.action_id = a.id
      where a.support_from <> 'none' and s.action_id is null`);
    expect(unlinked).toEqual([{ n: 0 }]);
  });
});

describe('the demo governor’s questions', () => {
  it('has one question waiting for an answer and one the headteacher answered, on priorities shared with governors', async () => {
    const threads = await rows<{ status: string; messages: number; shared: boolean }>(sql`
      select t.status, (select count(*)::int from governor_thread_messages m where m.thread_id = t.id) as messages,
             exists (select 1 from shares s where s.item_id = t.item_id and s.audience = 'governors') as shared
        from governor_threads t join users u on u.id = t.asked_by
       where u.email = 'governor@demo.cydwella.cymru' order by t.created_at`);
    expect(threads).toEqual([
      { status: 'answered', messages: 2, shared: true },
      { status: 'open', messages: 1, shared: true },
    ]);
  });
});

describe('the demo school’s three-year plan', () => {
  it('outlines years two and three, and the approved revision keeps the outline', async () => {
    const outline = await rows<{ year: number; first: number; n: number }>(sql`
      select o.academic_year as year, p.first_year as first, count(*)::int as n
      from plan_outline_priorities o join development_plans p on p.id = o.plan_id
      group by o.academic_year, p.first_year order by o.academic_year`);
    expect(outline.map((o) => o.year - o.first)).toEqual([1, 2]);
    const [revision] = await rows<{ entries: number }>(sql`
      select jsonb_array_length(snapshot->'outline')::int as entries from plan_revisions where approved_at is not null`);
    expect(revision!.entries).toBe(outline.reduce((n, o) => n + o.n, 0));
  });
});
