// A forgotten password, self-served: a short-lived, single-use link to the existing set-password
// page (password_tokens, stored hashed), sent only when an active account has the address. The
// caller answers the same whether or not it does; this runs after the answer (see routes.ts).
import type { Db } from '../../db/client.ts';
import { appendAudit } from '../../audit/audit-repository.ts';
import type { Mailer, MailMessage } from '../../lib/mailer.ts';
import { hashToken, newToken } from '../../sessions/session-service.ts';
import * as repo from './password-reset-repository.ts';
import { findAccountByEmail } from '../users/user-repository.ts';

/** The email says "an hour" (emails.passwordReset.body): change its wording with this. */
export const RESET_LINK_MINUTES = 60;
/** At most this many links to one account an hour, however many addresses ask: no mailbox flooding. */
export const LINKS_PER_ACCOUNT_PER_HOUR = 3;

export type ResetLetter = {
  email: string;
  displayName: string;
  preferredLanguage: string;
  url: string;
  minutes: number;
};

export type PasswordResetDeps = {
  db: Db;
  mailer: Mailer | null;
  publicUrl: string;
  /** Writes the email; the caller's, so this service does not present (docs/ARCHITECTURE.md). */
  letter: (to: ResetLetter) => MailMessage;
};

export type ResetOutcome = 'sent' | 'no-account' | 'limited' | 'no-mailer';

export async function sendResetLink(deps: PasswordResetDeps, email: string, now: Date): Promise<ResetOutcome> {
  if (!deps.mailer) return 'no-mailer';
  const user = await findAccountByEmail(deps.db, email.trim());
  if (!user?.active) return 'no-account';
  const token = newToken();
  const issued = await deps.db.transaction(async (tx) => {
    await repo.lockAccount(tx, user.id);
    const recent = await repo.countLinksSince(tx, user.id, new Date(now.getTime() - 3600_000));
    if (recent >= LINKS_PER_ACCOUNT_PER_HOUR) return false;
    const expiresAt = new Date(now.getTime() + RESET_LINK_MINUTES * 60_000);
    await repo.insertResetToken(tx, { tokenHash: hashToken(token), userId: user.id, createdAt: now, expiresAt });
    await appendAudit(tx, {
      actorId: null,
      action: 'password-reset-request',
      entityType: 'user',
      entityId: user.id,
      after: { expiresAt },
    });
    return true;
  });
  if (!issued) return 'limited';
  await deps.mailer.send(
    deps.letter({
      email: user.email,
      displayName: user.displayName,
      preferredLanguage: user.preferredLanguage,
      url: `${deps.publicUrl}/set-password/${token}`,
      minutes: RESET_LINK_MINUTES,
    }),
  );
  return 'sent';
}
