// Actions led by people, wherever they are (issue 13): a school plan's, a collaborative meeting's, the
// LA plan's, or a concern case's support item. Each kind brings, once, its joins to the place it
// belongs to, its page, and whether its owner may still open it; My actions, the home, the daily
// reminder scan and the message telling a new owner all read actions from here, in one query.
import { and, eq, ne, sql, type SQL } from 'drizzle-orm';
import { unionAll, type AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Db } from '../db/client.ts';
import { reused } from '../db/reused-query.ts';
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
} from '../db/schema/index.ts';
import type { ActionTable } from '../notifications/action-params.ts';
import type { OtherLanguage } from '../lib/paired-text.ts';
import {
  mayOpenConcernItem,
  mayOpenLaAction,
  mayOpenMeetingAction,
  mayOpenPlanAction,
  type Person,
} from './owner-access-repository.ts';

/**
 * One action and where it is. `dueOn` is 'YYYY-MM-DD' (a concern support item's review date);
 * `status` is in its kind's own statuses; `context` is the priority or meeting it serves, as
 * written ('' for a concern item, whose case is restricted); `language` is the action's own, and
 * `otherLanguage` its other-language texts (its `description`), `contextOtherLanguage` its
 * priority's or meeting's (their `title`), '{}' where the table keeps none (a concern item).
 * A meeting action carries its collaborative's members and facilitators, for the policy that
 * decides whether its page opens (collaborativeCan).
 */
export type ActionRow = {
  kind: ActionTable;
  id: string;
  description: string;
  language: string;
  otherLanguage: OtherLanguage;
  dueOn: string | null;
  status: string;
  ownerUserId: string | null;
  context: string;
  contextLanguage: string;
  contextOtherLanguage: OtherLanguage;
  href: string;
  place: { en: string; cy: string };
  schoolNumber: string | null;
  collaborativeId: string | null;
  laCode: string | null;
  governingBodyId: string | null;
  collaborative: { memberSchools: string[]; memberLaCodes: string[]; facilitatorIds: string[] } | null;
};

/** What a caller's condition may name, alike for every kind. */
export type ActionColumns = {
  id: AnyPgColumn;
  owner: AnyPgColumn;
  status: AnyPgColumn;
  dueOn: AnyPgColumn;
  /** Whether `person` (an id, or `owner` itself) may open the action: its record's policy, in SQL. */
  mayOpen: (person: Person) => SQL;
};

// Every branch of the union selects the same types, as text.
const text = (value: AnyPgColumn) => sql<string>`${value}::text`;
const maybe = (value: AnyPgColumn) => sql<string | null>`${value}::text`;
const nothing = sql<string | null>`null::text`;
const noList = sql<string[] | null>`null::text[]`;
const jsonOf = (value: AnyPgColumn | null) => (value ? sql<OtherLanguage>`${value}` : sql<OtherLanguage>`'{}'::jsonb`);

/** Still to do: not done, and (for a concern item) on a case still open. */
const stillToDo = (c: ActionColumns, kind: ActionTable) =>
  and(ne(c.status, 'done'), kind === 'concern' ? ne(concernCases.state, 'exited') : undefined);

export const ACTION_COLUMNS: Record<ActionTable, ActionColumns> = {
  plan: {
    id: planActions.id,
    owner: planActions.ownerUserId,
    status: planActions.status,
    dueOn: planActions.dueOn,
    mayOpen: mayOpenPlanAction,
  },
  meeting: {
    id: meetingActions.id,
    owner: meetingActions.ownerUserId,
    status: meetingActions.status,
    dueOn: meetingActions.dueOn,
    mayOpen: mayOpenMeetingAction,
  },
  la: {
    id: laPriorityActions.id,
    owner: laPriorityActions.ownerUserId,
    status: laPriorityActions.status,
    dueOn: laPriorityActions.dueOn,
    mayOpen: mayOpenLaAction,
  },
  concern: {
    id: concernSupportItems.id,
    owner: concernSupportItems.ownerUserId,
    status: concernSupportItems.status,
    dueOn: concernSupportItems.reviewOn,
    mayOpen: mayOpenConcernItem,
  },
};

/** Where each column of the union comes from, for one kind; what a kind does not have is null. */
type Sources = {
  id: AnyPgColumn;
  description: AnyPgColumn;
  language: AnyPgColumn;
  /** The action's other_language; none for a kind whose table keeps no other-language texts. */
  other: AnyPgColumn | null;
  dueOn: AnyPgColumn;
  status: AnyPgColumn;
  owner: AnyPgColumn;
  context: AnyPgColumn | null;
  contextLanguage: AnyPgColumn | null;
  contextOther: AnyPgColumn | null;
  pageId: AnyPgColumn;
  placeEn: AnyPgColumn;
  placeCy: AnyPgColumn;
  schoolNumber?: AnyPgColumn;
  collaborativeId?: AnyPgColumn;
  laCode?: AnyPgColumn;
  governingBodyId?: AnyPgColumn;
  lists?: { memberSchools: SQL; memberLaCodes: SQL; facilitatorIds: SQL };
};

/** The union's columns, the same types and names for every kind (all text, so the branches agree). */
function selection(kind: ActionTable, s: Sources) {
  const orNull = (column: AnyPgColumn | undefined) => (column ? maybe(column) : nothing);
  const list = (value: SQL | undefined) => (value ? sql<string[] | null>`${value}` : noList);
  return {
    kind: sql<ActionTable>`${sql.raw(`'${kind}'`)}`.as('kind'),
    id: text(s.id).as('id'),
    description: text(s.description).as('description'),
    language: text(s.language).as('language'),
    otherLanguage: jsonOf(s.other).as('other_language'),
    dueOn: maybe(s.dueOn).as('due_on'),
    status: text(s.status).as('status'),
    ownerUserId: maybe(s.owner).as('owner_user_id'),
    context: (s.context ? text(s.context) : sql<string>`''`).as('context'),
    contextLanguage: (s.contextLanguage ? text(s.contextLanguage) : text(s.language)).as('context_language'),
    contextOtherLanguage: jsonOf(s.contextOther).as('context_other_language'),
    pageId: text(s.pageId).as('page_id'),
    placeEn: text(s.placeEn).as('place_en'),
    placeCy: text(s.placeCy).as('place_cy'),
    schoolNumber: orNull(s.schoolNumber).as('school_number'),
    collaborativeId: orNull(s.collaborativeId).as('collaborative_id'),
    laCode: orNull(s.laCode).as('la_code'),
    governingBodyId: orNull(s.governingBodyId).as('governing_body_id'),
    memberSchools: list(s.lists?.memberSchools).as('member_schools'),
    memberLaCodes: list(s.lists?.memberLaCodes).as('member_la_codes'),
    facilitatorIds: list(s.lists?.facilitatorIds).as('facilitator_ids'),
  };
}

function planRows(db: Db, where: SQL | undefined) {
  return db
    .select(
      selection('plan', {
        id: planActions.id,
        description: planActions.description,
        language: planActions.language,
        other: planActions.otherLanguage,
        dueOn: planActions.dueOn,
        status: planActions.status,
        owner: planActions.ownerUserId,
        context: priorities.title,
        contextLanguage: priorities.language,
        contextOther: priorities.otherLanguage,
        pageId: priorities.id,
        placeEn: schools.name,
        placeCy: schools.name,
        schoolNumber: schools.number,
        laCode: schools.laCode,
        governingBodyId: schools.governingBodyId,
      }),
    )
    .from(planActions)
    .innerJoin(priorities, eq(priorities.id, planActions.priorityId))
    .innerJoin(schools, eq(schools.number, priorities.schoolNumber))
    .where(where);
}

function meetingRows(db: Db, where: SQL | undefined) {
  const memberSchools = sql`coalesce((select array_agg(${collaborativeMembers.schoolNumber}::text)
    from ${collaborativeMembers} where ${collaborativeMembers.collaborativeId} = ${collaboratives.id}), '{}')`;
  const memberLaCodes = sql`coalesce((select array_agg(distinct ${schools.laCode}::text)
    from ${collaborativeMembers} join ${schools} on ${schools.number} = ${collaborativeMembers.schoolNumber}
    where ${collaborativeMembers.collaborativeId} = ${collaboratives.id}), '{}')`;
  const facilitatorIds = sql`coalesce((select array_agg(${collaborativeFacilitators.userId}::text)
    from ${collaborativeFacilitators} where ${collaborativeFacilitators.collaborativeId} = ${collaboratives.id}), '{}')`;
  return db
    .select(
      selection('meeting', {
        id: meetingActions.id,
        description: meetingActions.description,
        language: meetingActions.language,
        other: meetingActions.otherLanguage,
        dueOn: meetingActions.dueOn,
        status: meetingActions.status,
        owner: meetingActions.ownerUserId,
        context: meetings.title,
        contextLanguage: meetings.language,
        contextOther: meetings.otherLanguage,
        pageId: meetings.id,
        placeEn: collaboratives.nameEn,
        placeCy: collaboratives.nameCy,
        collaborativeId: collaboratives.id,
        laCode: collaboratives.laCode,
        lists: { memberSchools, memberLaCodes, facilitatorIds },
      }),
    )
    .from(meetingActions)
    .innerJoin(meetings, eq(meetings.id, meetingActions.meetingId))
    .innerJoin(collaboratives, eq(collaboratives.id, meetings.collaborativeId))
    .where(where);
}

function laRows(db: Db, where: SQL | undefined) {
  return db
    .select(
      selection('la', {
        id: laPriorityActions.id,
        description: laPriorityActions.description,
        language: laPriorityActions.language,
        other: laPriorityActions.otherLanguage,
        dueOn: laPriorityActions.dueOn,
        status: laPriorityActions.status,
        owner: laPriorityActions.ownerUserId,
        context: laPriorities.title,
        contextLanguage: laPriorities.language,
        contextOther: laPriorities.otherLanguage,
        pageId: laPriorities.id,
        placeEn: localAuthorities.nameEn,
        placeCy: localAuthorities.nameCy,
        laCode: laCycles.laCode,
      }),
    )
    .from(laPriorityActions)
    .innerJoin(laPriorities, eq(laPriorities.id, laPriorityActions.priorityId))
    .innerJoin(laCycles, eq(laCycles.id, laPriorities.cycleId))
    .innerJoin(localAuthorities, eq(localAuthorities.code, laCycles.laCode))
    .where(where);
}

function concernRows(db: Db, where: SQL | undefined) {
  return db
    .select(
      selection('concern', {
        id: concernSupportItems.id,
        description: concernSupportItems.action,
        language: concernSupportItems.language,
        other: null,
        dueOn: concernSupportItems.reviewOn,
        status: concernSupportItems.status,
        owner: concernSupportItems.ownerUserId,
        // The case is restricted: its item names no context beyond its school.
        context: null,
        contextLanguage: null,
        contextOther: null,
        pageId: concernCases.id,
        placeEn: schools.name,
        placeCy: schools.name,
        schoolNumber: schools.number,
        laCode: concernCases.laCode,
        governingBodyId: schools.governingBodyId,
      }),
    )
    .from(concernSupportItems)
    .innerJoin(concernCases, eq(concernCases.id, concernSupportItems.caseId))
    .innerJoin(schools, eq(schools.number, concernCases.schoolNumber))
    .where(where);
}

const BUILDERS = { plan: planRows, meeting: meetingRows, la: laRows, concern: concernRows } as const;
export const ACTION_KINDS = Object.keys(BUILDERS) as ActionTable[];

type RawRow = Awaited<ReturnType<typeof planRows>>[number];

const PAGES: Record<ActionTable, (r: RawRow) => string> = {
  plan: (r) => `/schools/${r.schoolNumber}/plan#priority-${r.pageId}`,
  meeting: (r) => `/collaboratives/${r.collaborativeId}/meetings/${r.pageId}`,
  la: (r) => `/local-authorities/${r.laCode}/self-evaluation/priorities/${r.pageId}`,
  concern: (r) => `/concern-cases/${r.pageId}`,
};

/** A condition on each kind's columns: every kind of action, asked the same way. */
export function everyKind(condition: (c: ActionColumns) => SQL | undefined): Record<ActionTable, SQL | undefined> {
  return Object.fromEntries(ACTION_KINDS.map((kind) => [kind, condition(ACTION_COLUMNS[kind])])) as Record<
    ActionTable,
    SQL | undefined
  >;
}

/** One query of the actions still to do of each kind named in `conditions`, matching its condition. */
function actionsQuery(db: Db, conditions: Partial<Record<ActionTable, SQL | undefined>>) {
  const kinds = ACTION_KINDS.filter((kind) => kind in conditions);
  // Every kind selects the same columns, all as text; drizzle's types also compare each query's
  // joined tables, which differ by kind, so the queries are typed as one of them.
  const [first, ...rest] = kinds.map((kind) =>
    BUILDERS[kind](db, and(stillToDo(ACTION_COLUMNS[kind], kind), conditions[kind])),
  ) as ReturnType<typeof planRows>[];
  if (!first) return null;
  const [second, ...others] = rest;
  return second ? unionAll(first, second, ...others) : first;
}

/** The actions still to do of each kind named in `conditions`, matching its condition, in one query. */
export async function actionsToDo(
  db: Db,
  conditions: Partial<Record<ActionTable, SQL | undefined>>,
): Promise<ActionRow[]> {
  const query = actionsQuery(db, conditions);
  const rows: RawRow[] = query ? await query : [];
  return rows.map(toActionRow);
}

/**
 * As `actionsToDo` for conditions written with placeholders (every kind named), built once for
 * `db` under `name` and run with `values` (src/db/reused-query.ts): the home and My actions run
 * it for every reader.
 */
export async function reusedActionsToDo(
  db: Db,
  name: string,
  conditions: () => Record<ActionTable, SQL>,
  values: Record<string, unknown>,
): Promise<ActionRow[]> {
  const rows = (await reused(db, name, (db) => actionsQuery(db, conditions())!).execute(values)) as RawRow[];
  return rows.map(toActionRow);
}

/** One action by its kind and id, done or not (the message telling its new owner). */
export async function actionById(db: Db, kind: ActionTable, id: string): Promise<ActionRow | null> {
  const [row] = await BUILDERS[kind](db, eq(ACTION_COLUMNS[kind].id, id));
  return row ? toActionRow(row) : null;
}

function toActionRow(r: RawRow): ActionRow {
  return {
    kind: r.kind,
    id: r.id,
    description: r.description,
    language: r.language,
    otherLanguage: r.otherLanguage ?? {},
    dueOn: r.dueOn,
    status: r.status,
    ownerUserId: r.ownerUserId,
    context: r.context,
    contextLanguage: r.contextLanguage,
    contextOtherLanguage: r.contextOtherLanguage ?? {},
    href: PAGES[r.kind](r),
    place: { en: r.placeEn, cy: r.placeCy },
    schoolNumber: r.schoolNumber,
    collaborativeId: r.collaborativeId,
    laCode: r.laCode,
    governingBodyId: r.governingBodyId,
    collaborative:
      r.memberSchools && r.memberLaCodes && r.facilitatorIds
        ? { memberSchools: r.memberSchools, memberLaCodes: r.memberLaCodes, facilitatorIds: r.facilitatorIds }
        : null,
  };
}

/**
 * Where an event about the action is found (the events' school, collaborative and LA): a meeting
 * action's is its collaborative alone, whatever LA facilitates it.
 */
export function eventPlaceOf(a: ActionRow): {
  schoolNumber: string | null;
  collaborativeId: string | null;
  laCode: string | null;
} {
  return {
    schoolNumber: a.schoolNumber,
    collaborativeId: a.collaborativeId,
    laCode: a.kind === 'meeting' ? null : a.laCode,
  };
}
