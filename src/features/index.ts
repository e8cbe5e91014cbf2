import { feature, type Feature } from './feature.ts';
import { auditLogRoutes } from './audit-log/routes.ts';
import { authRoutes } from './auth/routes.ts';
import { accountSessionRoutes } from './account-sessions/routes.ts';
import { apiTokenRoutes } from './api-tokens/routes.ts';
import { singleSignOnRoutes } from './single-sign-on/routes.ts';
import { twoFactorRoutes } from './two-factor/routes.ts';
import { passwordResetRoutes } from './password-reset/routes.ts';
import { notificationRoutes } from './notifications/routes.ts';
import { directoryApiRoutes } from './directory-api/routes.ts';
import { directoryRoutes } from './directory/routes.ts';
import { directoryImportRoutes } from './directory-import/routes.ts';
import { healthRoutes } from './health/routes.ts';
import { helpPageRoutes } from './help-pages/routes.ts';
import { homeRoutes } from './home/routes.ts';
import { userRoutes } from './users/routes.ts';
import { schoolCycleRoutes } from './school-cycle/routes.ts';
import { sharingRoutes } from './sharing/routes.ts';
import { evidenceRoutes } from './evidence/routes.ts';
import { schoolHomeRoutes } from './school-home/routes.ts';
import { outputRoutes } from './outputs/routes.ts';
import { findingsRoutes } from './findings/routes.ts';
import { prioritiesRoutes } from './priorities/routes.ts';
import { developmentPlanRoutes } from './development-plan/routes.ts';
import { progressReviewRoutes } from './progress-reviews/routes.ts';
import { impactRoutes } from './impact/routes.ts';
import { collaborativeRoutes } from './collaboratives/routes.ts';
import { goodPracticeRoutes } from './good-practice/routes.ts';
import { nationalPictureRoutes } from './national-picture/routes.ts';
import { laPlanRoutes } from './la-plans/routes.ts';
import { partnershipRoutes } from './partnerships/routes.ts';
import { localImprovementRoutes } from './local-improvement/routes.ts';
import { yourSchoolsRoutes } from './your-schools/routes.ts';
import { concernRoutes } from './concern/routes.ts';
import { professionalLearningRoutes } from './professional-learning/routes.ts';
import { brokeringRoutes } from './brokering/routes.ts';
import { laSelfEvaluationRoutes } from './la-self-evaluation/routes.ts';
import { laOverviewRoutes } from './la-overview/routes.ts';
import { peerEnquiryRoutes } from './peer-enquiry/routes.ts';
import { calendarRoutes } from './calendar/routes.ts';
import { progressionRoutes } from './progression/routes.ts';
import { meetingRoutes } from './meetings/routes.ts';
import { reciprocityRoutes } from './reciprocity/routes.ts';
import { collaborativeSpaceRoutes } from './collaborative-space/routes.ts';
import { unsubscribeRoutes } from './unsubscribe/routes.ts';
import { myActionsRoutes } from './my-actions/routes.ts';
import { governorQuestionRoutes } from './governor-questions/routes.ts';
import { inspectionRoutes } from './inspection/routes.ts';
import { visionRoutes } from './vision/routes.ts';
import { surveyRoutes } from './surveys/routes.ts';
import { otherLanguageRoutes } from './other-language/routes.ts';

/**
 * Every feature, registered in this order by buildApp, with the parts of AppDeps it is given: only the
 * mailer-sending feature gets the mailer, only the features that sign attachment or unsubscribe links get the keys.
 */
export const features: Feature[] = [
  feature(healthRoutes, { database: true }),
  feature(helpPageRoutes, {}),
  feature(homeRoutes, { database: true, clock: true }),
  feature(authRoutes, { database: true, clock: true, config: true, delay: true }),
  feature(accountSessionRoutes, { database: true }),
  feature(apiTokenRoutes, { database: true, clock: true }),
  feature(singleSignOnRoutes, { database: true, clock: true, config: true, keys: true }),
  feature(twoFactorRoutes, { database: true, clock: true, config: true, delay: true, keys: true }),
  feature(passwordResetRoutes, { database: true, clock: true, config: true, mailer: true }),
  feature(notificationRoutes, { database: true, clock: true }),
  feature(userRoutes, { database: true, clock: true, mailer: true, config: true }),
  feature(directoryRoutes, { database: true }),
  feature(directoryApiRoutes, { database: true }),
  feature(auditLogRoutes, { database: true }),
  feature(directoryImportRoutes, { database: true, clock: true, config: true, jobs: true }),
  feature(schoolCycleRoutes, { database: true, clock: true }),
  feature(sharingRoutes, { database: true }),
  feature(evidenceRoutes, { database: true, clock: true, config: true, keys: true }),
  feature(schoolHomeRoutes, { database: true, clock: true }),
  feature(outputRoutes, { database: true, clock: true }),
  feature(findingsRoutes, { database: true, clock: true }),
  feature(prioritiesRoutes, { database: true, clock: true }),
  feature(developmentPlanRoutes, { database: true, clock: true }),
  feature(governorQuestionRoutes, { database: true, clock: true }),
  feature(visionRoutes, { database: true, clock: true }),
  feature(otherLanguageRoutes, { database: true, clock: true }),
  feature(inspectionRoutes, { database: true, clock: true }),
  feature(surveyRoutes, { database: true, clock: true, config: true }),
  feature(progressReviewRoutes, { database: true, clock: true }),
  feature(impactRoutes, { database: true, clock: true }),
  feature(collaborativeRoutes, { database: true, clock: true }),
  feature(goodPracticeRoutes, { database: true, clock: true }),
  feature(nationalPictureRoutes, { database: true, clock: true }),
  feature(laPlanRoutes, { database: true, clock: true }),
  feature(partnershipRoutes, { database: true, clock: true }),
  feature(localImprovementRoutes, { database: true }),
  feature(yourSchoolsRoutes, { database: true }),
  feature(concernRoutes, { database: true, clock: true }),
  feature(professionalLearningRoutes, { database: true, clock: true }),
  feature(brokeringRoutes, { database: true, clock: true }),
  feature(laSelfEvaluationRoutes, { database: true, clock: true }),
  feature(laOverviewRoutes, { database: true, clock: true }),
  feature(peerEnquiryRoutes, { database: true, clock: true }),
  feature(calendarRoutes, { database: true, clock: true, config: true }),
  feature(myActionsRoutes, { database: true, clock: true }),
  feature(progressionRoutes, { database: true, config: true }),
  feature(meetingRoutes, { database: true, clock: true, config: true }),
  feature(reciprocityRoutes, { database: true, clock: true }),
  feature(collaborativeSpaceRoutes, { database: true, clock: true, config: true, keys: true }),
  feature(unsubscribeRoutes, { database: true, clock: true, keys: true }),
];
