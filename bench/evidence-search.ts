// Issue 16: evidence search on the 2,000-item school, with text worth searching. The generated
// items (volume.ts) are one short English line each; here a quarter of them gain a Welsh passage
// using "Cymraeg" in its mutated forms (yn Gymraeg, fy Nghymraeg, a Chymraeg) and another quarter
// one with the radical, so the search has matches to count and rows to test, as a school's would.
import { sql } from 'drizzle-orm';
import type { Db } from '../src/db/client.ts';
import { searchKey } from '../src/lib/search-text.ts';

export const EVIDENCE_SEARCH_QUERY = 'Cymraeg';

const PASSAGES = [
  'Roedd y plant yn siarad yn Gymraeg gyda’i gilydd drwy’r wers, ac yn defnyddio geirfa newydd yn hyderus.',
  'Pupils read aloud to a partner and talked about the story with the teacher, using new vocabulary.',
  'Gwersi Cymraeg Blwyddyn 5: dywedodd y disgyblion eu bod yn mwynhau darllen gyda’u rhieni a’u ffrindiau.',
  'Learners measured the playground, recorded their results in tables and explained their methods.',
];

/** Appends one of the passages to each of the school's items, body and search text alike. */
export async function writeSearchableEvidence(db: Db, schoolNumber: string) {
  const cases = (value: (p: string) => string) => PASSAGES.map((p, i) => `when ${i} then ${value(p)}`).join(' ');
  const literal = (text: string) => `'${text.replace(/'/g, "''")}'`;
  await db.execute(
    sql.raw(`update evidence e set
      body = e.body || ' ' || (case n.k ${cases(literal)} end),
      search_text = e.search_text || ' ' || (case n.k ${cases((p) => literal(searchKey(p)))} end)
    from (select id, (row_number() over (order by id)) % 4 as k from evidence where school_number = '${schoolNumber}') n
    where e.id = n.id`),
  );
  await db.execute(sql`analyze evidence`);
}
