import type { Db } from '../../db/client.ts';
import { NIF_THEMES } from '../../reference/reference-data.ts';
import { SECTOR_CODES } from '../../directory/school-codes.ts';
import { buildPicture, NO_THEME, type PublishedPicture } from './picture-cube.ts';
import * as repo from './picture-repository.ts';

export type NationalPicture = {
  picture: PublishedPicture;
  las: Awaited<ReturnType<typeof repo.localAuthorityNames>>;
  nps: Awaited<ReturnType<typeof repo.nationalPriorityNames>>;
  collaboratives: Awaited<ReturnType<typeof repo.collaborativeRefs>>;
  builtAt: Date;
};

/**
 * Builds the suppressed national picture from the database: every figure of every view and
 * download comes from this one object. The years run from the first with national shares to the
 * current one (`currentYear`), so "last year" exists for the rising themes.
 */
export async function buildNationalPicture(db: Db, currentYear: number, now: Date): Promise<NationalPicture> {
  const [groups, las, nps, collaboratives, counted] = await Promise.all([
    repo.countedSchoolGroups(db),
    repo.localAuthorityNames(db),
    repo.nationalPriorityNames(db),
    repo.collaborativeRefs(db),
    repo.countedYears(db),
  ]);
  const first = Math.min(currentYear - 1, ...counted);
  const last = Math.max(currentYear, ...counted);
  const years = Array.from({ length: last - first + 1 }, (_, i) => first + i);
  const picture = buildPicture(groups, {
    years,
    las: las.map((l) => l.code),
    phases: SECTOR_CODES,
    themes: [...NIF_THEMES, NO_THEME],
    nps: nps.map((n) => n.code),
    collaboratives,
  });
  return { picture, las, nps, collaboratives, builtAt: now };
}

const cache = new WeakMap<Db, { key: string; picture: Promise<NationalPicture> }>();

/**
 * The picture as served: rebuilt only when something it is built from changed (a cheap fingerprint
 * query), so every page and download reads the same audited set, and a busy day costs one build.
 */
export async function loadNationalPicture(db: Db, currentYear: number, now: Date): Promise<NationalPicture> {
  const key = `${currentYear}/${await repo.pictureFingerprint(db)}`;
  const hit = cache.get(db);
  if (hit && hit.key === key) return hit.picture;
  const picture = buildNationalPicture(db, currentYear, now);
  cache.set(db, { key, picture });
  // The caller awaits `picture` and meets its failure; this branch only forgets a failed build, and
  // only if it is still the cached one (a newer build may have replaced it meanwhile).
  picture.catch(() => cache.get(db)?.picture === picture && cache.delete(db));
  return picture;
}
