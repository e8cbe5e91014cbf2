/** The states of an LA's plan, in the order a plan moves through them. */
import { LA_PLAN_STATES } from '../../reference/record-states.ts';

export const PLAN_STATES = LA_PLAN_STATES;
export type PlanState = (typeof PLAN_STATES)[number];
