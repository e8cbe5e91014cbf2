// The school's items that may carry their other-language version (the first kinds of issue 16): their
// scope and need (the same as editing each), their fields with the original fields' own limits.
import { mayEditEvidence } from '../evidence/evidence-policy.ts';
import { LIMITS as PRIORITY_LIMITS } from '../priorities/priorities-service.ts';
import { MAX_BODY as FINDING_BODY, MAX_TITLE as FINDING_TITLE } from '../findings/findings-service.ts';
import { MAX_BODY as EVIDENCE_BODY, MAX_TITLE as EVIDENCE_TITLE } from '../evidence/evidence-form.ts';
import { LIMITS as ACTION_LIMITS } from '../development-plan/action-form.ts';
import { MAX_CRITERIA, MAX_CRITERION_LENGTH } from '../development-plan/criteria-service.ts';
import {
  MAX_ACTIONS_PER_TERM,
  MAX_OUTLINE_ACTION,
  MAX_OUTLINE_SUMMARY,
  MAX_OUTLINE_TITLE,
} from '../development-plan/outline-form.ts';
import { MAX_SUMMARY_LENGTH } from '../development-plan/plan-service.ts';
import { MAX_AGREED_WHAT, MAX_IMPACT, MAX_NEED } from '../brokering/brokering-forms.ts';
import { MAX_COMMENT } from '../progress-reviews/review-form.ts';
import { LIMITS as VISION_LIMITS } from '../vision/vision-service.ts';
import { LIMITS as INSPECTION_LIMITS } from '../inspection/inspection-service.ts';
import { searchKey } from '../../lib/search-text.ts';
import { kind } from './kinds.ts';
import * as stores from './school-kinds-repository.ts';

const text = (name: string, max: number) => ({ name, max, multiline: false });
const area = (name: string, max: number) => ({ name, max, multiline: true });

export const priorityKind = kind({
  slug: 'priority',
  scope: 'school',
  need: 'edit',
  entityType: 'priority',
  fields: [
    text('title', PRIORITY_LIMITS.title),
    area('description', PRIORITY_LIMITS.description),
    area('learners', PRIORITY_LIMITS.learners),
    area('successMeasure', PRIORITY_LIMITS.successMeasure),
  ],
  parts: { max: MAX_CRITERION_LENGTH, maxCount: MAX_CRITERIA, labelKey: 'otherLanguage.parts.criterion' },
  ...stores.priorityStore,
});

export const findingKind = kind({
  slug: 'finding',
  scope: 'school',
  need: 'edit',
  entityType: 'finding',
  fields: [text('title', FINDING_TITLE), area('body', FINDING_BODY)],
  ...stores.findingStore,
});

export const evidenceKind = kind({
  slug: 'evidence',
  scope: 'school',
  need: 'addEvidence',
  entityType: 'evidence',
  fields: [text('title', EVIDENCE_TITLE), area('body', EVIDENCE_BODY)],
  // The same people who may edit the item: leaders, or its author until a leader has reviewed it.
  mayWrite: (user, ctx, item) =>
    mayEditEvidence(user?.id, ctx.can, {
      createdBy: item.createdBy ?? null,
      curated: !!item.state?.curated,
      archived: !!item.state?.archived,
    }),
  // Search finds the item by the words of both its languages, as evidence-service.ts builds them.
  searchText: (item, other) =>
    searchKey([item.originals.title, item.originals.body, other.title, other.body].filter(Boolean).join(' ')),
  ...stores.evidenceStore,
});

export const planActionKind = kind({
  slug: 'plan-action',
  scope: 'school',
  need: 'edit',
  entityType: 'plan_action',
  fields: [
    area('description', ACTION_LIMITS.description),
    area('milestones', ACTION_LIMITS.milestones),
    area('professionalLearning', ACTION_LIMITS.professionalLearning),
    area('supportDetail', ACTION_LIMITS.supportDetail),
  ],
  ...stores.planActionStore,
});

export const recommendationKind = kind({
  slug: 'inspection-recommendation',
  scope: 'school',
  need: 'edit',
  entityType: 'inspection_recommendation',
  fields: [area('text', INSPECTION_LIMITS.text)],
  ...stores.recommendationStore,
});

export const outlinePriorityKind = kind({
  slug: 'outline-priority',
  scope: 'school',
  need: 'edit',
  entityType: 'plan_outline_priority',
  fields: [text('title', MAX_OUTLINE_TITLE), area('summary', MAX_OUTLINE_SUMMARY)],
  parts: { max: MAX_OUTLINE_ACTION, maxCount: MAX_ACTIONS_PER_TERM * 4, labelKey: 'otherLanguage.parts.outlineAction' },
  ...stores.outlinePriorityStore,
});

export const visionKind = kind({
  slug: 'vision',
  scope: 'school',
  need: 'edit',
  entityType: 'vision',
  fields: [area('text', VISION_LIMITS.text), area('agreedWith', VISION_LIMITS.agreedWith)],
  ...stores.visionStore,
});

// The plan's plain-language summary: written by whoever may edit it (the plan summary form's own need).
export const planSummaryKind = kind({
  slug: 'plan-summary',
  scope: 'school',
  need: 'edit',
  entityType: 'development_plan',
  fields: [area('summary', MAX_SUMMARY_LENGTH)],
  ...stores.planSummaryStore,
});

// A request for support, written by those who may edit the school's requests (the request form's need).
export const supportRequestKind = kind({
  slug: 'support-request',
  scope: 'school',
  need: 'edit',
  entityType: 'support_request',
  fields: [area('need', MAX_NEED)],
  ...stores.supportRequestStore,
});

// Support the school received, whose impact its editors record: written with the impact, for its support log.
export const supportAgreementKind = kind({
  slug: 'support-agreement',
  scope: 'school',
  need: 'edit',
  entityType: 'support_agreement',
  fields: [area('what', MAX_AGREED_WHAT), area('impact', MAX_IMPACT)],
  ...stores.supportAgreementStore,
});

// A progress review's comment: written by those who may record reviews (the review form's need).
export const progressReviewKind = kind({
  slug: 'progress-review',
  scope: 'school',
  need: 'edit',
  entityType: 'progress_review',
  fields: [area('comment', MAX_COMMENT)],
  ...stores.progressReviewStore,
});

export const SCHOOL_KINDS = [
  planSummaryKind,
  priorityKind,
  findingKind,
  evidenceKind,
  planActionKind,
  visionKind,
  recommendationKind,
  outlinePriorityKind,
  progressReviewKind,
  supportRequestKind,
  supportAgreementKind,
];
