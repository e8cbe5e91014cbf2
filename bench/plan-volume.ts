// A three-year development plan at the size issue 15's benchmark names, straight in SQL like
// volume.ts: 8 priorities in year one with 60 actions between them, 6 progress reviews of each
// priority and each action over the plan's three years, its review points and years two and three
// in outline, for one school with a headteacher who can sign in.
//
// Not the demo school: the demo loads its own plan there (priorities, reviews and an outline), and
// generateVolume gives it 2,000 evidence items for the other pages; mixing ours in would measure
// neither. So the plan goes to the first open school outside the demo's LA (and so outside the
// bench's collaborative), whose generated year of 4 priorities and 12 actions it replaces.
import { sql } from 'drizzle-orm';
import type { Db } from '../src/db/client.ts';

const SOURCES = `array['pdg','school_budget','laeg','professional_learning_grant','other_grant','not_decided']`;
const RATINGS = `array['off_track','some_concerns','on_track','complete']`;
const TERMS = `array['autumn','spring','summer','year']`;

export const PLAN_HEAD_EMAIL = 'plan-head@bench.cydwella.test';

export type PlanVolume = { schoolNumber: string; headEmail: string };

/**
 * Gives the school a plan starting this school year (`year`); its headteacher shares the demo
 * headteacher's password hash (`passwordFrom`), so the bench signs in with the demo password.
 */
export async function generatePlanVolume(db: Db, o: { year: number; passwordFrom: string }): Promise<PlanVolume> {
  const exec = (text: string) => db.execute(sql.raw(text));
  const rows = async <T>(text: string) => ((await exec(text)) as unknown as { rows: T[] }).rows;
  const [school] = await rows<{ number: string; cycle: string }>(`select s.number, c.id as cycle from schools s
    join cycles c on c.school_number = s.number and c.academic_year = ${o.year}
    where s.open and s.la_code <> '681' order by s.number limit 1`);
  const { number, cycle } = school!;
  const [head] = await rows<{ id: string }>(`insert into users (email, display_name, password_hash)
    select '${PLAN_HEAD_EMAIL}', 'Headteacher of the three-year plan', password_hash from users where email = '${o.passwordFrom}'
    returning id`);
  const headId = head!.id;
  await exec(
    `insert into role_assignments (user_id, role, scope_type, scope_id) values ('${headId}', 'headteacher', 'school', '${number}')`,
  );

  // Year one: the generated priorities make way for the plan's own.
  await exec(
    `delete from shares where item_type = 'priority' and item_id in (select id::text from priorities where cycle_id = '${cycle}')`,
  );
  await exec(`delete from priorities where cycle_id = '${cycle}'`);
  const [plan] = await rows<{
    id: string;
  }>(`insert into development_plans (school_number, first_year, summary, language)
    values ('${number}', ${o.year}, 'Our plan for the next three years: literacy, numeracy, wellbeing and leadership.', 'en') returning id`);
  const planId = plan!.id;
  await exec(`insert into priorities (school_number, cycle_id, title, description, nif_theme, learners, success_measure, national_priorities, state, language, created_by, created_at)
    select '${number}', '${cycle}', 'Priority ' || g || ': raise standards in area ' || g, 'Why this matters and what we will do, priority ' || g,
      (array['vision_leadership','curriculum_teaching','wellbeing_equity'])[1 + g % 3], 'Learners in Years 3 to 6', 'Measured each term',
      array[(array['attendance','literacy','numeracy','wellbeing'])[1 + g % 4]], case when g % 2 = 0 then 'agreed' else 'in_progress' end, 'en',
      '${headId}', timestamptz '${o.year}-09-01' + g * interval '1 minute'
    from generate_series(1, 8) g`);
  const mine = `(select id, row_number() over (order by created_at) as n from priorities where cycle_id = '${cycle}')`;
  await exec(`insert into success_criteria (priority_id, text, position)
    select p.id, 'Success criterion ' || k || ' of priority ' || p.n, k from ${mine} p cross join generate_series(1, 3) k`);
  // 60 actions, 7 or 8 a priority; a third led by the headteacher's account, the rest by a named
  // person; one to three cost lines each across the funding sources; every sixth asks the LA for support.
  await exec(`insert into plan_actions (priority_id, description, owner, owner_user_id, start_on, due_on, milestones, cost_pence,
      professional_learning, support_from, support_detail, status, created_at)
    select p.id, 'Action ' || g || ' of priority ' || p.n, case when g % 3 = 0 then '' else 'Lead teacher ' || (g % 5) end,
      case when g % 3 = 0 then '${headId}'::uuid end, date '${o.year}-09-01' + (g % 10) * 15, date '${o.year}-10-01' + (g % 12) * 25,
      'Milestones for action ' || g, 1000 * (g % 3 + 1) * 250, 'Training for action ' || g,
      case when g % 6 = 0 then 'la' else 'none' end, case when g % 6 = 0 then 'Advice from the LA on action ' || g else '' end,
      (array['not_started','in_progress','done'])[1 + g % 3], timestamptz '${o.year}-09-01' + g * interval '1 minute'
    from generate_series(1, 60) g join ${mine} p on p.n = 1 + (g - 1) % 8`);
  const actions = `(select a.id, a.priority_id, row_number() over (order by a.created_at) as g from plan_actions a
    join priorities p on p.id = a.priority_id where p.cycle_id = '${cycle}')`;
  await exec(`insert into plan_action_costs (action_id, line, amount_pence, source, grant_name)
    select a.id, l, 250000, (${SOURCES})[1 + (a.g + l) % 6], case when (${SOURCES})[1 + (a.g + l) % 6] = 'other_grant' then 'Community grant' else '' end
    from ${actions} a cross join generate_series(1, 3) l where l <= a.g % 3 + 1`);
  // One open LA request per priority with actions asking for support, linked from each of them.
  await exec(`insert into support_requests (school_number, priority_id, need, status, from_plan, language, created_by)
    select distinct '${number}', a.priority_id, 'Support with our plan''s actions', 'open', true, 'en', '${headId}'::uuid
    from plan_actions a join priorities p on p.id = a.priority_id where p.cycle_id = '${cycle}' and a.support_from = 'la'`);
  await exec(`insert into plan_action_support (action_id, request_id)
    select a.id, r.id from plan_actions a join support_requests r on r.priority_id = a.priority_id
    where r.school_number = '${number}' and a.support_from = 'la'`);

  // Six reviews of each priority and of each action, about every half term over the three years.
  const review = (
    target: string,
    actionId: string,
  ) => `insert into progress_reviews (school_number, priority_id, action_id,
      reviewed_on, rating, comment, language, created_by, created_at)
    select '${number}', t.priority_id, ${actionId}, date '${o.year}-10-15' + k * 175, (${RATINGS})[1 + (k + t.n) % 4],
      'Review ' || k || ': what we found and what we will change', 'en', '${headId}', timestamptz '${o.year}-10-15' + k * interval '175 days'
    from ${target} t cross join generate_series(0, 5) k`;
  await exec(review(`(select id as priority_id, n from ${mine} x)`, 'null'));
  await exec(review(`(select id, priority_id, g as n from ${actions} x)`, 't.id'));
  // Every review point of the three years set by the school (a week before each term's end).
  await exec(`insert into plan_review_points (plan_id, academic_year, term, due_on, created_by)
    select '${planId}', ${o.year} + y, t.term, (date '${o.year}-12-13' + y * 365 + t.offset_days)::date, '${headId}'
    from generate_series(0, 2) y cross join (values ('autumn', 0), ('spring', 98), ('summer', 210)) t(term, offset_days)`);

  // Years two and three in outline: each year six priorities continue and two begin, four intended actions each.
  await exec(`insert into plan_outline_priorities (plan_id, school_number, academic_year, continues_priority_id, title, summary, language, created_by)
    select '${planId}', '${number}', ${o.year} + y, case when p.n <= 6 then p.id end,
      case when p.n <= 6 then 'Priority ' || p.n || ', continued' else 'New priority ' || p.n || ' in year ' || (y + 1) end,
      'What year ' || (y + 1) || ' adds', 'en', '${headId}'
    from ${mine} p cross join generate_series(1, 2) y`);
  await exec(`insert into plan_outline_actions (outline_priority_id, term, description, position)
    select o.id, (${TERMS})[k], 'Intended action ' || k, k from plan_outline_priorities o cross join generate_series(1, 4) k
    where o.plan_id = '${planId}'`);
  await exec('analyze');
  return { schoolNumber: number, headEmail: PLAN_HEAD_EMAIL };
}
