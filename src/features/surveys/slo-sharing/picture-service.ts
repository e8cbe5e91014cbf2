// One audience's SLO picture for a year: the consents that count (share-repository.ts), summed and
// suppressed (slo-picture.ts), with names in the reader's language.
import type { Db } from '../../../db/client.ts';
import { SLO_DIMENSIONS } from '../slo-model.ts';
import { sharedDimensionRows, sharedYears, type PictureAudience } from './share-repository.ts';
import { BANDS, sloPicture } from './slo-picture.ts';

export async function pictureFor(
  db: Db,
  audience: PictureAudience,
  requestedYear: string | undefined,
  lang: 'en' | 'cy',
) {
  const years = await sharedYears(db, audience);
  const year = years.find((y) => String(y) === requestedYear) ?? years[0] ?? null;
  if (year === null) return { years, year, picture: null };
  const { schools, rows } = await sharedDimensionRows(db, audience, year);
  const picture = sloPicture(schools, rows);
  return {
    years,
    year,
    bands: BANDS.map((b) => b.code),
    picture: {
      ...picture,
      dimensions: picture.dimensions.map((d) => ({
        ...d,
        name: SLO_DIMENSIONS.find((x) => x.code === d.code)!.name[lang],
      })),
    },
  };
}

/** The year choices for the page's filter, newest first, labelled "2025 to 2026". */
export const yearItems = (years: number[], selected: number | null, label: (y: number) => string) =>
  years.map((y) => ({ value: String(y), text: label(y), selected: y === selected }));
