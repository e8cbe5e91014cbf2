import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppDeps } from '../app-deps.ts';
import { auditLogRoutes } from './audit-log/routes.ts';
import { authRoutes } from './auth/routes.ts';
import { accountSessionRoutes } from './account-sessions/routes.ts';
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
import { impactRoutes } from './impact/routes.ts';
import { collaborativeRoutes } from './collaboratives/routes.ts';
import { goodPracticeRoutes } from './good-practice/routes.ts';
import { nationalPictureRoutes } from './national-picture/routes.ts';
import { laPlanRoutes } from './la-plans/routes.ts';
import { partnershipRoutes } from './partnerships/routes.ts';
import { localImprovementRoutes } from './local-improvement/routes.ts';
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

/** Every feature, registered in this order by buildApp. */
export const features: FastifyPluginAsyncTypebox<AppDeps>[] = [
  healthRoutes,
  helpPageRoutes,
  homeRoutes,
  authRoutes,
  accountSessionRoutes,
  userRoutes,
  directoryRoutes,
  directoryApiRoutes,
  auditLogRoutes,
  directoryImportRoutes,
  schoolCycleRoutes,
  sharingRoutes,
  evidenceRoutes,
  schoolHomeRoutes,
  outputRoutes,
  findingsRoutes,
  prioritiesRoutes,
  developmentPlanRoutes,
  impactRoutes,
  collaborativeRoutes,
  goodPracticeRoutes,
  nationalPictureRoutes,
  laPlanRoutes,
  partnershipRoutes,
  localImprovementRoutes,
  concernRoutes,
  professionalLearningRoutes,
  brokeringRoutes,
  laSelfEvaluationRoutes,
  laOverviewRoutes,
  peerEnquiryRoutes,
  calendarRoutes,
  progressionRoutes,
  meetingRoutes,
  reciprocityRoutes,
  collaborativeSpaceRoutes,
];
