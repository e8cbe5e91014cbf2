import type { PriorityState } from '../../reference/reference-data.ts';

/**
 * A priority is precise, refined and specific (DOMAIN.md section 4). These are the rules that
 * decide when it may be agreed, and how it moves between states.
 */
export type ReadinessInput = { findingCount: number; nifTheme: string | null; learners: string; successMeasure: string };
export const READINESS_PARTS = ['finding', 'nifTheme', 'learners', 'successMeasure'] as const;
export type ReadinessPart = (typeof READINESS_PARTS)[number];

/** What is still missing before the priority can be agreed; empty when it is ready. */
export function priorityReadiness(priority: ReadinessInput): ReadinessPart[] {
  const missing: ReadinessPart[] = [];
  if (priority.findingCount < 1) missing.push('finding');
  if (!priority.nifTheme) missing.push('nifTheme');
  if (!priority.learners.trim()) missing.push('learners');
  if (!priority.successMeasure.trim()) missing.push('successMeasure');
  return missing;
}

/** draft -> agreed -> in progress -> reviewed -> closed; back to draft from agreed; closed from any. */
const NEXT: Record<PriorityState, readonly PriorityState[]> = {
  draft: ['agreed', 'closed'],
  agreed: ['in_progress', 'draft', 'closed'],
  in_progress: ['reviewed', 'closed'],
  reviewed: ['closed'],
  closed: [],
};

export function allowedTransitions(from: string): readonly PriorityState[] {
  return NEXT[from as PriorityState] ?? [];
}

export function canMove(from: string, to: string): boolean {
  return allowedTransitions(from).includes(to as PriorityState);
}

/**
 * States that need a ready priority: agreed and what follows from it. Closing is not one of them:
 * a draft that the school decides not to pursue may be closed as it is.
 */
export const STATES_NEEDING_READINESS: readonly PriorityState[] = ['agreed', 'in_progress', 'reviewed'];

export function needsReadiness(state: string): boolean {
  return STATES_NEEDING_READINESS.includes(state as PriorityState);
}
