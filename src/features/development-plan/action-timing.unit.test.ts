import { describe, expect, it } from 'vitest';
import { actionTiming, addDays } from './action-timing.ts';
import { todayInWales } from '../../lib/clock.ts';

const today = '2026-11-22';

describe('actionTiming', () => {
  it('marks an action past its due date and not done as overdue', () => {
    expect(actionTiming({ dueOn: '2026-11-21', status: 'in_progress' }, today)).toBe('overdue');
    expect(actionTiming({ dueOn: '2025-01-01', status: 'not_started' }, today)).toBe('overdue');
  });

  it('marks an action due today or within 30 days as due soon', () => {
    expect(actionTiming({ dueOn: today, status: 'not_started' }, today)).toBe('due_soon');
    expect(actionTiming({ dueOn: '2026-12-22', status: 'in_progress' }, today)).toBe('due_soon');
  });

  it('leaves later, undated and done actions alone', () => {
    expect(actionTiming({ dueOn: '2026-12-23', status: 'not_started' }, today)).toBeNull();
    expect(actionTiming({ dueOn: null, status: 'not_started' }, today)).toBeNull();
    expect(actionTiming({ dueOn: '2026-01-01', status: 'done' }, today)).toBeNull();
  });
});

describe('dates in Wales', () => {
  it('takes the calendar day in Europe/London, not UTC', () => {
    // 23:30 UTC on 30 June is already 1 July in British Summer Time.
    expect(todayInWales(new Date('2026-06-30T23:30:00Z'))).toBe('2026-07-01');
    expect(todayInWales(new Date('2026-12-31T23:30:00Z'))).toBe('2026-12-31');
  });

  it('adds days across months and years', () => {
    expect(addDays('2026-12-20', 30)).toBe('2027-01-19');
  });
});
