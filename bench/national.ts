// The national picture at 1x and 10x Wales (issue 7): the 10x build must stay within 3x of the 1x.
// Called from bench/run.ts by the lead: `lines = await benchNationalPicture()`.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../src/db/client.ts';
import { loadDemoData } from '../src/demo/demo-data.ts';
import { buildNationalPicture } from '../src/features/national-picture/picture-service.ts';
import { academicYearOf } from '../src/reference/reference-data.ts';
import { generateVolume, multiplySchools, shareNationally } from './volume.ts';

const RUNS = Number(process.env.BENCH_NATIONAL_RUNS ?? 5);

async function timeAt(factor: number): Promise<{ median: number; schools: number }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `cydwella-bench-national-${factor}x-`));
  const database = await openDatabase({ databaseUrl: null, pgliteDir: path.join(dataDir, 'pglite') });
  try {
    await database.migrate();
    await loadDemoData(database.db, new Date());
    const year = academicYearOf(new Date());
    await multiplySchools(database.db, factor);
    await generateVolume(database.db, { year, evidencePerSchool: 2, bigSchool: '', bigSchoolEvidence: 0 });
    await shareNationally(database.db, year);
    await buildNationalPicture(database.db, year, new Date()); // warm-up
    const times: number[] = [];
    let schools = 0;
    for (let i = 0; i < RUNS; i++) {
      const started = performance.now();
      const np = await buildNationalPicture(database.db, year, new Date());
      times.push(performance.now() - started);
      schools = np.picture.figure(`${year}|*|*|*|*`) ?? 0;
    }
    times.sort((a, b) => a - b);
    return { median: times[Math.floor(times.length / 2)]!, schools };
  } finally {
    await database.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Printable lines: the national picture built from scratch (no cache) at 1x and 10x Wales, median of RUNS. */
export async function benchNationalPicture(): Promise<string[]> {
  const one = await timeAt(1);
  const ten = await timeAt(10);
  const ratio = ten.median / one.median;
  return [
    `national picture, 1x Wales (${one.schools} schools counted): median ${one.median.toFixed(0)} ms of ${RUNS} builds`,
    `national picture, 10x Wales (${ten.schools} schools counted): median ${ten.median.toFixed(0)} ms of ${RUNS} builds`,
    `10x / 1x = ${ratio.toFixed(2)}; target within 3x -> ${ratio <= 3 ? 'MET' : 'NOT MET'}`,
  ];
}

if (process.argv[1] && import.meta.url.endsWith(path.basename(process.argv[1]))) {
  for (const line of await benchNationalPicture()) console.log(line);
}
