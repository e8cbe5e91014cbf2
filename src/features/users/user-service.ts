import type { Db } from '../../db/client.ts';
import { appendAudit } from '../../audit/audit-repository.ts';
import type { Mailer, MailMessage } from '../../lib/mailer.ts';
import type { Clock } from '../../lib/clock.ts';
import type { FieldErrors } from '../../lib/forms.ts';
import { hashToken, newToken } from '../../sessions/session-service.ts';
import { deleteUserSessions } from '../../sessions/session-repository.ts';
import { isRole, scopeOf, type Role } from '../../policy/roles.ts';
import { resolveScopeInput, scopeExists } from '../../directory/scope-repository.ts';
import * as repo from './user-repository.ts';

export const PASSWORD_LINK_DAYS = 7;

export type AssignmentInput = { role: string; scopeId: string };
export type NewUserInput = AssignmentInput & { displayName: string; email: string; preferredLanguage: string };
/** Who a set-password link goes to, and the link: what the caller's email is written from. */
export type PasswordLinkLetter = {
  email: string;
  displayName: string;
  preferredLanguage: string;
  url: string;
  days: number;
};
/**
 * passwordEmail writes the email in words (the caller holds the catalogues: src/features/users/
 * set-password-email.ts); the service decides when one is sent and what it carries.
 */
export type UserServiceDeps = {
  db: Db;
  mailer: Mailer | null;
  publicUrl: string;
  passwordEmail: (letter: PasswordLinkLetter) => MailMessage;
  clock: Clock;
};

export async function validateAssignment(
  db: Db,
  input: AssignmentInput,
): Promise<{ errors: FieldErrors; role?: Role; scopeId?: string | null }> {
  if (!isRole(input.role)) return { errors: { role: 'pages.users.errors.roleMissing' } };
  const scopeType = scopeOf(input.role);
  const typed = input.scopeId.trim();
  const scopeId =
    scopeType === 'national' || scopeType === 'platform'
      ? null
      : typed && (await resolveScopeInput(db, scopeType, typed));
  if (scopeId === '') return { errors: { scopeId: 'pages.users.errors.scopeMissing' } };
  if (!(await scopeExists(db, scopeType, scopeId)))
    return { errors: { scopeId: `pages.users.errors.scopeUnknown.${scopeType}` } };
  return { errors: {}, role: input.role, scopeId };
}

export async function validateNewUser(db: Db, input: NewUserInput): Promise<FieldErrors> {
  const errors: FieldErrors = {};
  if (!input.displayName) errors.displayName = 'pages.users.errors.nameMissing';
  else if (input.displayName.length > 200) errors.displayName = 'pages.users.errors.nameTooLong';
  if (!input.email) errors.email = 'pages.users.errors.emailMissing';
  else if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(input.email) || input.email.length > 320)
    errors.email = 'pages.users.errors.emailInvalid';
  else if (await repo.emailTaken(db, input.email)) errors.email = 'pages.users.errors.emailTaken';
  if (input.preferredLanguage !== 'en' && input.preferredLanguage !== 'cy')
    errors.preferredLanguage = 'pages.users.errors.languageMissing';
  return { ...errors, ...(await validateAssignment(db, input)).errors };
}

/** emailed: 'sent', 'failed' (the mail server refused it), or 'off' (no mail server configured). */
export type IssuedLink = { url: string; emailed: EmailOutcome; expiresAt: Date };
export type EmailOutcome = 'sent' | 'failed' | 'off';

export async function issueLink(
  tx: Db,
  userId: string,
  publicUrl: string,
  now: Date,
): Promise<{ url: string; expiresAt: Date }> {
  const token = newToken();
  const expiresAt = new Date(now.getTime() + PASSWORD_LINK_DAYS * 24 * 3600_000);
  await repo.insertPasswordToken(tx, { tokenHash: hashToken(token), userId, expiresAt }, now);
  return { url: `${publicUrl}/set-password/${token}`, expiresAt };
}

export async function sendLink(
  deps: UserServiceDeps,
  to: { email: string; displayName: string; preferredLanguage: string },
  url: string,
  log: (err: unknown) => void,
): Promise<EmailOutcome> {
  if (!deps.mailer) return 'off' as const;
  try {
    await deps.mailer.send(
      deps.passwordEmail({
        email: to.email,
        displayName: to.displayName,
        preferredLanguage: to.preferredLanguage,
        url,
        days: PASSWORD_LINK_DAYS,
      }),
    );
    return 'sent' as const;
  } catch (error) {
    // The administrator still sees the link: a mail failure must not lose the account.
    log(error);
    return 'failed' as const;
  }
}

/**
 * Validated by the caller; creates the user, the first role and a one-time set-password link.
 * actorId is null when no one is signed in: the first administrator, made from the command line.
 */
export async function createUser(
  deps: UserServiceDeps,
  actorId: string | null,
  input: NewUserInput,
  log: (err: unknown) => void,
) {
  const { role, scopeId } = await validateAssignment(deps.db, input);
  const created = await deps.db.transaction(async (tx) => {
    const user = await repo.insertUser(tx, {
      email: input.email,
      displayName: input.displayName,
      preferredLanguage: input.preferredLanguage,
    });
    const assignment = { userId: user.id, role: role!, scopeType: scopeOf(role!), scopeId: scopeId ?? null };
    await repo.insertAssignment(tx, assignment);
    await appendAudit(tx, {
      actorId,
      action: 'user-create',
      entityType: 'user',
      entityId: user.id,
      after: {
        email: input.email,
        displayName: input.displayName,
        preferredLanguage: input.preferredLanguage,
        assignment,
      },
    });
    const link = await issueLink(tx, user.id, deps.publicUrl, deps.clock.now());
    return { userId: user.id, ...link };
  });
  const emailed = await sendLink(deps, input, created.url, log);
  return {
    userId: created.userId,
    link: { url: created.url, expiresAt: created.expiresAt, emailed } satisfies IssuedLink,
  };
}

export async function reissueLink(
  deps: UserServiceDeps,
  actorId: string,
  userId: string,
  log: (err: unknown) => void,
): Promise<IssuedLink | null> {
  const user = await repo.findUser(deps.db, userId);
  if (!user) return null;
  const link = await deps.db.transaction(async (tx) => {
    const issued = await issueLink(tx, userId, deps.publicUrl, deps.clock.now());
    await appendAudit(tx, { actorId, action: 'password-link-issue', entityType: 'user', entityId: userId });
    return issued;
  });
  return { ...link, emailed: await sendLink(deps, user, link.url, log) };
}

export async function addAssignment(db: Db, actorId: string, userId: string, role: Role, scopeId: string | null) {
  return db.transaction(async (tx) => {
    const assignment = { userId, role, scopeType: scopeOf(role), scopeId };
    const inserted = await repo.insertAssignment(tx, assignment);
    if (inserted)
      await appendAudit(tx, {
        actorId,
        action: 'role-assign',
        entityType: 'user',
        entityId: userId,
        after: assignment,
      });
    return !!inserted;
  });
}

export async function removeAssignment(db: Db, actorId: string, userId: string, assignmentId: string) {
  return db.transaction(async (tx) => {
    const removed = await repo.deleteAssignment(tx, userId, assignmentId);
    if (removed)
      await appendAudit(tx, { actorId, action: 'role-remove', entityType: 'user', entityId: userId, before: removed });
    return !!removed;
  });
}

export async function setUserActive(db: Db, actorId: string, userId: string, active: boolean, now: Date) {
  await db.transaction(async (tx) => {
    const before = await repo.findUser(tx, userId);
    if (!before || before.active === active) return;
    await repo.setActive(tx, userId, active, now);
    if (!active) await deleteUserSessions(tx, userId);
    await appendAudit(tx, {
      actorId,
      action: active ? 'user-activate' : 'user-deactivate',
      entityType: 'user',
      entityId: userId,
      before: { active: before.active },
      after: { active },
    });
  });
}
