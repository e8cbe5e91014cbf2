// "My actions" (issue 13): everything assigned to one person that they may still open. Each query
// re-checks, in SQL, the same access the action's own page decides by policy, so an action whose
// school, collaborative, LA or case the person has left (or a case they may no longer open) drops out.
import { and, eq, ne, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import {
  collaborativeFacilitators,
  collaborativeMembers,
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
  mayOpenConcernItem,
  mayOpenLaAction,
  mayOpenMeetingAction,
  mayOpenPlanAction,
} from '../../actions/owner-access-repository.ts';

export type AssignedKind = 'plan' | 'meeting' | 'la' | 'concern';
export type Timing = 'overdue' | 'dueSoon' | 'later' | 'undated';

/**
 * One action assigned to the person, still to do (a done action is no longer theirs to do).
 * - `dueOn`: 'YYYY-MM-DD' or null (a concern support item's review date);
 * - `status`: in its kind's own statuses (reference.actionStatus for plan and LA, open for the others);
 * - `timing`: overdue (before today), dueSoon (within DUE_SOON_DAYS), later, or undated;
 * - `place`: the school, collaborative or LA it belongs to, in both languages;
 * - `context`: the priority or meeting it serves, as written; `href`: the page where it is done;
 * - `scope`: what the page needs to decide, by policy, whether that link opens (canOpen).
 */
export type AssignedAction = {
  kind: AssignedKind;
  id: string;
  description: string;
  dueOn: string | null;
  status: string;
  timing: Timing;
  place: { en: string; cy: string };
  context: string;
  href: string;
  scope: AssignedScope;
};

export type AssignedScope =
  | { kind: 'plan'; school: { number: string; name: string; laCode: string; governingBodyId: string | null } }
  | {
      kind: 'meeting';
      collaborative: {
        id: string;
        laCode: string | null;
        memberLaCodes: string[];
        memberSchools: string[];
        facilitatorIds: string[];
      };
    }
  | { kind: 'la'; laCode: string }
  | { kind: 'concern'; laCode: string; schoolNumber: string; governingBodyId: string | null };

/** Actions due within this many days of today are marked as due soon. */
export const DUE_SOON_DAYS = 14;
function timingOf(dueOn: string | null, today: string): Timing {
  if (!dueOn) return 'undated';
  if (dueOn < today) return 'overdue';
  const soon = new Date(`${today}T00:00:00Z`);
  soon.setUTCDate(soon.getUTCDate() + DUE_SOON_DAYS);
  return dueOn <= soon.toISOString().slice(0, 10) ? 'dueSoon' : 'later';
}

/**
 * Everything assigned to `userId` still to do and still theirs to open, soonest due first (undated
 * last). `today` is the date in Wales ('YYYY-MM-DD', todayInWales from the clock).
 */
export async function actionsAssignedTo(db: Db, userId: string, today: string): Promise<AssignedAction[]> {
  const [plan, meeting, la, concern] = await Promise.all([
    planActionsOf(db, userId),
    meetingActionsOf(db, userId),
    laActionsOf(db, userId),
    concernItemsOf(db, userId),
  ]);
  const all = [...plan, ...meeting, ...la, ...concern].map((a) => ({ ...a, timing: timingOf(a.dueOn, today) }));
  return all.sort(
    (a, b) =>
      (a.dueOn ?? '9999-12-31').localeCompare(b.dueOn ?? '9999-12-31') || a.description.localeCompare(b.description),
  );
}

type Untimed = Omit<AssignedAction, 'timing'>;

async function planActionsOf(db: Db, userId: string): Promise<Untimed[]> {
  const rows = await db
    .select({
      id: planActions.id,
      description: planActions.description,
      dueOn: planActions.dueOn,
      status: planActions.status,
      priorityId: priorities.id,
      priorityTitle: priorities.title,
      number: schools.number,
      name: schools.name,
      laCode: schools.laCode,
      governingBodyId: schools.governingBodyId,
    })
    .from(planActions)
    .innerJoin(priorities, eq(priorities.id, planActions.priorityId))
    .innerJoin(schools, eq(schools.number, priorities.schoolNumber))
    .where(and(eq(planActions.ownerUserId, userId), ne(planActions.status, 'done'), mayOpenPlanAction(userId)));
  return rows.map((r) => ({
    kind: 'plan' as const,
    id: r.id,
    description: r.description,
    dueOn: r.dueOn,
    status: r.status,
    place: { en: r.name, cy: r.name },
    context: r.priorityTitle,
    href: `/schools/${r.number}/plan#priority-${r.priorityId}`,
    scope: {
      kind: 'plan' as const,
      school: { number: r.number, name: r.name, laCode: r.laCode, governingBodyId: r.governingBodyId },
    },
  }));
}

async function meetingActionsOf(db: Db, userId: string): Promise<Untimed[]> {
  const memberSchools = sql<string[]>`coalesce((select array_agg(${collaborativeMembers.schoolNumber})
    from ${collaborativeMembers} where ${collaborativeMembers.collaborativeId} = ${collaboratives.id}), '{}')`;
  const memberLaCodes = sql<
    string[]
  >`coalesce((select array_agg(distinct ${schools.laCode}) from ${collaborativeMembers}
    join ${schools} on ${schools.number} = ${collaborativeMembers.schoolNumber}
    where ${collaborativeMembers.collaborativeId} = ${collaboratives.id}), '{}')`;
  const facilitatorIds = sql<string[]>`coalesce((select array_agg(${collaborativeFacilitators.userId}::text)
    from ${collaborativeFacilitators} where ${collaborativeFacilitators.collaborativeId} = ${collaboratives.id}), '{}')`;
  const inSpace = mayOpenMeetingAction(userId);
  const rows = await db
    .select({
      id: meetingActions.id,
      description: meetingActions.description,
      dueOn: meetingActions.dueOn,
      status: meetingActions.status,
      meetingId: meetings.id,
      meetingTitle: meetings.title,
      collaborativeId: collaboratives.id,
      nameEn: collaboratives.nameEn,
      nameCy: collaboratives.nameCy,
      laCode: collaboratives.laCode,
      memberSchools,
      memberLaCodes,
      facilitatorIds,
    })
    .from(meetingActions)
    .innerJoin(meetings, eq(meetings.id, meetingActions.meetingId))
    .innerJoin(collaboratives, eq(collaboratives.id, meetings.collaborativeId))
    .where(and(eq(meetingActions.ownerUserId, userId), ne(meetingActions.status, 'done'), inSpace));
  return rows.map((r) => ({
    kind: 'meeting' as const,
    id: r.id,
    description: r.description,
    dueOn: r.dueOn,
    status: r.status,
    place: { en: r.nameEn, cy: r.nameCy },
    context: r.meetingTitle,
    href: `/collaboratives/${r.collaborativeId}/meetings/${r.meetingId}`,
    scope: {
      kind: 'meeting' as const,
      collaborative: {
        id: r.collaborativeId,
        laCode: r.laCode,
        memberLaCodes: r.memberLaCodes,
        memberSchools: r.memberSchools,
        facilitatorIds: r.facilitatorIds,
      },
    },
  }));
}

async function laActionsOf(db: Db, userId: string): Promise<Untimed[]> {
  const rows = await db
    .select({
      id: laPriorityActions.id,
      description: laPriorityActions.description,
      dueOn: laPriorityActions.dueOn,
      status: laPriorityActions.status,
      priorityId: laPriorities.id,
      priorityTitle: laPriorities.title,
      laCode: laCycles.laCode,
      nameEn: localAuthorities.nameEn,
      nameCy: localAuthorities.nameCy,
    })
    .from(laPriorityActions)
    .innerJoin(laPriorities, eq(laPriorities.id, laPriorityActions.priorityId))
    .innerJoin(laCycles, eq(laCycles.id, laPriorities.cycleId))
    .innerJoin(localAuthorities, eq(localAuthorities.code, laCycles.laCode))
    .where(
      and(eq(laPriorityActions.ownerUserId, userId), ne(laPriorityActions.status, 'done'), mayOpenLaAction(userId)),
    );
  return rows.map((r) => ({
    kind: 'la' as const,
    id: r.id,
    description: r.description,
    dueOn: r.dueOn,
    status: r.status,
    place: { en: r.nameEn, cy: r.nameCy },
    context: r.priorityTitle,
    href: `/local-authorities/${r.laCode}/self-evaluation/priorities/${r.priorityId}`,
    scope: { kind: 'la' as const, laCode: r.laCode },
  }));
}

async function concernItemsOf(db: Db, userId: string): Promise<Untimed[]> {
  const rows = await db
    .select({
      id: concernSupportItems.id,
      description: concernSupportItems.action,
      dueOn: concernSupportItems.reviewOn,
      status: concernSupportItems.status,
      caseId: concernCases.id,
      laCode: concernCases.laCode,
      number: schools.number,
      name: schools.name,
      governingBodyId: schools.governingBodyId,
    })
    .from(concernSupportItems)
    .innerJoin(concernCases, eq(concernCases.id, concernSupportItems.caseId))
    .innerJoin(schools, eq(schools.number, concernCases.schoolNumber))
    .where(
      and(
        eq(concernSupportItems.ownerUserId, userId),
        ne(concernSupportItems.status, 'done'),
        // Who may open the case (concern-case-policy.ts `view`): restricted, re-checked every time.
        mayOpenConcernItem(userId),
      ),
    );
  return rows.map((r) => ({
    kind: 'concern' as const,
    id: r.id,
    description: r.description,
    dueOn: r.dueOn,
    status: r.status,
    place: { en: r.name, cy: r.name },
    context: '',
    href: `/concern-cases/${r.caseId}`,
    scope: { kind: 'concern' as const, laCode: r.laCode, schoolNumber: r.number, governingBodyId: r.governingBodyId },
  }));
}
