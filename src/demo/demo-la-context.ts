import type { DemoCollaboratives } from './demo-collaboratives.ts';
import type { DemoSchoolCycle } from './demo-school-cycle.ts';
import type { SketchIds } from './demo-school-sketches.ts';

/**
 * What the LA part of the demo (issue 6) builds on: Cardiff (681) and Swansea (670), their staff,
 * the schools and collaboratives of the collaboration demo, and the demo school's cycle.
 * `c.people('emyr')` is Swansea's LA officer; `c.people('officer')` and `c.people('partner')`
 * are Cardiff's (la.officer@ and improvement.partner@); `c.people('owain')` is Swansea's
 * improvement partner; `c.people('susan')` chairs the governors of Llanedeyrn Primary, whose
 * headteacher is `c.people('james')`.
 */
export type DemoLaContext = {
  now: Date;
  c: DemoCollaboratives;
  demoSchool: DemoSchoolCycle;
  sketches: Map<string, SketchIds>;
  headteacher: string;
};
