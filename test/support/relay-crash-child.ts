// The process the crash test kills (src/jobs/runner.test.ts): it records an event for one person,
// starts relaying it, says so, and hangs inside the relay's transaction until it is killed. What it
// did before the kill is all a restarted instance has to go on.
import { openDatabase } from '../../src/db/client.ts';
import { recordEvent } from '../../src/notifications/events-repository.ts';
import { relayPendingEvents } from '../../src/notifications/relay-service.ts';
import { testEvent } from './notification-helpers.ts';

const database = await openDatabase({
  databaseUrl: process.env.CRASH_DATABASE_URL || null,
  pgliteDir: process.env.CRASH_PGLITE_DIR ?? '',
});
const reader = process.env.CRASH_READER!;
await database.db.transaction(async (tx) => {
  await recordEvent(
    tx,
    testEvent({
      // Told to Welsh Government's officials by the audience rules: the test's reader is one.
      kind: 'plan_submitted',
      actorId: null,
      subject: { type: 'la_plan', id: 'crash' },
      link: '/plans/crash',
      audience: [reader],
    }),
  );
});
process.stdout.write('recorded\n');
await relayPendingEvents(
  database.db,
  async (_db, event) => {
    process.stdout.write('relaying\n');
    await new Promise(() => undefined); // never returns: the kill comes first
    return event.audience;
  },
  new Date(0),
);
