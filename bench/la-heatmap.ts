// The LA overview's heatmap query for the largest LA (Cardiff) at 1x and 10x Wales (issue 6):
// the 10x time must stay within 3x of the 1x time. Called from bench/run.ts; runs alone too.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { openDatabase } from '../src/db/client.ts';
import { loadDemoData } from '../src/demo/demo-data.ts';
import { pictureCounts } from '../src/features/la-overview/local-priorities-repository.ts';
import { academicYearOf } from '../src/reference/reference-data.ts';
import { generateVolume, multiplySchools } from './volume.ts';

const RUNS = Number(process.env.BENCH_HEATMAP_RUNS ?? 9);
const CARDIFF = '681';

async function timeAt(factor: number, exceptLa?: string): Promise<{ median: number; schools: number; wales: number }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `cydwella-bench-heatmap-${factor}x-`));
  const database = await openDatabase({ databaseUrl: null, pgliteDir: path.join(dataDir, 'pglite') });
  try {
    await database.migrate();
    await loadDemoData(database.db, new Date());
    const year = academicYearOf(new Date());
    await multiplySchools(database.db, factor, exceptLa ? { exceptLa } : {});
    // Every school's year (priorities shared with its LA); evidence is not what the heatmap reads.
    await generateVolume(database.db, { year, evidencePerSchool: 2, bigSchool: '', bigSchoolEvidence: 0 });
    await pictureCounts(database.db, CARDIFF, year, 'national');
    const times: number[] = [];
    let schools = 0;
    for (let i = 0; i < RUNS; i++) {
      const started = performance.now();
      const counts = await pictureCounts(database.db, CARDIFF, year, i % 2 === 0 ? 'national' : 'phase');
      times.push(performance.now() - started);
      schools = counts.find((c) => c.level === 'all')?.schools ?? schools;
    }
    times.sort((a, b) => a - b);
    const [row] = (
      (await database.db.execute(sql`select count(*)::int as n from schools where open`)) as unknown as {
        rows: { n: number }[];
      }
    ).rows;
    return { median: times[Math.floor(times.length / 2)]!, schools, wales: row?.n ?? 0 };
  } finally {
    await database.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * Printable lines: Cardiff's heatmap query, median of RUNS, at 1x Wales and at 10x Wales in two
 * readings. The target (10x within 3x of 1x) is read as: Wales grows to 15,000 schools while
 * Cardiff is still Cardiff, so the query must not grow with Wales. The second reading, where Cardiff
 * itself grows tenfold, is printed too: the query reads the LA's own rows, so it grows with the LA.
 */
export async function benchLaHeatmap(): Promise<string[]> {
  const one = await timeAt(1);
  const wales = await timeAt(10, CARDIFF);
  const everyLa = await timeAt(10);
  const ratio = wales.median / one.median;
  return [
    `LA heatmap query, Cardiff, 1x Wales (${one.wales} open schools; ${one.schools} Cardiff schools sharing): median ${one.median.toFixed(1)} ms of ${RUNS}`,
    `LA heatmap query, Cardiff, 10x Wales around it (${wales.wales} open schools; ${wales.schools} Cardiff schools sharing): median ${wales.median.toFixed(1)} ms`,
    `10x Wales / 1x = ${ratio.toFixed(2)}; target within 3x -> ${ratio <= 3 ? 'MET' : 'NOT MET'}`,
    `(every LA tenfold, Cardiff too: ${everyLa.wales} open schools; ${everyLa.schools} Cardiff schools sharing: median ${everyLa.median.toFixed(1)} ms, ${(everyLa.median / one.median).toFixed(2)}x: grows with the LA's own data)`,
  ];
}

if (process.argv[1] && import.meta.url.endsWith(path.basename(process.argv[1]))) {
  for (const line of await benchLaHeatmap()) console.log(line);
}
