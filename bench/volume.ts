// Builds "a year of data for every school in Wales" straight in SQL (fast, and the same on
// PGlite and PostgreSQL), plus one school with 2,000 evidence items, for the benchmarks.
import { sql } from 'drizzle-orm';
import type { Db } from '../src/db/client.ts';

const SOURCES = `array['learning_walk','listening_to_learners','learners_work','observation','staff_dialogue','parent_voice','governor_visit','aggregate_data','survey','inspection_report','peer_enquiry']`;
const THEMES = `array['vision_leadership','curriculum_teaching','wellbeing_equity']`;
const AREAS = `array['expressive_arts','health_wellbeing','humanities','languages_literacy','mathematics_numeracy','science_technology']`;
const GROUPS = `array['efsm','aln','boys','girls','more_able','persistent_absence']`;
const NATIONAL = `array['attendance','literacy','numeracy','wellbeing']`;

export type VolumeOptions = { year: number; evidencePerSchool: number; bigSchool: string; bigSchoolEvidence: number };

export async function generateVolume(db: Db, o: VolumeOptions) {
  const exec = (text: string) => db.execute(sql.raw(text));
  await exec(`insert into cycles (school_number, academic_year, stage, language)
    select number, ${o.year}, 'gathering_evidence', 'en' from schools where open on conflict do nothing`);
  const evidence = (
    perSchool: string,
    where: string,
  ) => `insert into evidence (school_number, cycle_id, source, observed_on, first_hand, from_beyond, title, body, language, nif_themes, areas, principles, learner_groups, national_priorities, curated, search_text)
    select c.school_number, c.id, (${SOURCES})[1 + g % 11], date '${o.year}-09-01' + (g % 300), g % 3 = 0, g % 7 = 0,
      'Evidence ' || g || ' from ' || c.school_number, 'What we saw and heard, item ' || g, case when g % 2 = 0 then 'cy' else 'en' end,
      array[(${THEMES})[1 + g % 3]], array[(${AREAS})[1 + g % 6]], '{}', array[(${GROUPS})[1 + g % 6]], array[(${NATIONAL})[1 + g % 4]], g % 4 <> 0,
      'evidence ' || g || ' from ' || c.school_number || ' what we saw and heard item ' || g
    from cycles c cross join generate_series(1, ${perSchool}) g where c.academic_year = ${o.year} ${where}`;
  await exec(evidence(String(o.evidencePerSchool), `and c.school_number <> '${o.bigSchool}'`));
  await exec(evidence(String(o.bigSchoolEvidence), `and c.school_number = '${o.bigSchool}'`));
  await exec(`insert into findings (school_number, cycle_id, kind, title, nif_theme, language)
    select c.school_number, c.id, case when g % 2 = 0 then 'strength' else 'area_for_development' end, 'Finding ' || g, (${THEMES})[1 + g % 3], 'en'
    from cycles c cross join generate_series(1, 6) g where c.academic_year = ${o.year}`);
  await exec(`insert into priorities (school_number, cycle_id, title, nif_theme, learners, success_measure, national_priorities, state, language)
    select c.school_number, c.id, 'Priority ' || g || ' of ' || c.school_number, (${THEMES})[1 + g % 3], 'Learners in Years 3 to 6', 'Measured each term',
      array[(${NATIONAL})[1 + g % 4]], (array['draft','agreed','in_progress','reviewed'])[1 + g % 4], 'en'
    from cycles c cross join generate_series(1, 4) g where c.academic_year = ${o.year}`);
  await exec(`insert into plan_actions (priority_id, description, owner, start_on, due_on, status)
    select p.id, 'Action ' || g, 'Lead teacher', date '${o.year}-09-01' + g * 20, date '${o.year}-10-01' + g * 40, (array['not_started','in_progress','done'])[1 + g % 3]
    from priorities p join cycles c on c.id = p.cycle_id cross join generate_series(1, 3) g where c.academic_year = ${o.year}`);
  await exec(`insert into shares (item_type, item_id, school_number, audience)
    select 'priority', p.id::text, p.school_number, 'la' from priorities p join cycles c on c.id = p.cycle_id
    where c.academic_year = ${o.year} and p.state <> 'draft' on conflict do nothing`);
  await exec('analyze');
}

/** Shares 60% of the non-draft priorities at national level (a tenth of those publicly), as schools would. */
export async function shareNationally(db: Db, year: number) {
  await db.execute(
    sql.raw(`insert into shares (item_type, item_id, school_number, audience)
    select 'priority', p.id::text, p.school_number, case when abs(hashtext(p.id::text)) % 10 = 0 then 'public' else 'national' end
    from priorities p join cycles c on c.id = p.cycle_id
    where c.academic_year = ${year} and p.state <> 'draft' and abs(hashtext(p.id::text || 'n')) % 10 < 6 on conflict do nothing`),
  );
  await db.execute(sql`analyze`);
}

export type CollaborativeVolumeOptions = {
  year: number;
  laCode: string;
  size: number;
  includeSchool: string;
  facilitatorEmail: string;
};

/**
 * A 30-school collaborative with a year of shared items: every member shares its evidence,
 * findings and priorities with it, hosts a peer enquiry visited by two partners, and comes to
 * the collaborative's monthly meetings. Returns the collaborative's id.
 */
export async function generateCollaborativeVolume(db: Db, o: CollaborativeVolumeOptions): Promise<string> {
  const exec = (text: string) => db.execute(sql.raw(text));
  const rows = async <T>(text: string) => ((await exec(text)) as unknown as { rows: T[] }).rows;
  const [collaborative] = await rows<{
    id: string;
  }>(`insert into collaboratives (kind, name_en, name_cy, la_code, status, basis)
    values ('horizontal', 'Benchmark primary collaborative', 'Grŵp cydweithredol cynradd meincnodi', '${o.laCode}', 'active', 'phase') returning id`);
  const id = collaborative!.id;
  await exec(`insert into collaborative_members (collaborative_id, school_number)
    select '${id}'::uuid, number from (select number from schools where la_code = '${o.laCode}' and sector = 'primary' and open and number <> '${o.includeSchool}' order by number limit ${o.size - 1}) s
    union select '${id}'::uuid, '${o.includeSchool}'`);
  await exec(
    `insert into collaborative_facilitators (collaborative_id, user_id) select '${id}', id from users where email = '${o.facilitatorEmail}'`,
  );
  const members = `(select school_number from collaborative_members where collaborative_id = '${id}')`;
  for (const [type, table] of [
    ['evidence', 'evidence'],
    ['finding', 'findings'],
    ['priority', 'priorities'],
  ]) {
    await exec(`insert into shares (item_type, item_id, school_number, audience, audience_id, shared_at)
      select '${type}', t.id::text, t.school_number, 'collaborative', '${id}', t.created_at - (random() * interval '300 days')
      from ${table} t join cycles c on c.id = t.cycle_id where c.academic_year = ${o.year} and t.school_number in ${members}
      ${type === 'evidence' ? 'and t.curated' : ''} on conflict do nothing`);
  }
  // A headteacher for each member school without one (they cannot sign in: no password works).
  await exec(`insert into users (email, display_name, password_hash)
    select 'head-' || school_number || '@bench.cydwella.test', 'Headteacher ' || school_number, 'not-a-hash' from ${members} m
    where not exists (select 1 from role_assignments a where a.scope_id = m.school_number and a.role = 'headteacher')`);
  await exec(`insert into role_assignments (user_id, role, scope_type, scope_id)
    select u.id, 'headteacher', 'school', substring(u.email from 6 for 7) from users u where u.email like 'head-%@bench.cydwella.test'`);
  // Each member hosts one enquiry; the next two schools in number order visit.
  await exec(`insert into peer_enquiries (collaborative_id, host_school_number, question, nif_themes, visit_start, visit_end, state, activities, confidentiality, report, language)
    select '${id}', m.school_number, 'How well do learners in Years 5 and 6 explain their reasoning? (' || m.school_number || ')', array['curriculum_teaching'],
      date '${o.year}-10-01' + (row_number() over (order by m.school_number))::int * 7, date '${o.year}-10-02' + (row_number() over (order by m.school_number))::int * 7,
      (array['closed','follow_up','report_agreed','on_site','agreed'])[1 + (row_number() over (order by m.school_number))::int % 5], 'Learning walk', 'Within the team', 'Report', 'en'
    from collaborative_members m where m.collaborative_id = '${id}'`);
  await exec(`insert into enquiry_reviewers (enquiry_id, user_id, school_number)
    select e.id, u.id, r.school_number from peer_enquiries e
    join lateral (select school_number from collaborative_members where collaborative_id = '${id}' and school_number > e.host_school_number order by school_number limit 2) r on true
    join lateral (select a.user_id as id from role_assignments a where a.scope_id = r.school_number and a.role = 'headteacher' limit 1) u on true
    where e.collaborative_id = '${id}' on conflict do nothing`);
  await exec(`insert into meetings (collaborative_id, title, meets_on, starts_at, ends_at, location, agenda, attendees, notes, language)
    select '${id}', 'Monthly meeting ' || g, date '${o.year}-09-15' + g * 30, '16:00', '17:00', 'Online', 'Agenda', 'Heads of member schools', 'Notes', 'en' from generate_series(0, 10) g`);
  await exec(`insert into meeting_schools (meeting_id, school_number)
    select mt.id, m.school_number from meetings mt join collaborative_members m on m.collaborative_id = mt.collaborative_id
    where mt.collaborative_id = '${id}' and (hashtext(mt.id::text || m.school_number) % 3) <> 0`);
  await exec('analyze');
  return id;
}

/**
 * "10x Wales": every open school copied `factor - 1` times within its own LA (numbers from 8000
 * up, which the real list does not use), so each LA, and Wales, holds `factor` times the schools;
 * with `exceptLa`, that LA keeps its real schools while the rest of Wales grows.
 * Run before `generateVolume`, which then gives every school its year of data.
 */
export async function multiplySchools(db: Db, factor: number, options: { exceptLa?: string } = {}) {
  if (factor < 2) return;
  const except = options.exceptLa ? `and s.la_code <> '${options.exceptLa}'` : '';
  await db.execute(
    sql.raw(`insert into schools (number, name, la_code, sector, governance, wm_code, school_type, religious_character, postcode, pupils, open, search_text)
    select s.la_code || lpad((8000 + (copy - 1) * 200 + (row_number() over (partition by s.la_code, copy order by s.number))::int)::text, 4, '0'),
      s.name || ' (copy ' || copy || ')', s.la_code, s.sector, s.governance, s.wm_code, s.school_type, s.religious_character, s.postcode, s.pupils, true,
      s.search_text || ' copy ' || copy
    from schools s cross join generate_series(1, ${factor - 1}) copy where s.open ${except}`),
  );
}
