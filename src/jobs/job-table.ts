// Every background job, by name: what runs it, when, and how it is retried (issue 12). A new job
// is one entry here and a plain function beside the code it belongs to (see docs/ARCHITECTURE.md).
import { audienceFor } from '../notifications/audience.ts';
import { relayPendingEvents } from '../notifications/relay-service.ts';
import { directoryImportJob } from '../features/directory-import/import-job.ts';
import { deliverAllAtOnce, scanReminders, sendDigests } from '../notifications/delivery/delivery-jobs.ts';
import { endPastRoles } from '../features/users/people-service.ts';
import { refreshNationalPicture } from '../features/national-picture/picture-service.ts';
import { todayInWales } from '../lib/clock.ts';
import { academicYearOf } from '../reference/reference-data.ts';
import type { JobDefinition } from './job-deps.ts';

export const RELAY_EVENTS = 'relay-events';

export const jobTable: readonly JobDefinition[] = [
  {
    name: RELAY_EVENTS,
    // Relays every waiting event in batches; an event recorded meanwhile waits for the next run.
    handler: async ({ database, clock }) => {
      let relayed = 0;
      for (;;) {
        const result = await relayPendingEvents(database.db, audienceFor, clock.now());
        relayed += result.events;
        if (result.events === 0) return { relayed };
      }
    },
    everySeconds: 5,
    retry: { limit: 5, delaySeconds: 2, maxDelaySeconds: 60 },
    expireInSeconds: 300,
  },
  {
    name: 'deliver-at-once',
    // Everything waiting for each person goes in one message, so a burst relayed within the minute
    // (forty items shared at once) is one email, not forty. Claimed rows are stamped: never twice.
    handler: async (deps) => ({ sent: await deliverAllAtOnce(deps) }),
    everySeconds: 60,
    retry: { limit: 5, delaySeconds: 30, maxDelaySeconds: 600 },
    expireInSeconds: 600,
  },
  {
    name: 'daily-digest',
    handler: async (deps) => ({ sent: await sendDigests(deps, 'daily') }),
    cron: '0 7 * * *',
    retry: { limit: 5, delaySeconds: 60, maxDelaySeconds: 1800 },
    expireInSeconds: 1800,
  },
  {
    name: 'weekly-digest',
    // Monday morning: the week's quieter news before the week's work.
    handler: async (deps) => ({ sent: await sendDigests(deps, 'weekly') }),
    cron: '0 7 * * 1',
    retry: { limit: 5, delaySeconds: 60, maxDelaySeconds: 1800 },
    expireInSeconds: 1800,
  },
  {
    name: 'reminder-scan',
    // Before the daily digest, so a reminder recorded today can go in it.
    handler: async (deps) => ({ recorded: await scanReminders(deps) }),
    cron: '0 6 * * *',
    retry: { limit: 5, delaySeconds: 60, maxDelaySeconds: 1800 },
    expireInSeconds: 1800,
  },
  {
    name: 'end-roles',
    // Just after midnight in Wales: a role ending today still counts all day.
    handler: async ({ database, clock }) => ({ ended: await endPastRoles(database.db, todayInWales(clock.now())) }),
    cron: '5 0 * * *',
    retry: { limit: 5, delaySeconds: 60, maxDelaySeconds: 1800 },
    expireInSeconds: 600,
  },
  directoryImportJob,
  {
    name: 'refresh-national-picture',
    // Builds the national picture again soon after a change (and once after start), so WG's next
    // page finds it ready; a page never waits for it, it is served the last picture meanwhile.
    handler: async ({ database, clock }) => {
      const now = clock.now();
      const { builtAt } = await refreshNationalPicture(database.db, academicYearOf(now), now);
      return { builtAt: builtAt.toISOString() };
    },
    everySeconds: 15,
    retry: { limit: 2, delaySeconds: 15, maxDelaySeconds: 60 },
    expireInSeconds: 300,
  },
];

export function jobDefinition(name: string): JobDefinition {
  const definition = jobTable.find((job) => job.name === name);
  if (!definition) throw new Error(`no job named ${name}`);
  return definition;
}
