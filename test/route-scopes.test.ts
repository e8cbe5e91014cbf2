// The scope walker (docs/ARCHITECTURE.md section 4): every route that declares a record scope, sent by
// every persona against a real record of that scope, compared with a table of who meets which need
// written here from DOMAIN.md (sections 2, 5, 6 and 7), independently of src/policy and the loaders.
// A policy or a loader that drifts from the table fails it, naming route, record, persona and need.
//
// How a request is judged: the app carries a probe (test/support/walker-probe.ts) that answers every
// walker request right after the scope decision, so "allowed" means the probe answered (no handler runs,
// the world never changes) and "refused" means the coarse sign-in or 403, or the scope's 403 or 404.
// Bodies and path parameters are made to pass each route's schema (validation runs first), and every
// POST carries the CSRF token, so nothing but access can stop a request before the probe.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RegisteredRoute } from '../src/plugins/policy.ts';
import { sessionCookie } from './support/factories.ts';
import { Visitor } from './support/http.ts';
import { PERMISSION_HOLDERS } from './support/permission-holders.ts';
import { fillFromSchema, sampleObject, type FormValue } from './support/schema-sample.ts';
import {
  buildScopeWorld,
  LA,
  PERSONA_NAMES,
  PERSONA_ROLES,
  type PersonaName,
  type ScopeWorld,
  type WorldEnquiryState,
} from './support/scope-world.ts';
import type { TestApp } from './support/test-app.ts';
import { createProbedTestApp, reachedProbe, WALKER_HEADER } from './support/walker-probe.ts';

// ---------------------------------------------------------------------------------------------
// The table: for each scope, its records in the world and, for each need, who meets it there.
// Anyone not listed for a need does not meet it. A new scope fails the walk until it is added here
// (its needs, its records, its people); so does a need a route declares that its scope does not list.
// ---------------------------------------------------------------------------------------------

type Who = readonly PersonaName[];
/**
 * A record of the world, and who meets each need on it. `knownTo`: who may know it exists, so is told
 * 403 rather than 404 for a need they lack; by default those who meet the scope's sight need.
 */
type TableRecord = {
  label: string;
  params: (w: ScopeWorld) => Record<string, string>;
  meets: Record<string, Who>;
  knownTo?: Who;
};
/** A scope: every need it answers, the one that means only "may see the record", and its records. */
type ScopeTable = { needs: readonly string[]; sight: string; records: TableRecord[] };

/** The need of a scope whose loader takes none (a round): seeing the record at all. */
const ANY = '(the record)';

const SCHOOL_STAFF: Who = ['headteacher', 'schoolLeader', 'practitioner'];
const SCHOOL_LEADERS: Who = ['headteacher', 'schoolLeader'];
const GOVERNORS: Who = ['governor', 'chairOfGovernors', 'clerk'];
/** A's LA's officers and improvement partners (one of whom facilitates the collaborative). */
const LA_STAFF: Who = ['laOfficer', 'improvementPartner', 'laFacilitator'];
const SIGNED_IN: Who = PERSONA_NAMES.filter((name) => name !== 'anonymous');
/** Who convenes the collaborative: its lead and the LA's facilitator of it. */
const CONVENORS: Who = ['collaborativeLead', 'laFacilitator'];
/** The collaborative's working space: staff of member schools (A and P), its lead, its LA facilitator. */
const SPACE: Who = [...SCHOOL_STAFF, 'enquiryFacilitator', 'reviewer', ...CONVENORS];
/** The collaborative's page: its space, the owning LA's staff, coordinators of a partnership with that LA. */
const COLLABORATIVE_VIEW: Who = [...SPACE, 'laOfficer', 'improvementPartner', 'partnershipCoordinator'];
/** Leaders of member schools: they record meetings and propose enquiries for their school. */
const MEMBER_LEADERS: Who = [...SCHOOL_LEADERS, 'enquiryFacilitator'];
/** An enquiry's team: its facilitator and reviewer, from partner school P. */
const TEAM: Who = ['enquiryFacilitator', 'reviewer'];

const ENQUIRY_NEEDS = [
  'seeHeadline',
  'readPack',
  'addPackItem',
  'removePackItem',
  'writeNote',
  'addFinding',
  'writeReport',
  'sendBack',
  'addFollowUp',
  'agree',
  'cancel',
  'hostLeader',
] as const;

/**
 * One enquiry hosted by A, in `state`. The headline is the space's (the team and the host's staff are
 * all in it here); the host's material is its staff's always and the team's while the enquiry is open
 * (DOMAIN.md section 2: a reviewer's access ends when the enquiry closes); the host headteacher and the
 * convenors may cancel an open enquiry.
 */
function enquiry(state: WorldEnquiryState, meets: Partial<Record<(typeof ENQUIRY_NEEDS)[number], Who>>): TableRecord {
  const open = state !== 'closed';
  const cancel: Who = open ? ['headteacher', ...CONVENORS] : [];
  return {
    label: `enquiry hosted by A (${state})`,
    params: (w) => ({ id: w.collaborative.id, enquiryId: w.enquiries[state] }),
    // The host school's leaders own the enquiry in every state (its other-language version is theirs).
    meets: { seeHeadline: SPACE, cancel, hostLeader: SCHOOL_LEADERS, ...meets },
    // Those who see the collaborative's page but not its space are refused the space, not told it is absent.
    knownTo: COLLABORATIVE_VIEW,
  };
}

const TABLE: Record<string, ScopeTable> = {
  // DOMAIN.md rule 1: a school's area is its own; governors and its LA's staff see what is shared with them.
  school: {
    needs: [
      'viewArea',
      'staff',
      'readPrivate',
      'addEvidence',
      'edit',
      'curate',
      'widenSharing',
      'narrowSharing',
      'localAuthority',
      'managePeople',
    ],
    sight: 'viewArea',
    records: [
      {
        label: 'school A',
        params: (w) => ({ number: w.schoolA.number }),
        meets: {
          viewArea: [...SCHOOL_STAFF, ...GOVERNORS, ...LA_STAFF],
          staff: SCHOOL_STAFF,
          readPrivate: SCHOOL_STAFF,
          addEvidence: SCHOOL_STAFF, // practitioners add evidence
          edit: SCHOOL_LEADERS,
          curate: SCHOOL_LEADERS,
          widenSharing: ['headteacher'], // rule 2: the headteacher widens sharing
          narrowSharing: SCHOOL_LEADERS,
          localAuthority: LA_STAFF,
          managePeople: ['headteacher'],
        },
      },
    ],
  },
  // Section 2: governors (and the clerk) hold their role in the governing body. It approves the
  // development plan, recorded by its chair, its clerk or a governor it delegated (no delegation in
  // this world), and reads what is shared with governors; the school's staff who prepare the plan read its revisions.
  // Whoever may not know of the school is told it does not exist, as on the school's own pages.
  governingBody: {
    needs: ['member', 'readShared', 'readRevisions', 'approvePlan', 'delegateApproval', 'questions'],
    sight: 'member',
    records: [
      {
        label: "school A's governing body",
        params: (w) => ({ number: w.schoolA.number }),
        meets: {
          member: GOVERNORS,
          readShared: GOVERNORS,
          readRevisions: [...GOVERNORS, ...SCHOOL_STAFF],
          approvePlan: ['chairOfGovernors', 'clerk'],
          delegateApproval: ['chairOfGovernors', 'clerk'],
          // Governors' questions: the body asks, the school's staff read and its leaders answer.
          questions: [...GOVERNORS, ...SCHOOL_STAFF],
        },
        knownTo: [...SCHOOL_STAFF, ...GOVERNORS, ...LA_STAFF],
      },
    ],
  },
  // Rule 3: Welsh Government reads the national picture, opens planning rounds and publishes national
  // priorities and support. No record: everyone else is refused (403), never told of an absence.
  national: {
    needs: ['read', 'openRounds', 'publish', 'comment', 'markFinal', 'managePeople'],
    sight: 'read',
    records: [
      {
        label: 'Wales',
        params: () => ({}),
        meets: {
          read: ['wgOfficial'],
          openRounds: ['wgOfficial'],
          publish: ['wgOfficial'],
          comment: ['wgOfficial'],
          markFinal: ['wgOfficial'],
          managePeople: ['wgOfficial'],
        },
        knownTo: SIGNED_IN,
      },
    ],
  },
  // Section 5 and rule 3: members' staff, leads and facilitators work in it; the owning LA's staff
  // (and coordinators of a partnership with it) see its page; strangers are told it does not exist.
  collaborative: {
    needs: ['view', 'manage', 'space', 'lead', 'facilitator', 'record', 'convene', 'reciprocity'],
    sight: 'view',
    records: [
      {
        label: 'the collaborative (A and P members, B not)',
        params: (w) => ({ id: w.collaborative.id }),
        meets: {
          view: COLLABORATIVE_VIEW,
          manage: ['laOfficer', 'partnershipCoordinator'],
          space: SPACE,
          lead: ['collaborativeLead'],
          facilitator: ['laFacilitator'],
          record: [...CONVENORS, ...MEMBER_LEADERS],
          convene: CONVENORS,
          reciprocity: COLLABORATIVE_VIEW,
        },
      },
    ],
  },
  // Section 5 and rule 4: the enquiry cycle, each step by the right person; the report is the host's.
  enquiry: {
    needs: ENQUIRY_NEEDS,
    sight: 'seeHeadline',
    records: [
      enquiry('proposed', { agree: CONVENORS }),
      enquiry('making_sense', {
        readPack: [...SCHOOL_STAFF, ...TEAM],
        addPackItem: ['headteacher'],
        removePackItem: SCHOOL_LEADERS,
        writeNote: TEAM,
        addFinding: [...TEAM, ...SCHOOL_LEADERS],
        writeReport: [...SCHOOL_LEADERS, 'enquiryFacilitator'],
      }),
      enquiry('report_drafted', {
        readPack: [...SCHOOL_STAFF, ...TEAM],
        addPackItem: ['headteacher'],
        removePackItem: SCHOOL_LEADERS,
        writeReport: [...SCHOOL_LEADERS, 'enquiryFacilitator'],
        sendBack: SCHOOL_LEADERS, // the host sends a drafted report back
      }),
      enquiry('follow_up', { readPack: [...SCHOOL_STAFF, ...TEAM], addFollowUp: SCHOOL_LEADERS }),
      // After close the reviewer and facilitator keep the headline (they are members) but not the material.
      enquiry('closed', { readPack: SCHOOL_STAFF }),
    ],
  },
  // Section 6: the LA's own area is its staff's; officers alone write, record learning and see concern.
  la: {
    needs: ['staff', 'officer', 'editSelfEvaluation', 'broker', 'recordLearning', 'concern', 'managePeople'],
    sight: 'staff',
    records: [
      {
        label: "A's LA",
        params: () => ({ code: LA.own }),
        meets: {
          staff: LA_STAFF,
          officer: ['laOfficer'],
          editSelfEvaluation: ['laOfficer'],
          broker: LA_STAFF,
          recordLearning: ['laOfficer'],
          concern: ['laOfficer'],
          managePeople: ['laOfficer'],
        },
      },
    ],
  },
  // Section 3: a partnership's member LAs' staff and its coordinators; WG reads partnerships.
  partnership: {
    needs: ['view', 'manage', 'coordinator'],
    sight: 'view',
    records: [
      {
        label: "partnership of A's LA and a third",
        params: (w) => ({ id: w.partnership.id }),
        meets: {
          view: [...LA_STAFF, 'partnershipCoordinator', 'wgOfficial'],
          manage: ['laOfficer'],
          coordinator: ['partnershipCoordinator'],
        },
      },
    ],
  },
  // Section 6: the LA drafts and submits; WG reads it once submitted, comments, marks it final; a final
  // plan the LA shared is read by every LA's officers.
  plan: {
    needs: ['view', 'edit', 'submit', 'share', 'comment', 'markFinal'],
    sight: 'view',
    records: [
      {
        label: "A's LA's draft plan",
        params: (w) => ({ planId: w.plans.draft }),
        meets: { view: LA_STAFF, edit: ['laOfficer'], submit: ['laOfficer'] },
      },
      {
        label: "A's LA's submitted plan",
        params: (w) => ({ planId: w.plans.submitted }),
        meets: { view: [...LA_STAFF, 'wgOfficial'], comment: ['wgOfficial'], markFinal: ['wgOfficial'] },
      },
      {
        label: "A's LA's final plan, shared",
        params: (w) => ({ planId: w.plans.final }),
        meets: { view: [...LA_STAFF, 'wgOfficial', 'otherLaOfficer'], share: ['laOfficer'] },
      },
    ],
  },
  // Planning rounds and their template are Welsh Government's alone.
  round: {
    needs: [ANY],
    sight: ANY,
    records: [{ label: 'an open round', params: (w) => ({ roundId: w.round.id }), meets: { [ANY]: ['wgOfficial'] } }],
  },
  // Section 6 and rule 6: seen by the LA and the school's headteacher and chair of governors only.
  concernCase: {
    needs: ['view', 'manage', 'school'],
    sight: 'view',
    records: [
      {
        label: 'a concern case on A',
        params: (w) => ({ id: w.concernCase.id }),
        meets: {
          view: ['laOfficer', 'headteacher', 'chairOfGovernors'],
          manage: ['laOfficer'],
          school: ['headteacher', 'chairOfGovernors'],
        },
      },
    ],
  },
  // Section 6, good practice: leaders write their school's, officers their LA's; the headteacher (an
  // officer) publishes; published ones are for everyone signed in.
  caseStudy: {
    needs: ['view', 'edit', 'publish', 'unpublish'],
    sight: 'view',
    records: [
      {
        label: "A's draft case study",
        params: (w) => ({ id: w.caseStudies.schoolDraft }),
        meets: { view: SCHOOL_LEADERS, edit: SCHOOL_LEADERS, publish: ['headteacher'] },
      },
      {
        label: "A's published case study",
        params: (w) => ({ id: w.caseStudies.schoolPublished }),
        meets: { view: SIGNED_IN, edit: SCHOOL_LEADERS, unpublish: ['headteacher'] },
      },
      {
        label: "A's LA's draft case study",
        params: (w) => ({ id: w.caseStudies.laDraft }),
        meets: { view: ['laOfficer'], edit: ['laOfficer'], publish: ['laOfficer'] },
      },
    ],
  },
};

/**
 * Path parameters a route names besides its scope's own: real ones where the world has them. Any
 * other item id (an evidence item, a meeting, a section) is made to fit its schema and names nothing:
 * scope loaders read only their scope's parameters, and the handler that would look the item up is
 * never reached (the probe answers first), so the item cannot change the decision being tested.
 */
const ITEMS = (w: ScopeWorld): Record<string, Record<string, string>> => ({
  collaborative: { enquiryId: w.enquiries.making_sense, number: w.schoolA.number },
});

/**
 * State-changing routes that declare only the sight of their record, each because the rest of the
 * decision depends on the item or the body and is made in the handler (section 3, step 6).
 */
const DECIDED_IN_HANDLER: Record<string, string> = {
  'POST /collaboratives/:id/enquiries/:enquiryId/state':
    'the move asked for is in the body; the handler asks mayMove for it',
  'POST /collaboratives/:id/enquiries/:enquiryId/notes/:noteId/edit':
    "only the note's author, while notes may be written (mayEditNote)",
  'POST /local-authorities/:code/professional-learning/:id/remove':
    "404 for a record not of the LA's people first, then 403 unless recordLearning",
};

/** Which scope a URL names its record in; a route under one of these must declare it. */
const URL_SCOPES: [RegExp, readonly string[]][] = [
  [/^\/schools\/:number\//, ['school', 'governingBody']],
  [/^\/national(\/|$)/, ['national']],
  [/^\/collaboratives\/:id\/enquiries\/:enquiryId(\/|$)/, ['enquiry', 'collaborative']],
  [/^\/collaboratives\/:id(\/|$)/, ['collaborative']],
  [/^\/local-authorities\/:code\//, ['la']],
  [/^\/partnerships\/:id(\/|$)/, ['partnership']],
  [/^\/plans\/rounds\/:roundId(\/|$)/, ['round']],
  [/^\/plans\/:planId(\/|$)/, ['plan']],
  [/^\/concern-cases\/:id(\/|$)/, ['concernCase']],
  [/^\/good-practice\/:id(\/|$)/, ['caseStudy']],
];

// ---------------------------------------------------------------------------------------------
// The walk
// ---------------------------------------------------------------------------------------------

/** One route on one record; `first` marks the route's first record. */
type Check = {
  route: RegisteredRoute;
  name: string;
  need: string;
  record: TableRecord;
  first: boolean;
  url: string;
  form: Record<string, FormValue> | null;
};

const routeName = (route: { method: string; url: string }) => `${route.method} ${route.url}`;
const scopedRoutes = () => t.app.routeRegistry.filter((route) => route.scope);

/** May this persona get past the route's coarse access (section 3, step 3)? */
function coarseAllows(route: RegisteredRoute, persona: PersonaName): boolean {
  const access = route.access as Record<string, unknown>;
  if (access.public === true) return true;
  if (persona === 'anonymous') return false;
  if (access.signedIn === true) return true;
  const holders = PERMISSION_HOLDERS[access.permission as string];
  if (!holders)
    throw new Error(
      `${routeName(route)}: access ${JSON.stringify(access)} is not in test/support/permission-holders.ts`,
    );
  const role = PERSONA_ROLES[persona];
  return role !== null && holders.includes(role);
}

const meets = (check: Check, persona: PersonaName) => (check.record.meets[check.need] ?? []).includes(persona);

function buildChecks(world: ScopeWorld): Check[] {
  const checks: Check[] = [];
  for (const route of scopedRoutes()) {
    const table = TABLE[route.scope!.scope];
    if (!table) continue; // failed by 'knows every scope in the registry'
    const need = route.scope!.need ?? ANY;
    const schema = (route.schema ?? {}) as Record<string, unknown>;
    for (const record of table.records) {
      const path = fillFromSchema(route.url, schema.params, {
        ...ITEMS(world)[route.scope!.scope],
        ...record.params(world),
      });
      const query = new URLSearchParams(sampleObject(schema.querystring) as Record<string, string>).toString();
      const form = route.method === 'GET' ? null : sampleObject(schema.body);
      checks.push({
        route,
        name: routeName(route),
        need,
        record,
        first: record === table.records[0],
        url: query ? `${path}?${query}` : path,
        form,
      });
    }
  }
  return checks;
}

type Outcome = 'reached' | 'sign-in' | 403 | 404 | { unexpected: string };

function judge(response: { statusCode: number; headers: Record<string, unknown>; body: string }): Outcome {
  if (reachedProbe(response)) return 'reached';
  const { statusCode: status } = response;
  const location = String(response.headers.location ?? '');
  if (status === 403 || status === 404) return status;
  if (status === 401 || (status === 303 && location.startsWith('/sign-in'))) return 'sign-in';
  return { unexpected: `${status} ${location} ${response.body.replace(/\s+/g, ' ').slice(0, 160)}` };
}

/** The refusal due to someone the route's coarse access lets in: 404 unless they may know the record exists. */
function dueRefusal(check: Check, persona: PersonaName): 403 | 404 {
  const knownTo = check.record.knownTo ?? check.record.meets[TABLE[check.route.scope!.scope]!.sight] ?? [];
  return knownTo.includes(persona) ? 403 : 404;
}

async function visitorFor(persona: PersonaName): Promise<{ visitor: Visitor; csrf: string }> {
  const visitor = new Visitor(t.app);
  const userId = world.people[persona];
  if (userId) visitor.withCookie(await sessionCookie(t.database.db, userId));
  return { visitor, csrf: await visitor.csrfToken() };
}

async function send(visitor: Visitor, csrf: string, check: Check) {
  const cookie = Object.entries(visitor.cookies)
    .map(([k, v]) => `${k}=${v}`)
    .join('; ');
  const headers: Record<string, string> = { cookie, [WALKER_HEADER]: 'probe' };
  if (!check.form) return t.app.inject({ method: 'GET', url: check.url, headers });
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(check.form)) for (const item of [v].flat()) body.append(k, item);
  body.append('_csrf', csrf);
  return t.app.inject({
    method: check.route.method as 'POST',
    url: check.url,
    headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' },
    payload: body.toString(),
  });
}

let t: TestApp;
let world: ScopeWorld;
let checks: Check[];
const reachedBy = new Map<string, Set<PersonaName>>();

beforeAll(async () => {
  t = await createProbedTestApp();
  world = await buildScopeWorld(t.database.db);
  checks = buildChecks(world);
});
afterAll(() => t.close());

describe('the probe', () => {
  it('answers only after the scope is decided: a stranger is told the school does not exist, a member reaches it', async () => {
    const home = `/schools/${world.schoolA.number}/home`;
    const stranger = await visitorFor('strangerHeadteacher');
    const member = await visitorFor('practitioner');
    const asStranger = await t.app.inject({
      url: home,
      headers: { cookie: `cyd_session=${stranger.visitor.cookies.cyd_session}`, [WALKER_HEADER]: 'probe' },
    });
    const asMember = await t.app.inject({
      url: home,
      headers: { cookie: `cyd_session=${member.visitor.cookies.cyd_session}`, [WALKER_HEADER]: 'probe' },
    });
    expect(asStranger.statusCode).toBe(404);
    expect(reachedProbe(asMember)).toBe(true);
    // Without the header the member's request goes on to the handler, as any other request does.
    expect((await member.visitor.get(home)).statusCode).toBe(200);
  });

  it('answers only after validation and the CSRF check', async () => {
    const { visitor, csrf } = await visitorFor('headteacher');
    const url = `/schools/${world.schoolA.number}/evidence/${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}/review`;
    const cookie = Object.entries(visitor.cookies)
      .map(([k, v]) => `${k}=${v}`)
      .join('; ');
    const post = (payload: string) =>
      t.app.inject({
        method: 'POST',
        url,
        headers: { cookie, [WALKER_HEADER]: 'probe', 'content-type': 'application/x-www-form-urlencoded' },
        payload,
      });
    expect((await post('version=1')).statusCode).toBe(403); // no token
    expect((await post(`_csrf=${encodeURIComponent(csrf)}`)).statusCode).toBe(400); // no version
    expect(reachedProbe(await post(`version=1&_csrf=${encodeURIComponent(csrf)}`))).toBe(true);
  });
});

describe('the table', () => {
  it('knows every scope in the registry', () => {
    const unknown = [...new Set(scopedRoutes().map((r) => r.scope!.scope))].filter((scope) => !(scope in TABLE));
    expect(unknown.map((scope) => `add ${scope}'s people to the table (test/route-scopes.test.ts)`)).toEqual([]);
  });

  it('lists every need a route declares, and names only needs its scope has', () => {
    const problems: string[] = [];
    for (const route of scopedRoutes()) {
      const table = TABLE[route.scope!.scope];
      const need = route.scope!.need ?? ANY;
      if (table && !table.needs.includes(need))
        problems.push(`${routeName(route)}: add the ${route.scope!.scope} need '${need}' to the table`);
    }
    for (const [scope, table] of Object.entries(TABLE)) {
      for (const record of table.records)
        for (const need of Object.keys(record.meets))
          if (!table.needs.includes(need))
            problems.push(`${scope} / ${record.label}: '${need}' is not one of its needs`);
    }
    expect(problems).toEqual([]);
  });

  it('shuts no one out by permission whom the record admits', () => {
    // Someone the record rules admit but the route's permission refuses has a right they cannot use.
    const shutOut = checks.flatMap((check) =>
      SIGNED_IN.filter((p) => meets(check, p) && !coarseAllows(check.route, p)).map(
        (p) => `${check.name} on ${check.record.label}: ${p} meets ${check.need}`,
      ),
    );
    expect([...new Set(shutOut)]).toEqual([]);
  });
});

describe('every scoped route declares its record', () => {
  it('a route whose URL names a record declares that scope', () => {
    const undeclared = t.app.routeRegistry.flatMap((route) => {
      const named = URL_SCOPES.find(([pattern]) => pattern.test(route.url));
      // Open data (the national picture's CSV and JSON) is public: there is no one to refuse.
      if (!named || (route.access as { public?: boolean }).public === true) return [];
      return named[1].includes(route.scope?.scope ?? '')
        ? []
        : [`${routeName(route)}: declares ${route.scope?.scope ?? 'no scope'}, its URL names ${named[1].join(' or ')}`];
    });
    expect(undeclared).toEqual([]);
  });

  it('a state-changing route needs more than seeing its record, or says why not', () => {
    const bare = scopedRoutes()
      .filter(
        (route) =>
          route.method !== 'GET' &&
          TABLE[route.scope!.scope]?.sight === (route.scope!.need ?? ANY) &&
          route.scope!.need !== null,
      )
      .map(routeName)
      .filter((name) => !(name in DECIDED_IN_HANDLER));
    expect(bare).toEqual([]);
  });
});

describe('every scoped route, for every persona, on real records', () => {
  it.each(PERSONA_NAMES)('%s is let through exactly where the table says', async (persona) => {
    const { visitor, csrf } = await visitorFor(persona);
    const mismatches: string[] = [];
    for (const check of checks) {
      const coarse = coarseAllows(check.route, persona);
      // The coarse refusal comes before any record is loaded: one record of the route shows it.
      if (!coarse && !check.first) continue;
      const expected = coarse && meets(check, persona);
      const outcome = judge(await send(visitor, csrf, check));
      const where = `${check.name} on ${check.record.label} (${check.url}), need ${check.route.scope!.scope}.${check.need}`;
      if (typeof outcome === 'object') mismatches.push(`${where}: unexpected ${outcome.unexpected}`);
      else if (outcome === 'reached' && !expected)
        mismatches.push(`${where}: ${persona} got through without meeting it`);
      else if (outcome !== 'reached' && expected)
        mismatches.push(`${where}: ${persona} meets it but was refused (${outcome})`);
      else if (outcome !== 'reached' && !coarse && outcome === 404)
        mismatches.push(`${where}: ${persona} lacks the route's permission but got 404, not the coarse refusal`);
      else if (outcome !== 'reached' && coarse && outcome !== dueRefusal(check, persona)) {
        const due = dueRefusal(check, persona);
        mismatches.push(
          `${where}: ${persona} was refused with ${outcome}, due ${due} (${due === 404 ? 'may not know of it' : 'may see it, not do this'})`,
        );
      }
      if (outcome === 'reached') reachedBy.set(check.name, (reachedBy.get(check.name) ?? new Set()).add(persona));
    }
    expect(mismatches).toEqual([]);
  });

  it('got every scoped route through for someone (so no refusal above came from a broken request)', () => {
    const known = scopedRoutes().filter((route) => route.scope!.scope in TABLE);
    expect(known.length).toBeGreaterThan(200);
    expect(known.map(routeName).filter((name) => !reachedBy.has(name))).toEqual([]);
  });
});
