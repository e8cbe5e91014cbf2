/** The states of an LA's plan, in the order a plan moves through them. */
export const PLAN_STATES = ['draft', 'submitted', 'in_discussion', 'final'] as const;
export type PlanState = (typeof PLAN_STATES)[number];
