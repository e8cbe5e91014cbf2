import type { Db } from '../../db/client.ts';
import { NIF_THEMES } from '../../reference/reference-data.ts';
import { SECTOR_CODES } from '../../directory/school-codes.ts';
import { buildPicture, NO_THEME, type PublishedPicture } from './picture-cube.ts';
import * as repo from './picture-repository.ts';
import { maintainedAggregate } from '../../lib/maintained-aggregate.ts';

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
  const [groups, las, nps, collaboratives] = await Promise.all([
    repo.countedSchoolGroups(db),
    repo.localAuthorityNames(db),
    repo.nationalPriorityNames(db),
    repo.collaborativeRefs(db),
  ]);
  const counted = groups.map((g) => g.year);
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

const pictures = maintainedAggregate<NationalPicture>();

/**
 * The picture as served: rebuilt only when something it is built from changed (one read of the
 * counter the triggers raise), so every page and download reads the same audited set. After a
 * change the last complete picture is served while the new one is built, so no request waits.
 */
export async function loadNationalPicture(db: Db, currentYear: number, now: Date): Promise<NationalPicture> {
  const version = await repo.pictureVersion(db);
  return pictures.load(db, String(currentYear), version, () => buildNationalPicture(db, currentYear, now));
}

/** The picture as the data stands now, waiting for its build if a change has not been counted yet. */
export async function refreshNationalPicture(db: Db, currentYear: number, now: Date): Promise<NationalPicture> {
  const version = await repo.pictureVersion(db);
  return pictures.current(db, String(currentYear), version, () => buildNationalPicture(db, currentYear, now));
}
