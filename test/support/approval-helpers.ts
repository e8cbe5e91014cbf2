// The meeting form a plan approval is recorded with (src/features/development-plan/approval-routes.ts):
// a full governing body meeting on `on` (default today, in Wales), minute 7.2, a resolution.
import { todayInWales } from '../../src/lib/clock.ts';

export function meetingForm(overrides: Record<string, string> = {}, on: Date = new Date()): Record<string, string> {
  const [year, month, day] = todayInWales(on).split('-');
  return {
    meeting: 'full_governing_body',
    committee: '',
    'meetingOn-day': String(Number(day)),
    'meetingOn-month': String(Number(month)),
    'meetingOn-year': year!,
    minute: '7.2',
    resolution: 'Resolved that the school development plan be approved.',
    ...overrides,
  };
}
