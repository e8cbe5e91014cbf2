// npm run admin:create -- EMAIL [--name "Full name"]: the first administrator of a new installation
// (or another one), on PGlite or PostgreSQL. Prints a one-time link to set the password; after that,
// everything else is done at /admin/users.
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.ts';
import { openDatabase } from '../db/client.ts';
import { DirectoryLockedError } from '../db/pglite-lock.ts';
import { systemClock } from '../lib/clock.ts';
import { createSmtpMailer } from '../lib/mailer.ts';
import { createTranslator } from '../plugins/i18n.ts';
import { createAdministrator } from '../features/users/first-administrator.ts';
import { setPasswordEmail } from '../features/users/set-password-email.ts';

const USAGE = 'Usage: npm run admin:create -- EMAIL [--name "Full name"]';

function parse(): { email: string; name: string | undefined } {
  try {
    const { values, positionals } = parseArgs({ options: { name: { type: 'string' } }, allowPositionals: true });
    if (positionals.length !== 1)
      throw new Error(
        positionals.length
          ? `Give one email address, not ${positionals.length}.`
          : 'Give the new administrator’s email address.',
      );
    return { email: positionals[0]!.trim(), name: values.name?.trim() };
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    process.exit(2);
  }
}

const { email, name } = parse();
const config = loadConfig();
const database = await openDatabase(config).catch((error: unknown) => {
  if (error instanceof DirectoryLockedError) {
    console.error(
      `${error.message}\nStop the app first, or set DATABASE_URL: the embedded database can only be opened by one process.`,
    );
    process.exit(1);
  }
  throw error;
});
try {
  await database.migrate();
  const tFor = await createTranslator();
  const t = tFor('en');
  const displayName = name ?? email.split('@')[0]!;
  const result = await createAdministrator(
    {
      db: database.db,
      mailer: config.smtp ? createSmtpMailer(config.smtp) : null,
      publicUrl: config.publicUrl,
      passwordEmail: (letter) => setPasswordEmail(tFor, letter),
      clock: systemClock,
    },
    { email, displayName, preferredLanguage: 'en' },
    (err) =>
      console.error(
        `The link could not be emailed (${err instanceof Error ? err.message : String(err)}); use the one below.`,
      ),
  );
  if (!result.ok) {
    console.error(
      result.emailTaken
        ? `There is already a user with the email address ${email}: nothing was changed. An administrator can send them a new set-password link at /admin/users.`
        : `No administrator was created:\n${result.problems.map((key) => ` - ${t(key)}`).join('\n')}`,
    );
    process.exitCode = 1;
  } else {
    const { link } = result;
    console.log(`Created the administrator ${displayName} <${email}>.`);
    console.log(
      `They set their password with this one-time link (it works once, until ${link.expiresAt.toISOString()}):\n\n  ${link.url}\n`,
    );
    if (link.emailed === 'sent') console.log(`The link was also emailed to ${email}.`);
  }
} catch (error) {
  // Most often the database cannot be reached (DATABASE_URL); the operator needs the reason, not a stack.
  console.error(`No administrator was created: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await database.close();
}
