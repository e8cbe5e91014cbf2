import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Db } from '../../db/client.ts';
import type { SchoolGroup } from './picture-cube.ts';

// The repository is replaced so each build's reading of the schools can be held and then settled
// in any order: the cache's behaviour under overlapping builds is what is tested.
const state = vi.hoisted(() => ({
  version: 1,
  reads: [] as { resolve: (v: SchoolGroup[]) => void; reject: (e: Error) => void }[],
}));
vi.mock('./picture-repository.ts', () => ({
  pictureVersion: async () => state.version,
  countedSchoolGroups: () => new Promise((resolve, reject) => state.reads.push({ resolve, reject })),
  localAuthorityNames: async () => [],
  nationalPriorityNames: async () => [],
  collaborativeRefs: async () => [],
}));
const { loadNationalPicture, refreshNationalPicture } = await import('./picture-service.ts');

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('national picture cache', () => {
  beforeEach(() => {
    state.version = 1;
    state.reads.length = 0;
  });

  it('keeps a newer build cached when an older, replaced build fails afterwards', async () => {
    const db = {} as Db;
    const older = loadNationalPicture(db, 2026, new Date());
    await settle();
    state.version = 2; // the data changed while the first build was running
    const newer = loadNationalPicture(db, 2026, new Date());
    await settle();
    expect(state.reads).toHaveLength(2);

    state.reads[1]!.resolve([]);
    const built = await newer;
    state.reads[0]!.reject(new Error('connection lost'));
    await expect(older).rejects.toThrow('connection lost');
    await settle();

    const third = loadNationalPicture(db, 2026, new Date());
    await settle();
    expect(state.reads).toHaveLength(2); // served from the cache, not rebuilt
    expect(await third).toBe(built);
  });

  it('forgets a failed build, so the next request builds again', async () => {
    const db = {} as Db;
    const failed = loadNationalPicture(db, 2026, new Date());
    await settle();
    state.reads[0]!.reject(new Error('connection lost'));
    await expect(failed).rejects.toThrow('connection lost');
    await settle();

    const again = loadNationalPicture(db, 2026, new Date());
    await settle();
    expect(state.reads).toHaveLength(2);
    state.reads[1]!.resolve([]);
    await expect(again).resolves.toMatchObject({ las: [] });
  });

  it('serves the last complete picture while a newer one is built, and the newer one once built', async () => {
    const db = {} as Db;
    const first = loadNationalPicture(db, 2026, new Date());
    await settle();
    state.reads[0]!.resolve([]);
    const built = await first;

    state.version = 2; // a school shared something
    expect(await loadNationalPicture(db, 2026, new Date())).toBe(built); // not kept waiting
    await settle();
    expect(state.reads).toHaveLength(2); // one rebuild started, in the background
    expect(await loadNationalPicture(db, 2026, new Date())).toBe(built);
    expect(state.reads).toHaveLength(2); // the same rebuild, not another

    const waiting = refreshNationalPicture(db, 2026, new Date());
    state.reads[1]!.resolve([{ year: 2026, la: 'x', phase: 'p', themes: [], nps: [], collaboratives: [], schools: 1 }]);
    const rebuilt = await waiting;
    expect(rebuilt).not.toBe(built);
    expect(await loadNationalPicture(db, 2026, new Date())).toBe(rebuilt);
  });

  it('keeps serving the last picture when a background rebuild fails, and tries again on the next request', async () => {
    const db = {} as Db;
    const first = loadNationalPicture(db, 2026, new Date());
    await settle();
    state.reads[0]!.resolve([]);
    const built = await first;
    state.version = 2;
    expect(await loadNationalPicture(db, 2026, new Date())).toBe(built);
    await settle();
    state.reads[1]!.reject(new Error('connection lost'));
    await settle();
    expect(await loadNationalPicture(db, 2026, new Date())).toBe(built);
    await settle();
    expect(state.reads).toHaveLength(3);
  });
});
