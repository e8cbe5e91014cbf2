import type { Db } from '../../db/client.ts';
import { scopeNames } from '../../directory/scope-repository.ts';
import type { Language } from '../../plugins/i18n.ts';
import type { ScopeType } from '../../policy/roles.ts';
import type { findUser } from './user-repository.ts';

type UserWithAssignments = NonNullable<Awaited<ReturnType<typeof findUser>>>;

/** The user with each role's scope named in the reader's language. */
export async function userDetailModel(db: Db, user: UserWithAssignments, lang: Language) {
  const names = await scopeNames(
    db,
    user.assignments.map((a) => ({ scopeType: a.scopeType as ScopeType, scopeId: a.scopeId })),
  );
  const assignments = user.assignments.map((a) => ({
    ...a,
    scopeName: a.scopeId ? (names.get(`${a.scopeType}:${a.scopeId}`)?.[lang] ?? a.scopeId) : null,
  }));
  return { account: { ...user, assignments } };
}
