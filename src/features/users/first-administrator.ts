import { createUser, validateNewUser, type IssuedLink, type UserServiceDeps } from './user-service.ts';

export type CreateAdministratorResult =
  { ok: true; userId: string; link: IssuedLink } | { ok: false; emailTaken: boolean; problems: string[] };

const EMAIL_TAKEN = 'pages.users.errors.emailTaken';

/** Two runs at once: the second trips the unique index on lower(email) rather than the check before it. */
function isUniqueViolation(error: unknown): boolean {
  const codeOf = (e: unknown) => (e as { code?: unknown } | null)?.code;
  return codeOf(error) === '23505' || codeOf((error as { cause?: unknown } | null)?.cause) === '23505';
}

/**
 * An administrator made from the command line, through the same checks, audit entry and
 * one-time set-password link as /admin/users. No one is signed in, so the entry has no actor.
 * problems are catalogue keys.
 */
export async function createAdministrator(
  deps: UserServiceDeps,
  input: { email: string; displayName: string; preferredLanguage: string },
  log: (err: unknown) => void,
): Promise<CreateAdministratorResult> {
  const candidate = { ...input, role: 'administrator', scopeId: '' };
  const errors = await validateNewUser(deps.db, candidate);
  if (Object.keys(errors).length > 0)
    return { ok: false, emailTaken: errors.email === EMAIL_TAKEN, problems: Object.values(errors) };
  try {
    return { ok: true, ...(await createUser(deps, null, candidate, log)) };
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, emailTaken: true, problems: [EMAIL_TAKEN] };
    throw error;
  }
}
