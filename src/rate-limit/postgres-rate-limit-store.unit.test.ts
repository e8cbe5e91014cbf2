import { describe, expect, it } from 'vitest';
import type { Db } from '../db/client.ts';
import { postgresRateLimitStore } from './postgres-rate-limit-store.ts';

/** A database whose counting works and whose sweep (a delete) fails, counting the sweeps asked for. */
function sweepFailingDb(failure: Error) {
  const seen = { sweeps: 0 };
  const db = {
    execute: async () => ({ rows: [{ current: 1, ttl: 60_000 }] }),
    delete: () => ({
      where: () => {
        seen.sweeps += 1;
        return Promise.reject(failure);
      },
    }),
  } as unknown as Db;
  return { db, seen };
}

const incr = (store: InstanceType<ReturnType<typeof postgresRateLimitStore>>) =>
  new Promise<unknown>((resolve, reject) =>
    store.incr('198.51.100.7', (error, result) => (error ? reject(error) : resolve(result)), 60_000, 10),
  );

describe('postgres rate-limit store sweep', () => {
  it('reports a failed sweep of ended windows instead of dropping it, and still counts the request', async () => {
    const failure = new Error('permission denied for table rate_limit_hits');
    const { db, seen } = sweepFailingDb(failure);
    let clock = 0;
    const reported: unknown[] = [];
    const Store = postgresRateLimitStore(
      db,
      (error) => reported.push(error),
      () => clock,
    );
    const store = new Store({});

    expect(await incr(store)).toEqual({ current: 1, ttl: 60_000 });
    expect(seen.sweeps).toBe(0); // not yet a minute since the last sweep

    clock = 60_000;
    expect(await incr(store)).toEqual({ current: 1, ttl: 60_000 });
    await new Promise((resolve) => setImmediate(resolve));
    expect(seen.sweeps).toBe(1);
    expect(reported).toEqual([failure]);
  });
});
