// What the daily scan reminds action owners of (issue 13): every action led by a person, not done,
// due in a window of days, across all owners at once (one query per kind of action). Each query
// re-checks in SQL the access My actions checks (src/actions/owner-access-repository.ts),
// so an owner who has left the school, collaborative or LA, or may no longer open the concern
// case, is not reminded of it; an inactive account is not either.
import { and, eq, gte, isNotNull, lte, ne } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import {
  collaboratives,
  concernCases,
  concernSupportItems,
  laCycles,
  laPriorities,
  laPriorityActions,
  localAuthorities,
  meetingActions,
  meetings,
  planActions,
  priorities,
  schools,
} from '../../db/schema/index.ts';
import {
  isActive,
  mayOpenConcernItem,
  mayOpenLaAction,
  mayOpenMeetingAction,
  mayOpenPlanAction,
} from '../../actions/owner-access-repository.ts';
import type { ActionTable } from '../action-params.ts';

export type OwnedActionDue = {
  table: ActionTable;
  id: string;
  description: string;
  dueOn: string;
  ownerUserId: string;
  href: string;
  place: { en: string; cy: string };
  schoolNumber?: string;
  collaborativeId?: string;
  laCode?: string;
};

/** Actions led by a person, still to do, due (a concern support item: to review) in [from, to]. */
export async function ownedActionsDueBetween(db: Db, from: string, to: string): Promise<OwnedActionDue[]> {
  // One after another: the scan asks inside its transaction, one connection.
  const found: OwnedActionDue[] = [];
  for (const query of [planActionsDue, meetingActionsDue, laActionsDue, concernItemsDue])
    found.push(...(await query(db, from, to)));
  return found;
}

async function planActionsDue(db: Db, from: string, to: string): Promise<OwnedActionDue[]> {
  const owner = planActions.ownerUserId;
  const rows = await db
    .select({
      id: planActions.id,
      description: planActions.description,
      dueOn: planActions.dueOn,
      ownerUserId: owner,
      priorityId: priorities.id,
      number: schools.number,
      name: schools.name,
      laCode: schools.laCode,
    })
    .from(planActions)
    .innerJoin(priorities, eq(priorities.id, planActions.priorityId))
    .innerJoin(schools, eq(schools.number, priorities.schoolNumber))
    .where(
      and(
        isNotNull(owner),
        ne(planActions.status, 'done'),
        gte(planActions.dueOn, from),
        lte(planActions.dueOn, to),
        isActive(owner),
        mayOpenPlanAction(owner),
      ),
    );
  return rows.map((r) => ({
    table: 'plan' as const,
    id: r.id,
    description: r.description,
    dueOn: r.dueOn!,
    ownerUserId: r.ownerUserId!,
    href: `/schools/${r.number}/plan#priority-${r.priorityId}`,
    place: { en: r.name, cy: r.name },
    schoolNumber: r.number,
    laCode: r.laCode,
  }));
}

async function meetingActionsDue(db: Db, from: string, to: string): Promise<OwnedActionDue[]> {
  const owner = meetingActions.ownerUserId;
  const inSpace = mayOpenMeetingAction(owner);
  const rows = await db
    .select({
      id: meetingActions.id,
      description: meetingActions.description,
      dueOn: meetingActions.dueOn,
      ownerUserId: owner,
      meetingId: meetings.id,
      collaborativeId: collaboratives.id,
      nameEn: collaboratives.nameEn,
      nameCy: collaboratives.nameCy,
    })
    .from(meetingActions)
    .innerJoin(meetings, eq(meetings.id, meetingActions.meetingId))
    .innerJoin(collaboratives, eq(collaboratives.id, meetings.collaborativeId))
    .where(
      and(
        isNotNull(owner),
        ne(meetingActions.status, 'done'),
        gte(meetingActions.dueOn, from),
        lte(meetingActions.dueOn, to),
        isActive(owner),
        inSpace,
      ),
    );
  return rows.map((r) => ({
    table: 'meeting' as const,
    id: r.id,
    description: r.description,
    dueOn: r.dueOn!,
    ownerUserId: r.ownerUserId!,
    href: `/collaboratives/${r.collaborativeId}/meetings/${r.meetingId}`,
    place: { en: r.nameEn, cy: r.nameCy },
    collaborativeId: r.collaborativeId,
  }));
}

async function laActionsDue(db: Db, from: string, to: string): Promise<OwnedActionDue[]> {
  const owner = laPriorityActions.ownerUserId;
  const rows = await db
    .select({
      id: laPriorityActions.id,
      description: laPriorityActions.description,
      dueOn: laPriorityActions.dueOn,
      ownerUserId: owner,
      priorityId: laPriorities.id,
      laCode: laCycles.laCode,
      nameEn: localAuthorities.nameEn,
      nameCy: localAuthorities.nameCy,
    })
    .from(laPriorityActions)
    .innerJoin(laPriorities, eq(laPriorities.id, laPriorityActions.priorityId))
    .innerJoin(laCycles, eq(laCycles.id, laPriorities.cycleId))
    .innerJoin(localAuthorities, eq(localAuthorities.code, laCycles.laCode))
    .where(
      and(
        isNotNull(owner),
        ne(laPriorityActions.status, 'done'),
        gte(laPriorityActions.dueOn, from),
        lte(laPriorityActions.dueOn, to),
        isActive(owner),
        mayOpenLaAction(owner),
      ),
    );
  return rows.map((r) => ({
    table: 'la' as const,
    id: r.id,
    description: r.description,
    dueOn: r.dueOn!,
    ownerUserId: r.ownerUserId!,
    href: `/local-authorities/${r.laCode}/self-evaluation/priorities/${r.priorityId}`,
    place: { en: r.nameEn, cy: r.nameCy },
    laCode: r.laCode,
  }));
}

async function concernItemsDue(db: Db, from: string, to: string): Promise<OwnedActionDue[]> {
  const owner = concernSupportItems.ownerUserId;
  const rows = await db
    .select({
      id: concernSupportItems.id,
      description: concernSupportItems.action,
      dueOn: concernSupportItems.reviewOn,
      ownerUserId: owner,
      caseId: concernCases.id,
      laCode: concernCases.laCode,
      number: schools.number,
      name: schools.name,
    })
    .from(concernSupportItems)
    .innerJoin(concernCases, eq(concernCases.id, concernSupportItems.caseId))
    .innerJoin(schools, eq(schools.number, concernCases.schoolNumber))
    .where(
      and(
        isNotNull(owner),
        ne(concernCases.state, 'exited'),
        ne(concernSupportItems.status, 'done'),
        gte(concernSupportItems.reviewOn, from),
        lte(concernSupportItems.reviewOn, to),
        isActive(owner),
        // Who may open the case (concern-case-policy.ts `view`): restricted, re-checked every time.
        mayOpenConcernItem(owner),
      ),
    );
  return rows.map((r) => ({
    table: 'concern' as const,
    id: r.id,
    description: r.description,
    dueOn: r.dueOn!,
    ownerUserId: r.ownerUserId!,
    href: `/concern-cases/${r.caseId}`,
    place: { en: r.name, cy: r.name },
    schoolNumber: r.number,
    laCode: r.laCode,
  }));
}
