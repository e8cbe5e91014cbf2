// The national picture at 1x and 10x Wales (issues 7 and 19). Cold: built from scratch (the
// summary the triggers keep, then the suppressed cube), where the 10x build must stay within 1.5x
// of the 1x. Warm: the first request after a change (a school shares a priority nationally, or
// withdraws it), which must be answered in under 50 ms at both sizes: it is served the last
// complete picture while the new one is built. Called from bench/run.ts; runs alone too.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { openDatabase, type Db } from '../src/db/client.ts';
import { loadDemoData } from '../src/demo/demo-data.ts';
import {
  buildNationalPicture,
  loadNationalPicture,
  refreshNationalPicture,
} from '../src/features/national-picture/picture-service.ts';
import { academicYearOf } from '../src/reference/reference-data.ts';
import { generateVolume, multiplySchools, shareNationally } from './volume.ts';

const RUNS = Number(process.env.BENCH_NATIONAL_RUNS ?? 5);
const WARM_TARGET_MS = 50;
const COLD_RATIO_TARGET = 1.5;

const median = (times: number[]) => times.toSorted((a, b) => a - b)[Math.floor(times.length / 2)]!;
const timed = async <T>(f: () => Promise<T>): Promise<[number, T]> => {
  const started = performance.now();
  const value = await f();
  return [performance.now() - started, value];
};

type Reading = { cold: number; warm: number; change: number; fresh: number; schools: number };
type Opened = { db: Db; year: number; close(): Promise<void> };

async function open(factor: number): Promise<Opened> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `cydwella-bench-national-${factor}x-`));
  const database = await openDatabase({ databaseUrl: null, pgliteDir: path.join(dataDir, 'pglite') });
  const close = async () => {
    await database.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    const db = database.db;
    await database.migrate();
    await loadDemoData(db, new Date());
    const year = academicYearOf(new Date());
    await multiplySchools(db, factor);
    await generateVolume(db, { year, evidencePerSchool: 2, bigSchool: '', bigSchoolEvidence: 0 });
    await shareNationally(db, year);
    await buildNationalPicture(db, year, new Date()); // warm-up
    return { db, year, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** The first request after each of RUNS changes (a priority shared nationally, then withdrawn, in turn). */
async function afterChanges({ db, year }: Opened): Promise<Omit<Reading, 'cold'>> {
  const { rows } = (await db.execute(sql`
    select p.id::text as id, p.school_number as school from priorities p join cycles c on c.id = p.cycle_id
    where c.academic_year = ${year} and p.state <> 'draft'
      and not exists (select 1 from shares sh where sh.item_type = 'priority' and sh.item_id = p.id::text and sh.audience in ('national', 'public'))
    order by p.id limit ${RUNS}`)) as unknown as { rows: { id: string; school: string }[] };
  const warm: number[] = [];
  const change: number[] = [];
  const fresh: number[] = [];
  let schools = 0;
  await refreshNationalPicture(db, year, new Date());
  for (const [i, p] of rows.entries()) {
    const [changed] = await timed(() =>
      i % 2 === 0
        ? db.execute(
            sql`insert into shares (item_type, item_id, school_number, audience) values ('priority', ${p.id}, ${p.school}, 'national')`,
          )
        : db.execute(sql`delete from shares where item_type = 'priority' and item_id = ${rows[i - 1]!.id}`),
    );
    change.push(changed);
    const changedAt = performance.now();
    warm.push((await timed(() => loadNationalPicture(db, year, new Date())))[0]);
    const np = await refreshNationalPicture(db, year, new Date());
    fresh.push(performance.now() - changedAt);
    schools = np.picture.figure(`${year}|*|*|*|*`) ?? 0;
  }
  return { warm: median(warm), change: median(change), fresh: median(fresh), schools };
}

/**
 * Both sizes open at once and their cold builds taken in turn (1x, 10x, 1x, ...), so a machine
 * shared with other work loads both alike and the ratio compares the builds, not the moments.
 */
async function measure(): Promise<[Reading, Reading]> {
  const one = await open(1);
  try {
    const ten = await open(10);
    try {
      const cold: [number[], number[]] = [[], []];
      for (let i = 0; i < RUNS; i++)
        for (const [k, o] of [one, ten].entries())
          cold[k]!.push((await timed(() => buildNationalPicture(o.db, o.year, new Date())))[0]);
      return [
        { cold: median(cold[0]), ...(await afterChanges(one)) },
        { cold: median(cold[1]), ...(await afterChanges(ten)) },
      ];
    } finally {
      await ten.close();
    }
  } finally {
    await one.close();
  }
}

/** Printable lines: cold and warm times at 1x and 10x Wales, medians of RUNS, with verdicts. */
export async function benchNationalPicture(): Promise<string[]> {
  const [one, ten] = await measure();
  const ratio = ten.cold / one.cold;
  const verdict = (ok: boolean) => (ok ? 'MET' : 'NOT MET');
  const line = (label: string, r: Reading) =>
    `national picture, ${label} (${r.schools} schools counted): cold (from scratch) ${r.cold.toFixed(0)} ms; ` +
    `warm (first request after a change) ${r.warm.toFixed(1)} ms; the change itself ${r.change.toFixed(1)} ms; fresh picture ready ${r.fresh.toFixed(0)} ms after the change (built in the background)`;
  return [
    line('1x Wales', one),
    line('10x Wales', ten),
    `national picture cold 10x / 1x = ${ratio.toFixed(2)}; target within ${COLD_RATIO_TARGET}x -> ${verdict(ratio <= COLD_RATIO_TARGET)}`,
    `national picture warm at 1x and 10x: ${one.warm.toFixed(1)} / ${ten.warm.toFixed(1)} ms; target under ${WARM_TARGET_MS} ms -> ${verdict(Math.max(one.warm, ten.warm) < WARM_TARGET_MS)}`,
  ];
}

if (process.argv[1] && import.meta.url.endsWith(path.basename(process.argv[1]))) {
  for (const line of await benchNationalPicture()) console.log(line);
}
