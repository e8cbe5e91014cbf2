// The national scope: Welsh Government's own pages (the national picture, national priorities,
// planning rounds and national publications).
import { hasRole } from './policy.ts';
import type { CurrentUser } from './roles.ts';

/** Welsh Government: aggregates, planning rounds and national publications; never a school's items (rule 3). */
export function wgCan(user: CurrentUser | null) {
  const wg = hasRole(user, 'wg_official');
  return { read: wg, openRounds: wg, publish: wg, comment: wg, markFinal: wg };
}
export type WgCan = ReturnType<typeof wgCan>;
