// Email delivery of notifications (issue 12). One transaction per message: the person's waiting
// notifications are claimed under a row lock, the one message carrying them all is sent, and they
// are stamped `emailed_at` before the lock is let go. A failed send rolls the claim back, so the
// next run tries again; a second runner finds the rows locked and skips them, so nothing goes twice.
// The words are the caller's (compose): a service decides what is sent, never how it reads.
import type { Db } from '../../db/client.ts';
import type { Mailer, MailMessage } from '../../lib/mailer.ts';
import * as repo from './delivery-repository.ts';
import type { EmailCadence, PendingItem, Recipient } from './delivery-repository.ts';

export type Letter = { recipient: Recipient; cadence: EmailCadence; items: PendingItem[] };

export type DeliveryServiceDeps = {
  db: Db;
  mailer: Mailer | null;
  compose: (letter: Letter) => MailMessage;
};

/**
 * Sends the person one message with everything of this cadence no email has carried yet; returns
 * how many notifications it carried (0: nothing sent). Without SMTP nothing is claimed or stamped,
 * so switching SMTP on later still delivers what waited.
 */
export async function deliverPending(
  deps: DeliveryServiceDeps,
  userId: string,
  cadence: EmailCadence,
  now: Date,
): Promise<number> {
  const mailer = deps.mailer;
  if (!mailer) return 0;
  const recipient = await repo.findRecipient(deps.db, userId);
  if (!recipient) return 0;
  return deps.db.transaction(async (tx) => {
    const items = await repo.claimUnemailed(tx, userId, cadence);
    if (items.length === 0) return 0;
    await mailer.send(deps.compose({ recipient, cadence, items }));
    await repo.stampEmailed(
      tx,
      items.map((item) => item.id),
      now,
    );
    return items.length;
  });
}

/**
 * One message per person with waiting notifications of this cadence (a digest, or the at-once sweep
 * that catches anything a lost job left behind). Returns messages sent. One
 * person's failure (a refused address) does not keep the others' digests back: it is reported at
 * the end, after theirs went, so the job runner retries and only the failed ones remain.
 */
export async function deliverToEveryone(deps: DeliveryServiceDeps, cadence: EmailCadence, now: Date): Promise<number> {
  if (!deps.mailer) return 0;
  let sent = 0;
  const failures: unknown[] = [];
  for (const userId of await repo.peopleWithUnemailed(deps.db, cadence)) {
    try {
      if ((await deliverPending(deps, userId, cadence, now)) > 0) sent++;
    } catch (error) {
      failures.push(error);
    }
  }
  if (failures.length > 0) throw new AggregateError(failures, `${failures.length} ${cadence} message(s) not sent`);
  return sent;
}
