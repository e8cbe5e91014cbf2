// A store for @fastify/rate-limit (its documented custom `store` option: a constructor whose
// instances have incr(key, callback, timeWindow, max) and child(routeOptions)) keeping counts in
// PostgreSQL, so every instance of the app on one database counts against the same limit.
// The plugin's in-memory store is right for embedded PGlite, where only one process runs.
import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { Db } from '../db/client.ts';
import { countHit, deleteEndedWindows } from './rate-limit-repository.ts';

type IncrCallback = Parameters<FastifyRateLimitStore['incr']>[1];
/** Ended windows are swept at most this often by each process. */
const SWEEP_EVERY_MS = 60_000;

/**
 * `onSweepError` hears of a failed sweep (the app logs it): one miss is harmless, but a sweep that
 * always fails would let the table grow unseen.
 */
export function postgresRateLimitStore(
  db: Db,
  onSweepError: (error: unknown) => void,
  now: () => number = Date.now,
): FastifyRateLimitStoreCtor {
  let lastSweep = now();
  const sweep = () => {
    if (now() - lastSweep < SWEEP_EVERY_MS) return;
    lastSweep = now();
    // Not awaited: the request being counted must not wait for housekeeping. A missed sweep only
    // leaves rows the next one removes; its error goes to onSweepError.
    void deleteEndedWindows(db).catch(onSweepError);
  };

  class PostgresRateLimitStore implements FastifyRateLimitStore {
    /**
     * `scope` keeps each route's own limit apart from the global one, as the plugin's stores do.
     * The limit and window are in the key too, so instances agree on a bucket only when they
     * agree on its rule (two differently configured apps on one database never mix counts).
     */
    private readonly scope: string;
    constructor(_options?: unknown, scope = 'all') {
      this.scope = scope;
    }

    incr(key: string, callback: IncrCallback, timeWindow: number, max: number): void {
      sweep();
      countHit(db, `${this.scope}|${max}|${timeWindow}|${key}`, timeWindow).then(
        (result) => callback(null, result),
        (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
      );
    }

    child(routeOptions: unknown): FastifyRateLimitStore {
      const route = (routeOptions as { routeInfo?: { method?: unknown; url?: unknown } }).routeInfo;
      return new PostgresRateLimitStore(undefined, `${String(route?.method ?? '')} ${String(route?.url ?? '')}`);
    }
  }
  return PostgresRateLimitStore;
}
