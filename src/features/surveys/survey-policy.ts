// Who does what with a school's surveys (issue 18). Staff answer in the service and see the section;
// leaders open and close surveys and read results and what staff wrote. Governors, the LA and other
// schools see neither: results reach them only as an evidence item the school chooses to share.
import type { SchoolCan } from '../../policy/school-policy.ts';

/** The needs the survey routes declare: the routes and the pages ask the same table. */
export const SURVEY_NEEDS = { section: 'staff', answer: 'staff', manage: 'edit' } as const satisfies Record<
  string,
  keyof SchoolCan
>;

export type SurveyCan = { answer: boolean; manage: boolean };
export const surveyCan = (can: SchoolCan): SurveyCan => ({
  answer: can[SURVEY_NEEDS.answer],
  manage: can[SURVEY_NEEDS.manage],
});
