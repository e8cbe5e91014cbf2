// Who reads and who writes a shared vision (issue 15, part 7; guidance 5.1 and 5.2). A school's vision
// heads its development plan: everyone who reads the plan reads it, its leaders write it. An LA's
// collective vision heads its self-evaluation: the LA's staff read it, the officers who run the
// self-evaluation write it.
import type { LaCan } from '../../policy/la-policy.ts';
import type { SchoolCan } from '../../policy/school-policy.ts';

/** The needs the vision routes declare, per owner: the routes and the pages ask the same table. */
export const SCHOOL_VISION_NEEDS = { read: 'viewArea', edit: 'edit' } as const satisfies Record<
  string,
  keyof SchoolCan
>;
export const LA_VISION_NEEDS = { read: 'staff', edit: 'editSelfEvaluation' } as const satisfies Record<
  string,
  keyof LaCan
>;

export type VisionCan = { read: boolean; edit: boolean };

export const schoolVisionCan = (can: SchoolCan): VisionCan => ({
  read: can[SCHOOL_VISION_NEEDS.read],
  edit: can[SCHOOL_VISION_NEEDS.edit],
});

export const laVisionCan = (can: LaCan): VisionCan => ({
  read: can[LA_VISION_NEEDS.read],
  edit: can[LA_VISION_NEEDS.edit],
});
