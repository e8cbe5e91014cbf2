import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Db } from '../../db/client.ts';
import type { SchoolGroup } from './picture-cube.ts';

// The repository is replaced so each build's reading of the schools can be held and then settled
// in any order: the cache's behaviour under overlapping builds is what is tested.
const state = vi.hoisted(() => ({
  fingerprint: 'a',
  reads: [] as { resolve: (v: SchoolGroup[]) => void; reject: (e: Error) => void }[],
}));
vi.mock('./picture-repository.ts', () => ({
  pictureFingerprint: async () => state.fingerprint,
  countedSchoolGroups: () => new Promise((resolve, reject) => state.reads.push({ resolve, reject })),
  localAuthorityNames: async () => [],
  nationalPriorityNames: async () => [],
  collaborativeRefs: async () => [],
  countedYears: async () => [],
}));
const { loadNationalPicture } = await import('./picture-service.ts');

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('national picture cache', () => {
  beforeEach(() => {
    state.fingerprint = 'a';
    state.reads.length = 0;
  });

  it('keeps a newer build cached when an older, replaced build fails afterwards', async () => {
    const db = {} as Db;
    const older = loadNationalPicture(db, 2026, new Date());
    await settle();
    state.fingerprint = 'b'; // the data changed while the first build was running
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
});
