// The delivery jobs the job runner calls (src/jobs/job-table.ts): each is handed what buildApp
// holds (the database, the mailer, the config without the secret, the clock and the unsubscribe
// key) and reads the time once.
import type { Config } from '../../config.ts';
import type { Database } from '../../db/client.ts';
import type { Clock } from '../../lib/clock.ts';
import type { Mailer } from '../../lib/mailer.ts';
import type { PurposeKeys } from '../../lib/secrets.ts';
import { createTranslator } from '../../plugins/i18n.ts';
import { unsubscribeToken } from '../unsubscribe-token.ts';
import { deliverPending, deliverToEveryone, type DeliveryServiceDeps } from './delivery-service.ts';
import { notificationEmail } from './notification-email-presenter.ts';
import { scanReminderEvents } from './reminder-service.ts';

export type DeliveryDeps = {
  database: Database;
  mailer: Mailer | null;
  config: Pick<Config, 'publicUrl'>;
  clock: Clock;
  keys: Pick<PurposeKeys, 'unsubscribeLinks'>;
};

// The catalogues are read once per process, on the first message.
let translator: ReturnType<typeof createTranslator> | undefined;

async function serviceDeps(deps: DeliveryDeps): Promise<DeliveryServiceDeps> {
  translator ??= createTranslator();
  const tFor = await translator;
  const links = {
    publicUrl: deps.config.publicUrl,
    unsubscribeToken: (userId: string, kinds: Parameters<typeof unsubscribeToken>[1]['kinds']) =>
      unsubscribeToken(deps.keys.unsubscribeLinks, { userId, kinds }),
  };
  return { db: deps.database.db, mailer: deps.mailer, compose: (letter) => notificationEmail(tFor, links, letter) };
}

/** One message with all the person's waiting at-once notifications (a burst of forty is one email). */
export async function deliverAtOnce(deps: DeliveryDeps, userId: string): Promise<number> {
  return deliverPending(await serviceDeps(deps), userId, 'at_once', deps.clock.now());
}

/** Everyone's waiting at-once notifications, one message each: a sweep in case a delivery job was lost. */
export async function deliverAllAtOnce(deps: DeliveryDeps): Promise<number> {
  return deliverToEveryone(await serviceDeps(deps), 'at_once', deps.clock.now());
}

/** One digest per person with waiting notifications of this cadence. */
export async function sendDigests(deps: DeliveryDeps, cadence: 'daily' | 'weekly'): Promise<number> {
  return deliverToEveryone(await serviceDeps(deps), cadence, deps.clock.now());
}

/** The daily reminder scan: records reminder events; the relay and delivery do the telling. */
export async function scanReminders(deps: Pick<DeliveryDeps, 'database' | 'clock'>): Promise<number> {
  return (await scanReminderEvents(deps.database.db, deps.clock.now())).length;
}
