import { describe, expect, it } from 'vitest';
import { EVENT_KIND_NAMES } from '../../notifications/event-kinds.ts';
import { messageParams, PREFERENCE_GROUPS } from './inbox-presenter.ts';

describe('the preferences groups', () => {
  it('hold every kind exactly once', () => {
    const grouped = PREFERENCE_GROUPS.flatMap((g) => g.kinds);
    expect([...grouped].sort()).toEqual([...EVENT_KIND_NAMES].sort());
    expect(new Set(grouped).size).toBe(grouped.length);
  });
});

describe('a message’s params', () => {
  it('give a name kept in both languages in the reader’s', () => {
    const params = { schoolEn: 'Oak Primary', schoolCy: 'Ysgol Gynradd Derw', title: 'Plan' };
    expect(messageParams(params, 'cy')).toMatchObject({ school: 'Ysgol Gynradd Derw', title: 'Plan' });
    expect(messageParams(params, 'en')).toMatchObject({ school: 'Oak Primary' });
    expect(messageParams({ schoolEn: 'Oak' }, 'cy').school).toBe('Oak');
    expect(messageParams({ school: 'Given', schoolCy: 'X' }, 'cy').school).toBe('Given');
  });
});
