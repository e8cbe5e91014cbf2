import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import * as s from '../db/schema/index.ts';

type Described = { code: string; descriptionEn: string; descriptionCy: string };
export type DemoVolume = { year: number; perLa: number };

const THEMES = `array['vision_leadership','curriculum_teaching','wellbeing_equity']`;
// Titles by theme (1-3) and variant (1-3), written as a school would: aggregates never show them.
const TITLES = `array[
  'Develop middle leaders to lead self-evaluation', 'Build a shared vision for learning with governors and families', 'Strengthen professional learning through peer enquiry',
  'Improve reading fluency across the school', 'Develop progression in mathematics and numeracy', 'Plan learning that builds on each learner’s starting point',
  'Raise attendance through early family engagement', 'Strengthen learner wellbeing and belonging', 'Narrow the gap for learners eligible for free school meals']`;

/** Plain inserts and updates for the national demo (issue 7): no rules, set-based where it is volume. */
export const demoWalesNational = {
  describe: async (db: Db, rows: Described[]) => {
    for (const r of rows)
      await db
        .update(s.nationalPriorities)
        .set({ descriptionEn: r.descriptionEn, descriptionCy: r.descriptionCy })
        .where(eq(s.nationalPriorities.code, r.code));
  },
  offers: (db: Db, rows: (typeof s.nationalSupportOffers.$inferInsert)[]) =>
    db.insert(s.nationalSupportOffers).values(rows),

  /**
   * For up to `perLa` open schools of every LA that have no cycle this year or last (so not the
   * demo's sketch schools): a cycle for each year, two or three agreed / in-progress priorities
   * each, and their shares at national-aggregate level (one in ten also public). Themes drift:
   * wellbeing and equity, and attendance, rise from last year to this.
   */
  volume: (db: Db, o: DemoVolume) =>
    db.transaction(async (tx) => {
      const exec = (text: string) => tx.execute(sql.raw(text));
      const [y, last] = [Math.trunc(o.year), Math.trunc(o.year) - 1];
      await exec(`create temp table demo_national_schools on commit drop as
        select number from (select sc.number, row_number() over (partition by sc.la_code order by md5(sc.number)) as rn from schools sc
          where sc.open and not exists (select 1 from cycles c where c.school_number = sc.number and c.academic_year in (${y}, ${last}))) picked
        where rn <= ${Math.trunc(o.perLa)}`);
      await exec(`insert into cycles (school_number, academic_year, stage, language)
        select number, yr, case when yr = ${y} then 'priorities_agreed' else 'closed' end, 'en' from demo_national_schools cross join (values (${y}), (${last})) v(yr)`);
      await exec(`insert into priorities (school_number, cycle_id, title, nif_theme, learners, success_measure, national_priorities, state, language)
        select c.school_number, c.id, (${TITLES})[(theme - 1) * 3 + 1 + g % 3], (${THEMES})[theme], 'Learners across the school', 'Reviewed each term with evidence',
          case when theme = 3 and np = 1 then array['attendance', 'wellbeing'] when theme = 3 then array['wellbeing'] when np = 1 then array['attendance'] when np = 2 then array['literacy'] else array['numeracy'] end,
          case when c.academic_year = ${y} and g % 2 = 0 then 'in_progress' else 'agreed' end, 'en'
        from cycles c join demo_national_schools d on d.number = c.school_number
          cross join lateral (select g, abs(hashtext(c.school_number || ':' || g || ':' || c.academic_year)) % 100 as h, abs(hashtext(c.school_number || '#' || g)) % 100 as h2
            from generate_series(1, 2 + abs(hashtext(c.school_number)) % 2) g) r
          cross join lateral (select
            case when c.academic_year = ${y} then (case when h < 45 then 3 when h < 80 then 2 else 1 end) else (case when h < 45 then 2 when h < 80 then 1 else 3 end) end as theme,
            case when h2 < (case when c.academic_year = ${y} then 40 else 20 end) then 1 when h2 < 70 then 2 else 3 end as np) t`);
      await exec(`insert into shares (item_type, item_id, school_number, audience)
        select 'priority', p.id::text, p.school_number, a from priorities p join demo_national_schools d on d.number = p.school_number
          cross join lateral (select 'national' as a union all select 'public' where abs(hashtext(p.school_number)) % 10 = 0) v
        on conflict do nothing`);
      const counted = (await exec('select count(*)::int as n from demo_national_schools')) as unknown as {
        rows: { n: number }[];
      };
      const [row] = counted.rows;
      return row?.n ?? 0;
    }),
};
