import { describe, expect, it } from 'vitest';
import { needsNotTestedBothWays } from '../../test/support/policy-table.ts';
import { collaborativeCan } from './collaborative-policy.ts';
import type { CurrentUser, Role } from './roles.ts';
import { scopeOf } from './roles.ts';
import { enquiryCan, mayEditNote, type EnquiryScope } from './enquiry-policy.ts';
import { ENQUIRY_STATES } from './enquiry-states.ts';

const HOST = '6612001';
const PARTNER = '6612002';
const OTHER_MEMBER = '6612003';
const ELSEWHERE = '6612999';
const collaborative = {
  id: 'c1',
  laCode: '661',
  memberLaCodes: ['661'],
  memberSchools: [HOST, PARTNER, OTHER_MEMBER],
  facilitatorIds: ['ip-facilitator'],
};

const person = (id: string, ...roles: [Role, string | null][]): CurrentUser => ({
  id,
  email: `${id}@example.test`,
  displayName: id,
  assignments: roles.map(([role, scopeId]) => ({ role, scopeType: scopeOf(role), scopeId })),
});

const people = {
  hostHeadteacher: person('host-ht', ['headteacher', HOST]),
  hostLeader: person('host-leader', ['school_leader', HOST]),
  hostPractitioner: person('host-pr', ['practitioner', HOST]),
  reviewer: person('reviewer', ['practitioner', PARTNER]),
  reviewerAfterClose: person('reviewer', ['practitioner', PARTNER]),
  facilitator: person('facilitator', ['school_leader', PARTNER]),
  lead: person('lead', ['collaborative_lead', 'c1']),
  otherMemberStaff: person('other-member', ['headteacher', OTHER_MEMBER]),
  nonMemberHeadteacher: person('stranger', ['headteacher', ELSEWHERE]),
  laOfficer: person('la-officer', ['la_officer', '661']),
  otherLaOfficer: person('other-la', ['la_officer', '672']),
  governor: person('governor', ['governor', `GB${HOST}`]),
  wgOfficial: person('wg', ['wg_official', null]),
  administrator: person('admin', ['administrator', null]),
};
type Who = keyof typeof people;

const CAPABILITIES = [
  'seeHeadline',
  'readPack',
  'addPackItem',
  'writeNote',
  'readAllNotes',
  'addFinding',
  'writeReport',
  'agreeReport',
  'addFollowUp',
  'advanceState',
  'cancel',
] as const;
type Capability = (typeof CAPABILITIES)[number];
/** The state in which each capability is asked about (the reviewer after close: always closed). */
const STATE_FOR: Record<Exclude<Capability, 'advanceState'>, string> = {
  seeHeadline: 'on_site',
  readPack: 'on_site',
  addPackItem: 'preparing',
  writeNote: 'on_site',
  readAllNotes: 'on_site',
  addFinding: 'making_sense',
  writeReport: 'making_sense',
  agreeReport: 'report_drafted',
  addFollowUp: 'follow_up',
  cancel: 'on_site',
};

const enquiry = (state: string): EnquiryScope => ({
  state,
  hostSchoolNumber: HOST,
  facilitatorId: 'facilitator',
  reviewerIds: ['reviewer'],
});

function answer(who: Who, capability: Capability): boolean {
  const user = people[who];
  const facts = collaborativeCan(user, collaborative);
  const at = (state: string) => enquiryCan(user, facts, enquiry(who === 'reviewerAfterClose' ? 'closed' : state));
  if (capability === 'advanceState') {
    return ENQUIRY_STATES.some((state) => {
      const can = at(state);
      return can.advance.length > 0 || can.agree || can.agreeReport || can.sendBack;
    });
  }
  return at(STATE_FOR[capability])[capability];
}

// seeHeadline, readPack, addPackItem, writeNote, readAllNotes, addFinding, writeReport, agreeReport, addFollowUp, advanceState, cancel
const T = true,
  F = false;
const EXPECTED: Record<Who, boolean[]> = {
  hostHeadteacher: [T, T, T, F, T, T, T, T, T, T, T],
  hostLeader: [T, T, F, F, T, T, T, F, T, T, F],
  hostPractitioner: [T, T, F, F, T, F, F, F, F, F, F],
  reviewer: [T, T, F, T, T, T, F, F, F, F, F],
  reviewerAfterClose: [T, F, F, F, F, F, F, F, F, F, F],
  facilitator: [T, T, F, T, T, T, T, F, F, T, F],
  lead: [T, F, F, F, F, F, F, F, F, T, T],
  otherMemberStaff: [T, F, F, F, F, F, F, F, F, F, F],
  nonMemberHeadteacher: [F, F, F, F, F, F, F, F, F, F, F],
  laOfficer: [F, F, F, F, F, F, F, F, F, F, F],
  otherLaOfficer: [F, F, F, F, F, F, F, F, F, F, F],
  governor: [F, F, F, F, F, F, F, F, F, F, F],
  wgOfficial: [F, F, F, F, F, F, F, F, F, F, F],
  administrator: [F, F, F, F, F, F, F, F, F, F, F],
};

/** The rest of the needs: the parts a person plays, and the reading and moves not asked above, each in the state given. */
const MORE = [
  'hostStaff',
  'hostLeader',
  'hostHeadteacher',
  'facilitator',
  'reviewer',
  'team',
  'removePackItem',
  'readOwnNotes',
  'readFindings',
  'readReport',
  'packEnded',
  'sendBack',
  'agree',
] as const;
type More = (typeof MORE)[number];
const MORE_STATE: Record<More, string> = {
  hostStaff: 'on_site',
  hostLeader: 'on_site',
  hostHeadteacher: 'on_site',
  facilitator: 'on_site',
  reviewer: 'on_site',
  team: 'on_site',
  removePackItem: 'preparing',
  readOwnNotes: 'on_site',
  readFindings: 'on_site',
  readReport: 'on_site',
  packEnded: 'closed',
  sendBack: 'report_drafted',
  agree: 'proposed',
};

// hostStaff, hostLeader, hostHeadteacher, facilitator, reviewer, team, removePackItem, readOwnNotes, readFindings, readReport, packEnded, sendBack, agree
const EXPECTED_MORE: Record<Who, boolean[]> = {
  hostHeadteacher: [T, T, T, F, F, F, T, F, T, T, F, T, F],
  hostLeader: [T, T, F, F, F, F, T, F, T, T, F, T, F],
  hostPractitioner: [T, F, F, F, F, F, F, F, T, T, F, F, F],
  reviewer: [F, F, F, F, T, T, F, T, T, T, T, F, F],
  reviewerAfterClose: [F, F, F, F, T, T, F, T, F, F, T, F, F],
  facilitator: [F, F, F, T, F, T, F, T, T, T, T, F, F],
  lead: [F, F, F, F, F, F, F, F, F, F, F, F, T],
  otherMemberStaff: [F, F, F, F, F, F, F, F, F, F, F, F, F],
  nonMemberHeadteacher: [F, F, F, F, F, F, F, F, F, F, F, F, F],
  laOfficer: [F, F, F, F, F, F, F, F, F, F, F, F, F],
  otherLaOfficer: [F, F, F, F, F, F, F, F, F, F, F, F, F],
  governor: [F, F, F, F, F, F, F, F, F, F, F, F, F],
  wgOfficial: [F, F, F, F, F, F, F, F, F, F, F, F, F],
  administrator: [F, F, F, F, F, F, F, F, F, F, F, F, F],
};

function answerMore(who: Who, need: More): boolean {
  const user = people[who];
  return enquiryCan(
    user,
    collaborativeCan(user, collaborative),
    enquiry(who === 'reviewerAfterClose' ? 'closed' : MORE_STATE[need]),
  )[need];
}

/** The table's columns as one expected answer per person, for the both-ways check. */
const byNeed = (names: readonly string[], table: Record<Who, boolean[]>) =>
  Object.values(table).map((row) => Object.fromEntries(names.map((name, i) => [name, row[i]!])));

describe('who may do what in a peer enquiry', () => {
  const cases = (Object.keys(EXPECTED) as Who[]).flatMap((who) =>
    CAPABILITIES.map((capability, i) => ({ who, capability, expected: EXPECTED[who][i]! })),
  );
  it.each(cases)('$who: $capability is $expected', ({ who, capability, expected }) => {
    expect(answer(who, capability)).toBe(expected);
  });

  const more = (Object.keys(EXPECTED_MORE) as Who[]).flatMap((who) =>
    MORE.map((need, i) => ({ who, need, expected: EXPECTED_MORE[who][i]! })),
  );
  it.each(more)('$who: $need is $expected', ({ who, need, expected }) => {
    expect(answerMore(who, need)).toBe(expected);
  });

  it('asks about every need of the enquiry scope, each with someone who may and someone who may not', () => {
    const asked = [...CAPABILITIES.filter((c) => c !== 'advanceState'), 'advance', ...MORE].sort();
    expect(Object.keys(enquiryCan(null, { space: false, convene: false }, enquiry('on_site'))).sort()).toEqual(asked);
    expect(needsNotTestedBothWays([...byNeed(CAPABILITIES, EXPECTED), ...byNeed(MORE, EXPECTED_MORE)])).toEqual([]);
  });

  it('keeps a reviewer their own notes after close, and the host staff all of them', () => {
    const closed = enquiry('closed');
    const reviewer = enquiryCan(people.reviewer, collaborativeCan(people.reviewer, collaborative), closed);
    expect(reviewer.readOwnNotes).toBe(true);
    expect(reviewer.readAllNotes).toBe(false);
    expect(reviewer.packEnded).toBe(true);
    const host = enquiryCan(people.hostPractitioner, collaborativeCan(people.hostPractitioner, collaborative), closed);
    expect(host.readAllNotes).toBe(true);
    expect(host.packEnded).toBe(false);
  });

  it('lets an author change only their own notes, and only while notes are being made', () => {
    const onSite = enquiryCan(people.reviewer, collaborativeCan(people.reviewer, collaborative), enquiry('on_site'));
    expect(mayEditNote('reviewer', onSite, { authorId: 'reviewer' })).toBe(true);
    expect(mayEditNote('reviewer', onSite, { authorId: 'facilitator' })).toBe(false);
    const drafted = enquiryCan(
      people.reviewer,
      collaborativeCan(people.reviewer, collaborative),
      enquiry('report_drafted'),
    );
    expect(mayEditNote('reviewer', drafted, { authorId: 'reviewer' })).toBe(false);
  });

  it('never lets a proposed enquiry show a pack, and lets only the host leaders send a draft back', () => {
    const host = enquiryCan(
      people.hostHeadteacher,
      collaborativeCan(people.hostHeadteacher, collaborative),
      enquiry('proposed'),
    );
    expect(host.readPack).toBe(false);
    const leader = enquiryCan(
      people.hostLeader,
      collaborativeCan(people.hostLeader, collaborative),
      enquiry('report_drafted'),
    );
    expect(leader.sendBack).toBe(true);
    const facilitator = enquiryCan(
      people.facilitator,
      collaborativeCan(people.facilitator, collaborative),
      enquiry('report_drafted'),
    );
    expect(facilitator.sendBack).toBe(false);
  });
});
