// Every background job, by name: what runs it, when, and how it is retried (issue 12). A new job
// is one entry here and a plain function beside the code it belongs to (see docs/ARCHITECTURE.md).
import { relayPendingEvents, type AudienceResolver } from '../notifications/relay-service.ts';
import { directoryImportJob } from '../features/directory-import/import-job.ts';
import type { JobDefinition } from './job-deps.ts';

/**
 * Who the relay tells: the people each event names. The one place the relay's audience is chosen;
 * the audience rules of src/notifications/audience.ts take its place when they land.
 */
export const relayAudience: AudienceResolver = async (_db, event) => event.audience;

export const RELAY_EVENTS = 'relay-events';

export const jobTable: readonly JobDefinition[] = [
  {
    name: RELAY_EVENTS,
    // Relays every waiting event in batches; an event recorded meanwhile waits for the next run.
    handler: async ({ database, clock }) => {
      let relayed = 0;
      for (;;) {
        const result = await relayPendingEvents(database.db, relayAudience, clock.now());
        relayed += result.events;
        if (result.events === 0) return { relayed };
      }
    },
    everySeconds: 5,
    retry: { limit: 5, delaySeconds: 2, maxDelaySeconds: 60 },
    expireInSeconds: 300,
  },
  directoryImportJob,
];

export function jobDefinition(name: string): JobDefinition {
  const definition = jobTable.find((job) => job.name === name);
  if (!definition) throw new Error(`no job named ${name}`);
  return definition;
}
