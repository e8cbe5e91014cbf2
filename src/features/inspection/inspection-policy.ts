// Who reads and who records a school's last inspection (issue 15, part 6). Estyn publishes its reports,
// so everyone who sees the school's area reads the recommendations: its staff, its governors and its
// LA's staff (the interim visit's one place). Its leaders record them. Which linked priorities each
// reader sees is the priorities' own sharing (DOMAIN.md section 7, rule 1), filtered in SQL.
import type { SchoolCan } from '../../policy/school-policy.ts';

/** The school-scope needs the inspection routes declare: the same table decides the routes and the pages. */
export const INSPECTION_NEEDS = { read: 'viewArea', edit: 'edit' } as const satisfies Record<string, keyof SchoolCan>;

export function inspectionCan(can: SchoolCan) {
  return {
    read: can[INSPECTION_NEEDS.read],
    edit: can[INSPECTION_NEEDS.edit],
    // Staff see every linked priority; anyone else only those shared with them.
    allPriorities: can.readPrivate,
  };
}
export type InspectionCan = ReturnType<typeof inspectionCan>;
