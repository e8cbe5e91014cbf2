import type { PriorityState } from '../reference/reference-data.ts';

/**
 * A priority is precise, refined and specific (DOMAIN.md section 4). These are the rules that
 * decide when it may be agreed, and how it moves between states. Schools and LAs share them; an
 * LA's priority names no learner group (its priorities are about its schools), so it is judged on
 * the parts in LA_READINESS_PARTS (docs/ARCHITECTURE.md section 9).
 */
export type ReadinessInput = {
  findingCount: number;
  nifTheme: string | null;
  learners?: string;
  successMeasure: string;
};
export const READINESS_PARTS = ['finding', 'nifTheme', 'learners', 'successMeasure'] as const;
export type ReadinessPart = (typeof READINESS_PARTS)[number];
/** The parts that apply to an LA's priority: all a school's but the learners. */
export const LA_READINESS_PARTS: readonly ReadinessPart[] = ['finding', 'nifTheme', 'successMeasure'];

const MISSING: Record<ReadinessPart, (p: ReadinessInput) => boolean> = {
  finding: (p) => p.findingCount < 1,
  nifTheme: (p) => !p.nifTheme,
  learners: (p) => !p.learners?.trim(),
  successMeasure: (p) => !p.successMeasure.trim(),
};

/** What is still missing before the priority can be agreed, of the parts that apply; empty when it is ready. */
export function priorityReadiness(
  priority: ReadinessInput,
  parts: readonly ReadinessPart[] = READINESS_PARTS,
): ReadinessPart[] {
  return parts.filter((part) => MISSING[part](priority));
}

/** Each part of readiness, done or not, for the checklist on the priority's page. */
export function readinessChecklist(priority: ReadinessInput, parts: readonly ReadinessPart[] = READINESS_PARTS) {
  const missing = new Set(priorityReadiness(priority, parts));
  return parts.map((part) => ({ part, done: !missing.has(part) }));
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
