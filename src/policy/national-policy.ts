// The national scope: Welsh Government's own pages (the national picture, national priorities,
// planning rounds and national publications).
import { hasRole } from './policy.ts';
import type { CurrentUser } from './roles.ts';
import { managesPeopleAt } from './people-policy.ts';

/** Welsh Government: aggregates, planning rounds and national publications; never a school's items (rule 3). */
export function wgCan(user: CurrentUser | null) {
  const wg = hasRole(user, 'wg_official');
  // managePeople: Welsh Government's own officials (people-policy.ts).
  return {
    read: wg,
    openRounds: wg,
    publish: wg,
    comment: wg,
    markFinal: wg,
    managePeople: wg && managesPeopleAt(user, { kind: 'national' }),
  };
}
export type WgCan = ReturnType<typeof wgCan>;
