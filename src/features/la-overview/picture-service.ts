import type { Db } from '../../db/client.ts';
import { maintainedAggregate } from '../../lib/maintained-aggregate.ts';
import { laPictureVersion, pictureCounts, type Dimension, type PictureCount } from './local-priorities-repository.ts';

// An LA's consolidated picture is counted once per change, not once per page (issue 19): the
// largest LA's count grows with its schools, and a page after a change is served the last count
// while the new one is made.
const pictures = maintainedAggregate<PictureCount[]>();
const keyOf = (laCode: string, year: number, dimension: Dimension) => `${laCode}|${year}|${dimension}`;

/** The LA's picture as last counted, counted again in the background when something it is built from changed. */
export async function keptPictureCounts(db: Db, laCode: string, year: number, dimension: Dimension) {
  const version = await laPictureVersion(db, laCode);
  return pictures.load(db, keyOf(laCode, year, dimension), version, () => pictureCounts(db, laCode, year, dimension));
}

/** The LA's picture as the data stands now, waiting for a count if a change has not been counted yet. */
export async function currentPictureCounts(db: Db, laCode: string, year: number, dimension: Dimension) {
  const version = await laPictureVersion(db, laCode);
  return pictures.current(db, keyOf(laCode, year, dimension), version, () =>
    pictureCounts(db, laCode, year, dimension),
  );
}
