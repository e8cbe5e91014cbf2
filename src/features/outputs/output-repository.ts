import { aliasedTable, and, asc, desc, eq, gte, inArray, lte, ne, or } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { costLinesJson } from '../development-plan/cost-repository.ts';
import { currentPlan } from '../development-plan/plan-repository.ts';
import {
  cycles,
  findings,
  impactGroupFigures,
  impactReviews,
  planActions,
  planRevisions,
  priorities,
  schools,
  successCriteria,
  supportAgreements,
  supportRequests,
  users,
} from '../../db/schema/index.ts';

export const PLANNED_STATES = ['agreed', 'in_progress', 'reviewed', 'closed'];

export async function findCycleByYear(db: Db, schoolNumber: string, academicYear: number) {
  const [row] = await db
    .select()
    .from(cycles)
    .where(and(eq(cycles.schoolNumber, schoolNumber), eq(cycles.academicYear, academicYear)));
  return row ?? null;
}

/** The current plan (see the development plan's own rule) with its latest revision: when kept, and its approval and the meeting that resolved it. */
export async function planFor(db: Db, schoolNumber: string, academicYear: number) {
  const plan = await currentPlan(db, schoolNumber, academicYear);
  if (!plan) return null;
  const [revision] = await db
    .select({
      number: planRevisions.number,
      createdAt: planRevisions.createdAt,
      approvedAt: planRevisions.approvedAt,
      approvedByName: users.displayName,
      approvalMeeting: planRevisions.approvalMeeting,
      approvalCommittee: planRevisions.approvalCommittee,
      approvalMeetingOn: planRevisions.approvalMeetingOn,
      approvalMinute: planRevisions.approvalMinute,
      approvalResolution: planRevisions.approvalResolution,
    })
    .from(planRevisions)
    .leftJoin(users, eq(users.id, planRevisions.approvedBy))
    .where(eq(planRevisions.planId, plan.id))
    .orderBy(desc(planRevisions.number))
    .limit(1);
  return { ...plan, latestRevision: revision ?? null };
}

/**
 * A cycle's priorities that made it into the plan, with their criteria, actions (and the name of an
 * action's lead when it is someone with an account, and its cost lines by funding source), impact review and the support asked for through brokering.
 */
export async function plannedPriorities(db: Db, cycleId: string) {
  const rows = await db
    .select()
    .from(priorities)
    .where(and(eq(priorities.cycleId, cycleId), inArray(priorities.state, PLANNED_STATES)))
    .orderBy(asc(priorities.createdAt));
  const ids = rows.map((p) => p.id);
  if (!ids.length) return [];
  const [criteria, actions, reviews] = await Promise.all([
    db
      .select()
      .from(successCriteria)
      .where(inArray(successCriteria.priorityId, ids))
      .orderBy(asc(successCriteria.position)),
    db
      .select({ action: planActions, ownerName: users.displayName, costs: costLinesJson() })
      .from(planActions)
      .leftJoin(users, eq(users.id, planActions.ownerUserId))
      .where(inArray(planActions.priorityId, ids))
      .orderBy(asc(planActions.dueOn), asc(planActions.createdAt)),
    db.select().from(impactReviews).where(inArray(impactReviews.priorityId, ids)),
  ]);
  const support = await supportOfPriorities(db, ids);
  const figures = reviews.length
    ? await db
        .select()
        .from(impactGroupFigures)
        .where(
          inArray(
            impactGroupFigures.reviewId,
            reviews.map((r) => r.id),
          ),
        )
    : [];
  return rows.map((p) => {
    const review = reviews.find((r) => r.priorityId === p.id) ?? null;
    return {
      ...p,
      criteria: criteria.filter((c) => c.priorityId === p.id),
      actions: actions
        .filter((a) => a.action.priorityId === p.id)
        .map((a) => ({ ...a.action, ownerName: a.ownerName, costs: a.costs })),
      requests: support.filter((r) => r.priorityId === p.id),
      review: review ? { ...review, figures: figures.filter((f) => f.reviewId === review.id) } : null,
    };
  });
}

export async function cycleFindings(db: Db, cycleId: string) {
  return db
    .select({
      kind: findings.kind,
      title: findings.title,
      language: findings.language,
      otherLanguage: findings.otherLanguage,
    })
    .from(findings)
    .where(eq(findings.cycleId, cycleId))
    .orderBy(asc(findings.createdAt));
}

/** Support from the collaborative or the LA on actions that ran in the financial year. */
export async function supportInYear(db: Db, schoolNumber: string, from: string, to: string) {
  return db
    .select({
      supportFrom: planActions.supportFrom,
      detail: planActions.supportDetail,
      description: planActions.description,
      startOn: planActions.startOn,
      dueOn: planActions.dueOn,
      costPence: planActions.costPence,
      priorityTitle: priorities.title,
      language: planActions.language,
      otherLanguage: planActions.otherLanguage,
    })
    .from(planActions)
    .innerJoin(priorities, eq(priorities.id, planActions.priorityId))
    .where(
      and(
        eq(priorities.schoolNumber, schoolNumber),
        inArray(planActions.supportFrom, ['collaborative', 'la']),
        or(
          and(gte(planActions.startOn, from), lte(planActions.startOn, to)),
          and(gte(planActions.dueOn, from), lte(planActions.dueOn, to)),
        ),
      ),
    )
    .orderBy(asc(planActions.startOn));
}

const supporter = aliasedTable(schools, 'supporting_school');

/** Requests for support made from these priorities (not withdrawn), each with the support agreed for it. */
async function supportOfPriorities(db: Db, priorityIds: string[]) {
  const requests = await db
    .select({
      id: supportRequests.id,
      priorityId: supportRequests.priorityId,
      need: supportRequests.need,
      status: supportRequests.status,
      language: supportRequests.language,
      otherLanguage: supportRequests.otherLanguage,
      createdAt: supportRequests.createdAt,
    })
    .from(supportRequests)
    .where(and(inArray(supportRequests.priorityId, priorityIds), ne(supportRequests.status, 'withdrawn')))
    .orderBy(asc(supportRequests.createdAt));
  const agreements = requests.length
    ? await db
        .select({
          requestId: supportAgreements.requestId,
          supportingSchoolName: supporter.name,
          what: supportAgreements.what,
          days: supportAgreements.days,
          costPence: supportAgreements.costPence,
          startsOn: supportAgreements.startsOn,
          endsOn: supportAgreements.endsOn,
          status: supportAgreements.status,
          impact: supportAgreements.impact,
          language: supportAgreements.language,
          otherLanguage: supportAgreements.otherLanguage,
        })
        .from(supportAgreements)
        .innerJoin(supporter, eq(supporter.number, supportAgreements.supportingSchoolNumber))
        .where(
          inArray(
            supportAgreements.requestId,
            requests.map((r) => r.id),
          ),
        )
        .orderBy(asc(supportAgreements.createdAt))
    : [];
  return requests.map((r) => ({ ...r, agreements: agreements.filter((a) => a.requestId === r.id) }));
}
