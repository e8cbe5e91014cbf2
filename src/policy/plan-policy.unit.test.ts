import { describe, expect, it } from 'vitest';
import { needsNotTestedBothWays, person } from '../../test/support/policy-table.ts';
import { planCan } from './plan-policy.ts';

const officer = person(['la_officer', '681']);
const partner = person(['improvement_partner', '681']);
const otherOfficer = person(['la_officer', '670']);
const otherPartner = person(['improvement_partner', '670']);
const wg = person(['wg_official', null]);
const head = person(['headteacher', '6812308']);
const plan = (state: string, sharedWithLas = false) => ({ laCode: '681', state, sharedWithLas });
const none = {
  view: false,
  edit: false,
  submit: false,
  share: false,
  comment: false,
  markFinal: false,
  comments: false,
};
// The LA's own staff and WG read WG's comments (whenever they may read the plan).
const own = { ...none, comments: true };

const ROWS = [
  ['its officer, draft', officer, plan('draft'), { ...own, view: true, edit: true, submit: true }],
  ['its officer, submitted', officer, plan('submitted'), { ...own, view: true }],
  ['its officer, in discussion', officer, plan('in_discussion'), { ...own, view: true, edit: true, submit: true }],
  ['its officer, final', officer, plan('final'), { ...own, view: true, share: true }],
  ['its improvement partner', partner, plan('draft'), { ...own, view: true }],
  ['its improvement partner, final', partner, plan('final'), { ...own, view: true }],
  ['WG, draft (not yet theirs to read)', wg, plan('draft'), own],
  ['WG, submitted', wg, plan('submitted'), { ...own, view: true, comment: true, markFinal: true }],
  ['WG, in discussion', wg, plan('in_discussion'), { ...own, view: true, comment: true }],
  ['WG, final', wg, plan('final'), { ...own, view: true }],
  ['another LA’s officer, final not shared', otherOfficer, plan('final'), none],
  [
    'another LA’s officer, final and shared (but not WG’s comments)',
    otherOfficer,
    plan('final', true),
    { ...none, view: true },
  ],
  ['another LA’s officer, shared but not final', otherOfficer, plan('submitted', true), none],
  ['another LA’s improvement partner, final and shared', otherPartner, plan('final', true), none],
  ['a headteacher', head, plan('final', true), none],
  ['nobody', null, plan('final', true), none],
] as const;

describe('who may do what with an LA’s plan', () => {
  it.each(ROWS)('%s', (_name, who, p, expected) => {
    expect(planCan(who, p)).toEqual(expected);
  });

  it('has, for every need, someone who may and someone who may not', () => {
    expect(needsNotTestedBothWays(ROWS.map((row) => row[3]))).toEqual([]);
  });
});
