import { describe, expect, it } from 'vitest';
import { addDaysTo, settableClock, systemClock, todayInWales, utcDate } from './clock.ts';

describe('settableClock', () => {
  it('stands still until set or advanced', () => {
    const clock = settableClock('2031-01-10T09:00:00Z');
    expect(clock.now().toISOString()).toBe('2031-01-10T09:00:00.000Z');
    expect(clock.now().toISOString()).toBe('2031-01-10T09:00:00.000Z');
    clock.advance(90 * 60_000);
    expect(clock.now().toISOString()).toBe('2031-01-10T10:30:00.000Z');
    clock.advanceDays(2);
    expect(clock.now().toISOString()).toBe('2031-01-12T10:30:00.000Z');
    clock.set(new Date('2030-06-01T00:00:00Z'));
    expect(clock.now().toISOString()).toBe('2030-06-01T00:00:00.000Z');
  });

  it('hands out a fresh Date each time, so a caller cannot move the clock by changing one', () => {
    const clock = settableClock('2031-01-10T09:00:00Z');
    clock.now().setUTCFullYear(1999);
    expect(clock.now().getUTCFullYear()).toBe(2031);
  });

  it('refuses a time that is not one', () => {
    expect(() => settableClock('not a date')).toThrow(RangeError);
    expect(() => settableClock('2031-01-10').set('soon')).toThrow(RangeError);
  });
});

describe('the system clock', () => {
  it('reads the real time', () => {
    const before = Date.now();
    const read = systemClock.now().getTime();
    expect(read).toBeGreaterThanOrEqual(before);
    expect(read).toBeLessThanOrEqual(Date.now());
  });
});

describe('days', () => {
  it('knows the day in Wales, which is not always the UTC day', () => {
    const lateJuneEvening = new Date('2026-06-30T23:30:00Z'); // 00:30 on 1 July in British Summer Time
    expect(todayInWales(lateJuneEvening)).toBe('2026-07-01');
    expect(utcDate(lateJuneEvening)).toBe('2026-06-30');
    expect(todayInWales(new Date('2026-12-31T23:30:00Z'))).toBe('2026-12-31');
  });

  it('moves an instant by whole days', () => {
    expect(addDaysTo(new Date('2031-01-10T09:00:00Z'), 30).toISOString()).toBe('2031-02-09T09:00:00.000Z');
  });
});
