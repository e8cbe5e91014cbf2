// The items that leave the school through others, and a collaborative's and an LA's own (issue 16):
// good practice, a collaborative's meetings and progression sessions, peer enquiries with their
// findings and follow-ups, a school's offers of support, LA priorities with their actions and LA plan
// answers. Each is written by the same people who edit it, with the original fields' own limits.
import { LIMITS as CASE_STUDY_LIMITS } from '../good-practice/case-study-form.ts';
import { searchTextOf } from '../good-practice/case-study-service.ts';
import { LIMITS as MEETING_LIMITS } from '../meetings/meeting-form.ts';
import { LIMITS as PROGRESSION_LIMITS } from '../progression/progression-form.ts';
import { LIMITS as ENQUIRY_LIMITS } from '../peer-enquiry/enquiry-form.ts';
import { LIMITS as LA_LIMITS } from '../la-self-evaluation/se-forms.ts';
import { MAX_ANSWER } from '../la-plans/plan-service.ts';
import { LIMITS as VISION_LIMITS } from '../vision/vision-service.ts';
import { LA_VISION_NEEDS } from '../vision/vision-policy.ts';
import { kind } from './kinds.ts';
import * as schoolStores from './school-kinds-repository.ts';
import * as stores from './shared-kinds-repository.ts';

const text = (name: string, max: number) => ({ name, max, multiline: false });
const area = (name: string, max: number) => ({ name, max, multiline: true });
/** The most rows a page translates at once: far above what any of these holds in practice. */
const MANY = 100;
/** The limit of an agreed action's description (meetings/action-service.ts) and of an LA action's. */
const ACTION_TEXT = 1_000;

export const caseStudyKind = kind({
  slug: 'case-study',
  scope: 'caseStudy',
  need: 'edit',
  entityType: 'case_study',
  fields: [
    text('title', CASE_STUDY_LIMITS.title),
    area('summary', CASE_STUDY_LIMITS.summary),
    area('whatWeDid', CASE_STUDY_LIMITS.whatWeDid),
    area('learners', CASE_STUDY_LIMITS.learners),
    area('impact', CASE_STUDY_LIMITS.impact),
  ],
  // Search finds it by the words of both languages, built as the case study's own save builds them.
  searchText: (item, other) => {
    const both = (field: string) => [item.originals[field] ?? '', other[field] ?? ''].join(' ');
    return searchTextOf(
      {
        title: both('title'),
        summary: both('summary'),
        whatWeDid: both('whatWeDid'),
        learners: both('learners'),
        impact: both('impact'),
      },
      item.searchNames ?? [],
    );
  },
  ...stores.caseStudyStore,
});

export const meetingKind = kind({
  slug: 'meeting',
  scope: 'collaborative',
  need: 'record',
  entityType: 'meeting',
  fields: [
    text('title', MEETING_LIMITS.title),
    area('agenda', MEETING_LIMITS.agenda),
    area('notes', MEETING_LIMITS.notes),
  ],
  parts: { max: ACTION_TEXT, maxCount: MANY, labelKey: 'otherLanguage.parts.meetingAction' },
  ...stores.meetingStore,
});

export const progressionKind = kind({
  slug: 'progression-session',
  scope: 'collaborative',
  need: 'record',
  entityType: 'progression_session',
  fields: [
    text('focus', PROGRESSION_LIMITS.focus),
    area('samples', PROGRESSION_LIMITS.samples),
    area('expectations', PROGRESSION_LIMITS.expectations),
  ],
  ...stores.progressionStore,
});

export const enquiryKind = kind({
  slug: 'peer-enquiry',
  scope: 'enquiry',
  // The host school's leaders own the enquiry and its report (DOMAIN.md section 7, rule 4).
  need: 'hostLeader',
  entityType: 'peer_enquiry',
  fields: [area('question', ENQUIRY_LIMITS.question), area('report', ENQUIRY_LIMITS.long)],
  parts: { max: ENQUIRY_LIMITS.long, maxCount: MANY, labelKey: 'otherLanguage.parts.enquiryFinding' },
  ...stores.enquiryStore,
});

export const supportOfferKind = kind({
  slug: 'support-offer',
  scope: 'school',
  // Offering support shares the school's strength beyond it: the headteacher's, as making the offer is.
  need: 'widenSharing',
  entityType: 'support_offer',
  fields: [text('title', LA_LIMITS.title), area('description', LA_LIMITS.body)],
  ...stores.supportOfferStore,
});

export const laPriorityKind = kind({
  slug: 'la-priority',
  scope: 'la',
  need: 'editSelfEvaluation',
  permission: 'la.manage',
  entityType: 'la_priority',
  fields: [text('title', LA_LIMITS.title), area('description', LA_LIMITS.body), area('successMeasure', LA_LIMITS.body)],
  parts: { max: ACTION_TEXT, maxCount: MANY, labelKey: 'otherLanguage.parts.laAction' },
  ...stores.laPriorityStore,
});

export const laVisionKind = kind({
  slug: 'vision',
  scope: 'la',
  need: LA_VISION_NEEDS.edit,
  permission: 'la.manage',
  entityType: 'vision',
  fields: [area('text', VISION_LIMITS.text), area('agreedWith', VISION_LIMITS.agreedWith)],
  ...schoolStores.laVisionStore,
});

export const laPlanAnswerKind = kind({
  slug: 'la-plan-answer',
  scope: 'plan',
  need: 'edit',
  permission: 'plans.read',
  entityType: 'la_plan',
  fields: [area('answer', MAX_ANSWER)],
  ...stores.laPlanAnswerStore,
});

export const SHARED_KINDS = [
  caseStudyKind,
  meetingKind,
  enquiryKind,
  progressionKind,
  laPriorityKind,
  laVisionKind,
  supportOfferKind,
  laPlanAnswerKind,
];
