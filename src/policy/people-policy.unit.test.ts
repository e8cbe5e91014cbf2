// The full table of who may grant what, where: every actor role (held at school A, in LA 681, or
// nationally) against every target role, at school A, at school B of the same LA, at school C of
// another LA, at LA 681, at another LA, and nationally. Each cell is written out: a change to the
// rule changes a cell, and this test names it.
import { describe, expect, it } from 'vitest';
import { person, withId } from '../../test/support/policy-table.ts';
import { ROLE_NAMES, type Role } from './roles.ts';
import { managesPeopleAt, mayGrant, mayRevoke, type PeoplePlace } from './people-policy.ts';

const schoolA: PeoplePlace = { kind: 'school', school: { number: '6812308', laCode: '681', governingBodyId: 'GBA' } };
const schoolB: PeoplePlace = { kind: 'school', school: { number: '6812323', laCode: '681', governingBodyId: 'GBB' } };
const schoolC: PeoplePlace = { kind: 'school', school: { number: '6602001', laCode: '660', governingBodyId: 'GBC' } };
const noBody: PeoplePlace = { kind: 'school', school: { number: '6812999', laCode: '681', governingBodyId: null } };
const la681: PeoplePlace = { kind: 'la', laCode: '681' };
const la660: PeoplePlace = { kind: 'la', laCode: '660' };
const wales: PeoplePlace = { kind: 'national' };
const PLACES = { schoolA, schoolB, schoolC, la681, la660, wales } as const;
type PlaceName = keyof typeof PLACES;

/** Each actor, holding its role at school A (or A's governing body), in LA 681, or nationally. */
const ACTORS: Record<Role, ReturnType<typeof person>> = {
  headteacher: person(['headteacher', '6812308']),
  school_leader: person(['school_leader', '6812308']),
  practitioner: person(['practitioner', '6812308']),
  governor: person(['governor', 'GBA']),
  chair_of_governors: person(['chair_of_governors', 'GBA']),
  clerk: person(['clerk', 'GBA']),
  collaborative_lead: person(['collaborative_lead', 'c1']),
  improvement_partner: person(['improvement_partner', '681']),
  la_officer: person(['la_officer', '681']),
  partnership_coordinator: person(['partnership_coordinator', 'p1']),
  wg_official: person(['wg_official', null]),
  administrator: person(['administrator', null]),
};

const SCHOOL_ROLES = ['headteacher', 'school_leader', 'practitioner', 'governor', 'chair_of_governors', 'clerk'];
const LA_ROLES = ['improvement_partner', 'la_officer'];

/** Every (target role, place) an actor may grant; everything else in the grid is refused. */
const MAY: Record<Role, `${string}@${PlaceName}`[]> = {
  headteacher: ['school_leader@schoolA', 'practitioner@schoolA', 'governor@schoolA'],
  school_leader: [],
  practitioner: [],
  governor: [],
  chair_of_governors: [],
  clerk: [],
  collaborative_lead: [],
  improvement_partner: [],
  la_officer: ['headteacher@schoolA', 'headteacher@schoolB', 'improvement_partner@la681', 'la_officer@la681'],
  partnership_coordinator: [],
  wg_official: ['wg_official@wales'],
  // Every role that is held at a place of that kind, anywhere.
  administrator: [
    ...(['schoolA', 'schoolB', 'schoolC'] as const).flatMap((p) => SCHOOL_ROLES.map((r) => `${r}@${p}` as const)),
    ...(['la681', 'la660'] as const).flatMap((p) => LA_ROLES.map((r) => `${r}@${p}` as const)),
    'wg_official@wales',
  ],
};

const GRID = ROLE_NAMES.flatMap((actor) =>
  ROLE_NAMES.flatMap((target) =>
    (Object.keys(PLACES) as PlaceName[]).map(
      (place) => [actor, target, place, MAY[actor].includes(`${target}@${place}`)] as const,
    ),
  ),
);

describe('who may grant which role where', () => {
  it.each(GRID)('%s grants %s at %s: %s', (actor, target, place, expected) => {
    expect(mayGrant(ACTORS[actor], target, PLACES[place])).toBe(expected);
  });

  it('covers every actor and target role, with both answers', () => {
    expect(GRID).toHaveLength(ROLE_NAMES.length * ROLE_NAMES.length * 6);
    expect(GRID.some((row) => row[3])).toBe(true);
    expect(GRID.some((row) => !row[3])).toBe(true);
  });

  it('refuses nobody signed in, and a governor where no governing body is recorded', () => {
    expect(mayGrant(null, 'practitioner', schoolA)).toBe(false);
    expect(mayGrant(person(['headteacher', '6812999']), 'governor', noBody)).toBe(false);
    expect(mayGrant(person(['headteacher', '6812999']), 'practitioner', noBody)).toBe(true);
  });

  it('takes the role into account, not only the person: a headteacher who is also elsewhere a practitioner', () => {
    const both = person(['headteacher', '6812308'], ['practitioner', '6812323']);
    expect(mayGrant(both, 'practitioner', schoolA)).toBe(true);
    expect(mayGrant(both, 'practitioner', schoolB)).toBe(false);
  });
});

describe('changing or removing a role', () => {
  it('follows granting, but never on one’s own role', () => {
    const officer = withId(ACTORS.la_officer, 'officer-1');
    expect(mayRevoke(officer, 'someone-else', 'la_officer', la681)).toBe(true);
    expect(mayRevoke(officer, 'officer-1', 'la_officer', la681)).toBe(false);
    expect(mayRevoke(officer, 'someone-else', 'la_officer', la660)).toBe(false);
    expect(mayRevoke(null, 'someone-else', 'la_officer', la681)).toBe(false);
  });
});

describe('who opens a place’s people page', () => {
  it.each([
    ['the headteacher, at their school', ACTORS.headteacher, schoolA, true],
    ['the headteacher, at another school', ACTORS.headteacher, schoolB, false],
    ['a school leader', ACTORS.school_leader, schoolA, false],
    ['the chair of governors', ACTORS.chair_of_governors, schoolA, false],
    ['the clerk to the governing body', ACTORS.clerk, schoolA, false],
    ['an LA officer, at a school of the LA (headteachers are on the LA’s page)', ACTORS.la_officer, schoolA, false],
    ['an LA officer, at their LA', ACTORS.la_officer, la681, true],
    ['an LA officer, at another LA', ACTORS.la_officer, la660, false],
    ['an improvement partner, at their LA', ACTORS.improvement_partner, la681, false],
    ['a WG official, for Wales', ACTORS.wg_official, wales, true],
    ['a headteacher, for Wales', ACTORS.headteacher, wales, false],
  ] as const)('%s: %s', (_name, who, place, expected) => {
    expect(managesPeopleAt(who, place)).toBe(expected);
  });
});
