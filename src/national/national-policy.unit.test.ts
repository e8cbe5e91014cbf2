import { describe, expect, it } from 'vitest';
import { scopeOf, type CurrentUser, type Role } from '../policy/roles.ts';
import { partnershipCan, planCan, wgCan } from './national-policy.ts';

function user(...assignments: [Role, string | null][]): CurrentUser {
  return { id: 'u', email: 'u@example.test', displayName: 'U', assignments: assignments.map(([role, scopeId]) => ({ role, scopeType: scopeOf(role), scopeId })) };
}
const officer = user(['la_officer', '681']);
const partner = user(['improvement_partner', '681']);
const otherOfficer = user(['la_officer', '670']);
const wg = user(['wg_official', null]);
const head = user(['headteacher', '6812308']);
const plan = (state: string, sharedWithLas = false) => ({ laCode: '681', state, sharedWithLas });
const none = { view: false, edit: false, submit: false, share: false, comment: false, markFinal: false };

describe('who may do what with an LA’s plan', () => {
  it.each([
    ['its officer, draft', officer, plan('draft'), { ...none, view: true, edit: true, submit: true }],
    ['its officer, submitted', officer, plan('submitted'), { ...none, view: true }],
    ['its officer, in discussion', officer, plan('in_discussion'), { ...none, view: true, edit: true, submit: true }],
    ['its officer, final', officer, plan('final'), { ...none, view: true, share: true }],
    ['its improvement partner', partner, plan('draft'), { ...none, view: true }],
    ['WG, draft (not yet theirs to read)', wg, plan('draft'), none],
    ['WG, submitted', wg, plan('submitted'), { ...none, view: true, comment: true, markFinal: true }],
    ['WG, in discussion', wg, plan('in_discussion'), { ...none, view: true, comment: true }],
    ['WG, final', wg, plan('final'), { ...none, view: true }],
    ['another LA’s officer, final not shared', otherOfficer, plan('final'), none],
    ['another LA’s officer, final and shared', otherOfficer, plan('final', true), { ...none, view: true }],
    ['another LA’s officer, shared but not final', otherOfficer, plan('submitted', true), none],
    ['a headteacher', head, plan('final', true), none],
    ['nobody', null, plan('final', true), none],
  ] as const)('%s', (_name, who, p, expected) => {
    expect(planCan(who, p)).toEqual(expected);
  });
});

describe('who may see and manage a partnership', () => {
  const p = { id: 'p1', laCodes: ['681', '673'] };
  it.each([
    ['an officer of a member LA', officer, { view: true, manage: true, coordinator: false }],
    ['an improvement partner of a member LA', partner, { view: true, manage: false, coordinator: false }],
    ['its coordinator', user(['partnership_coordinator', 'p1']), { view: true, manage: false, coordinator: true }],
    ['another partnership’s coordinator', user(['partnership_coordinator', 'p2']), { view: false, manage: false, coordinator: false }],
    ['an officer of an LA outside it', otherOfficer, { view: false, manage: false, coordinator: false }],
    ['WG', wg, { view: true, manage: false, coordinator: false }],
    ['a headteacher', head, { view: false, manage: false, coordinator: false }],
  ] as const)('%s', (_name, who, expected) => {
    expect(partnershipCan(who, p)).toEqual(expected);
  });

  it('gives WG, and only WG, the national powers', () => {
    expect(wgCan(wg)).toEqual({ read: true, openRounds: true, publish: true, comment: true, markFinal: true });
    for (const who of [officer, partner, head, null]) expect(Object.values(wgCan(who)).some(Boolean)).toBe(false);
  });
});
