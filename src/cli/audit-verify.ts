// npm run audit:verify: recomputes the audit log's hash chain; exits 1 if any entry was edited or removed.
import { loadConfig } from '../config.ts';
import { openForCommand } from './open-for-cli.ts';
import { allAuditEntries } from '../audit/audit-repository.ts';
import { chainVerifier } from '../audit/audit-chain.ts';

const config = loadConfig();
const database = await openForCommand(config, { mustExist: true });
try {
  const verifier = chainVerifier();
  for await (const entry of allAuditEntries(database.db)) verifier.check(entry);
  const { checked, problems } = verifier.result();
  if (problems.length === 0) {
    console.log(`Audit log intact: ${checked} entries, every hash and link verified.`);
  } else {
    console.error(`Audit log TAMPERED: ${problems.length} problem(s) in ${checked} entries.`);
    for (const p of problems.slice(0, 50)) {
      console.error(
        ` - entry ${p.id}: ${p.problem === 'broken-link' ? 'does not link to the entry before it (an entry was removed or reordered)' : 'its content does not match its hash (it was edited)'}`,
      );
    }
    process.exitCode = 1;
  }
} finally {
  await database.close();
}
