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
  const evidence = (perSchool: string, where: string) => `insert into evidence (school_number, cycle_id, source, observed_on, first_hand, from_beyond, title, body, language, nif_themes, areas, principles, learner_groups, national_priorities, curated, search_text)
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
