import { describe, expect, it } from 'vitest';
import { needsNotTestedBothWays } from '../../test/support/policy-table.ts';
import type { CurrentUser } from './roles.ts';
import { caseStudyCan } from './case-study-policy.ts';

const user = (role: string, scopeId: string | null): CurrentUser =>
  ({ id: 'u', email: 'u@example.org', displayName: 'U', assignments: [{ role, scopeId }] }) as unknown as CurrentUser;
const school = { schoolNumber: '6812000', laCode: null };
const la = { schoolNumber: null, laCode: '681' };

const ROWS = [
  // who, case study, status, view, edit, publish, unpublish
  ['headteacher of the school', user('headteacher', '6812000'), school, 'draft', true, true, true, false],
  ['headteacher of the school', user('headteacher', '6812000'), school, 'published', true, true, false, true],
  ['school leader of the school', user('school_leader', '6812000'), school, 'draft', true, true, false, false],
  ['practitioner of the school', user('practitioner', '6812000'), school, 'draft', false, false, false, false],
  ['practitioner of the school', user('practitioner', '6812000'), school, 'published', true, false, false, false],
  ['headteacher of another school', user('headteacher', '6812001'), school, 'draft', false, false, false, false],
  ["LA officer of the school's LA", user('la_officer', '681'), school, 'draft', false, false, false, false],
  ['LA officer', user('la_officer', '681'), la, 'draft', true, true, true, false],
  ['LA officer', user('la_officer', '681'), la, 'published', true, true, false, true],
  ['improvement partner of the LA', user('improvement_partner', '681'), la, 'draft', false, false, false, false],
  ['LA officer of another LA', user('la_officer', '670'), la, 'published', true, false, false, false],
  ['WG official', user('wg_official', null), la, 'published', true, false, false, false],
  ['governor of the school', user('governor', 'GB6812000'), school, 'draft', false, false, false, false],
  ['nobody', null, school, 'published', false, false, false, false],
] as const;

describe('caseStudyCan', () => {
  it.each(ROWS)('%s, %#', (_name, who, cs, status, view, edit, publish, unpublish) => {
    expect(caseStudyCan(who, { ...cs, status })).toEqual({ view, edit, publish, unpublish });
  });

  it('has, for every need, someone who may and someone who may not', () => {
    expect(
      needsNotTestedBothWays(
        ROWS.map(([, , , , view, edit, publish, unpublish]) => ({ view, edit, publish, unpublish })),
      ),
    ).toEqual([]);
  });

  it('shows nothing to nobody', () => {
    expect(caseStudyCan(null, { ...school, status: 'published' }).view).toBe(false);
  });
});
