// Where the app learns the time (docs/ARCHITECTURE.md, "Time"). Everything that decides with the
// time (today, the academic year, due and overdue, deadlines, session expiry, sign-in lockouts)
// asks the Clock it was handed, so a test can set the day instead of waiting for it. Lint forbids
// `new Date()` and `Date.now()` anywhere else in src/.

export type Clock = {
  /** The current instant. Read it once per request or operation and pass the Date on. */
  now(): Date;
};

/** The real time: what main.ts and the CLI hand the app. */
export const systemClock: Clock = { now: () => new Date() };

/** A clock that stands still until told to move: for tests, and for any run that replays a day. */
export type SettableClock = Clock & {
  set(at: Date | string): void;
  advance(ms: number): void;
  advanceDays(days: number): void;
};

const DAY_MS = 86_400_000;

export function settableClock(start: Date | string): SettableClock {
  let at = new Date(start).getTime();
  if (Number.isNaN(at)) throw new RangeError(`not a time: ${String(start)}`);
  return {
    now: () => new Date(at),
    set(to) {
      const next = new Date(to).getTime();
      if (Number.isNaN(next)) throw new RangeError(`not a time: ${String(to)}`);
      at = next;
    },
    advance(ms) {
      at += ms;
    },
    advanceDays(days) {
      at += days * DAY_MS;
    },
  };
}

const walesDate = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The calendar date in Wales at an instant, as YYYY-MM-DD (the day people there would say it is). */
export function todayInWales(now: Date): string {
  return walesDate.format(now);
}

/** The UTC calendar date at an instant, as YYYY-MM-DD (pages that have always counted days in UTC). */
export function utcDate(now: Date): string {
  return now.toISOString().slice(0, 10);
}

/** An instant moved by whole days. */
export function addDaysTo(now: Date, days: number): Date {
  return new Date(now.getTime() + days * DAY_MS);
}

/**
 * How many seconds a clock is ahead of the system's (0, give or take, for the system clock): for a
 * library that reads the system time itself (openid-client checking a token's times), so it
 * decides on the app's clock instead.
 */
export function secondsAheadOfSystem(clock: Clock): number {
  return Math.round((clock.now().getTime() - Date.now()) / 1000);
}
