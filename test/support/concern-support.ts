import { expect } from 'vitest';
import { sessionCookie } from './factories.ts';
import { Visitor } from './http.ts';
import type { TestApp } from './test-app.ts';

/** Helpers shared by the concern test files (src/features/concern/*.test.ts). */
export const visitorFor = async (t: TestApp, user: { id: string }) =>
  new Visitor(t.app).withCookie(await sessionCookie(t.database.db, user.id));

/** A date `days` from today, as the three boxes of a GOV.UK date input. */
export function dateBoxes(name: string, days = 0): Record<string, string> {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + days);
  return {
    [`${name}-day`]: String(d.getUTCDate()),
    [`${name}-month`]: String(d.getUTCMonth() + 1),
    [`${name}-year`]: String(d.getUTCFullYear()),
  };
}

export async function openCase(officer: Visitor, laCode: string, form: Record<string, string | string[]>) {
  const register = `/local-authorities/${laCode}/schools-causing-concern`;
  const response = await officer.post(
    register,
    { ...dateBoxes('openedOn', -90), ...form },
    { tokenFrom: `${register}/new` },
  );
  expect(response.statusCode, response.body.slice(0, 400)).toBe(303);
  return response.headers.location!.split('/')[2]!.split('?')[0]!;
}

export const noticeForm = (overrides: Record<string, string | string[]> = {}) => ({
  grounds: ['standards'],
  reasons: 'Outcomes in literacy fell for three years running.',
  requiredAction: 'Adopt and carry out the agreed literacy recovery plan.',
  compliancePeriodDays: '30',
  mindedTo: ['advice_collaboration', 'interim_executive_board'],
  mindedToDetail: '',
  copiesTo: ['headteacher', 'welsh_ministers'],
  otherCopies: '',
  ...dateBoxes('issuedOn', -60),
  ...overrides,
});
