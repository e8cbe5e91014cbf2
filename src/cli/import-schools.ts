// npm run import:schools -- FILE [--yes]: shows what an edition of WG's Address list would
// change, then applies it in one transaction with a progress bar.
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline/promises';
import { SingleBar, Presets } from 'cli-progress';
import { loadConfig } from '../config.ts';
import { openDatabase } from '../db/client.ts';
import { createTranslator } from '../plugins/i18n.ts';
import { systemClock } from '../lib/clock.ts';
import { applyImport, previewImport } from '../features/directory-import/import-service.ts';
import { describeProblem } from '../features/directory-import/import-problems.ts';

const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith('--'));
if (!file) {
  console.error('Usage: npm run import:schools -- FILE [--yes]   (FILE: .ods, .xlsx or .csv)');
  process.exit(2);
}
const content = fs.readFileSync(file);
const fileName = path.basename(file);
const config = loadConfig();
const database = await openDatabase(config);
const t = (await createTranslator())('en');
try {
  await database.migrate();
  const preview = await previewImport(database.db, fileName, content, systemClock.now());
  if (!preview.ok) {
    console.error(`${fileName} cannot be imported; nothing was changed:`);
    for (const problem of preview.problems) console.error(` - ${describeProblem(problem, t)}`);
    process.exitCode = 1;
  } else {
    const { plan } = preview;
    console.log(`${fileName} (edition of ${preview.editionDate}, ${preview.schoolCount} schools):`);
    console.log(
      `  new: ${plan.added.length}  changed: ${plan.changed.length}  reopened: ${plan.reopened.length}  no longer listed (to close): ${plan.closed.length}  unchanged: ${plan.unchanged}`,
    );
    for (const c of plan.changed.slice(0, 20))
      console.log(`  changed ${c.school.number} ${c.school.name}: ${Object.keys(c.fields).join(', ')}`);
    for (const s of plan.closed.slice(0, 20)) console.log(`  closing ${s.number} ${s.name}`);
    const total = plan.added.length + plan.changed.length + plan.reopened.length + plan.closed.length;
    if (total === 0) {
      console.log('Nothing to change: the directory already matches this edition.');
    } else if (args.includes('--yes') || (process.stdin.isTTY && (await confirm()))) {
      const bar = new SingleBar(
        { format: 'Importing [{bar}] {percentage}% | {value}/{total} schools' },
        Presets.shades_classic,
      );
      bar.start(total, 0);
      const result = await applyImport(database.db, null, fileName, content, systemClock.now(), (done) =>
        bar.update(done),
      );
      bar.stop();
      console.log(result.ok ? 'Applied in one transaction.' : 'The file changed while importing; nothing was applied.');
    } else {
      console.log('Not applied. Run again with --yes to apply.');
    }
  }
} finally {
  await database.close();
}

async function confirm(): Promise<boolean> {
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout });
  const answer = await rl.question('Apply these changes? [y/N] ');
  rl.close();
  return /^y(es)?$/i.test(answer.trim());
}
