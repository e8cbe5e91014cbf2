// Whether a link will open for its reader, asked of the link's own route (issue 17: nothing shows a
// link its reader may not open). The route's declaration decides, as it will when the link is
// followed: its coarse access (signed in, a permission) by src/policy/policy.ts, and its scope's need
// by the `can` the page's own loader already decided for that record (or, for a scope with no
// record such as national, by its policy on the user alone). A link to another record (a
// collaborative listed on a partnership's page) is told by that record's `can`, which the page
// passes in (`given`), decided by the same policy as that record's loader. A link the page can say
// nothing of is a programming error, not a closed link, and fails loudly.
import type { CurrentUser } from '../policy/roles.ts';
import { decide, type Access } from '../policy/policy.ts';
import type { RouteMatch } from './route-match.ts';
import type { ScopeLoaders } from './scope-loaders.ts';
import { DEFAULT_NEEDS, type ScopeName } from './scopes.ts';
import type { ResolvedScope } from './request-scope.ts';

export type OpenableRoute = { url: string; access: Access };

/** `given`: the `can` of the record the address names, by scope, when it is not the page's own record. */
export type GivenCans = Partial<Record<ScopeName, object>>;

export function canOpen(
  found: RouteMatch<OpenableRoute> | null,
  user: CurrentUser | null,
  current: ResolvedScope | null,
  loaders: ScopeLoaders,
  address: string,
  given: GivenCans = {},
): boolean {
  if (!found) return false;
  const access = found.route.access;
  if (decide(user, access) !== 'allow') return false;
  if (!('scope' in access)) return true;
  const target = access.scope;
  const need = access.need ?? DEFAULT_NEEDS[target];
  const canFor = loaders[target].canFor;
  if (canFor) return need === null || !!(canFor(user) as Record<string, unknown>)[need];
  const vouched = given[target] as Record<string, unknown> | undefined;
  if (vouched) return need === null || !!vouched[need];
  const names = (access.params ?? {}) as Record<string, string | undefined>;
  const ids = Object.fromEntries(loaders[target].params.map((key) => [key, found.params[names[key] ?? key]]));
  const cans = current
    ? (loaders[current.scope].cans as (context: unknown) => Partial<Record<ScopeName, object>>)(current.context)
    : {};
  const can = cans[target] as Record<string, unknown> | undefined;
  const sameRecord = !!current && Object.entries(ids).every(([key, value]) => current.ids[key] === value);
  if (!can || !sameRecord)
    throw new Error(
      `canOpen(${address}): this page has not decided the ${target} scope for that record; show the link by that record's own can`,
    );
  return need === null || !!can[need];
}
