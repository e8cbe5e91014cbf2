import { describe, expect, it } from 'vitest';
import { EVENT_KIND_NAMES } from '../../notifications/event-kinds.ts';
import { messageTitle } from '../../notifications/message-params.ts';
import { PREFERENCE_GROUPS } from './inbox-presenter.ts';

describe('the preferences groups', () => {
  it('hold every kind exactly once', () => {
    const grouped = PREFERENCE_GROUPS.flatMap((g) => g.kinds);
    expect([...grouped].sort()).toEqual([...EVENT_KIND_NAMES].sort());
    expect(new Set(grouped).size).toBe(grouped.length);
  });
});

describe('a message’s title', () => {
  // The catalogue's job is tested elsewhere; here the title is the params it was given.
  const t = (key: string, params: Record<string, string>) => `${key} ${JSON.stringify(params)}`;

  it('gives a name kept in both languages in the reader’s, and dates as the service writes them', () => {
    const params = { la: 'Cardiff', laCy: 'Caerdydd', deadline: '2027-01-31', title: 'Plan' };
    expect(messageTitle(t, 'cy', 'plan_round_opened', params)).toBe(
      'notifications.kinds.plan_round_opened.title {"la":"Caerdydd","deadline":"31 Ionawr 2027","title":"Plan"}',
    );
    expect(messageTitle(t, 'en', 'plan_round_opened', params)).toBe(
      'notifications.kinds.plan_round_opened.title {"la":"Cardiff","deadline":"31 January 2027","title":"Plan"}',
    );
    expect(messageTitle(t, 'cy', 'support_requested', { school: 'Oak' })).toContain('"school":"Oak"');
  });

  it('names a shared document by its kind when it has no title of its own', () => {
    expect(messageTitle(t, 'en', 'shared_with_you', { school: 'Oak', title: '', output: 'sdp_summary' })).toContain(
      '"title":"outputs.titles.sdp_summary {}"',
    );
  });
});
