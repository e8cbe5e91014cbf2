import type { TFunction } from 'i18next';
import { ALL, NO_THEME } from './picture-cube.ts';
import type { NationalPicture } from './picture-service.ts';
import { spreadsheetCsv } from '../../lib/csv.ts';

type Lang = 'en' | 'cy';
const named = (r: { nameEn: string; nameCy: string } | undefined, lang: Lang, fallback: string) =>
  r ? (lang === 'cy' ? r.nameCy : r.nameEn) : fallback;

/** Labels for codes of the picture in one language (reference data from the catalogues, names from the database). */
export function labeller(t: TFunction, lang: Lang, np: NationalPicture) {
  const all = t('national.picture.all', { lng: lang });
  return {
    la: (code: string) =>
      code === ALL
        ? t('national.picture.wales', { lng: lang })
        : named(
            np.las.find((l) => l.code === code),
            lang,
            code,
          ),
    phase: (code: string) => (code === ALL ? all : t(`reference.sector.${code}`, { lng: lang })),
    theme: (code: string) =>
      code === ALL
        ? all
        : code === NO_THEME
          ? t('national.picture.noTheme', { lng: lang })
          : t(`reference.nifTheme.${code}`, { lng: lang }),
    np: (code: string) =>
      code === ALL
        ? all
        : named(
            np.nps.find((n) => n.code === code),
            lang,
            code,
          ),
    collaborative: (id: string) =>
      named(
        np.collaboratives.find((c) => c.id === id),
        lang,
        id,
      ),
  };
}
export type Labeller = ReturnType<typeof labeller>;

/** One row per published figure, with codes and both languages' labels; a hidden figure is null. */
export function openDataRows(t: TFunction, np: NationalPicture) {
  const en = labeller(t, 'en', np);
  const cy = labeller(t, 'cy', np);
  return np.picture.keys.map((key) => {
    const [year, where, a, b, c] = key.split('|') as [string, string, string, string, string | undefined];
    const collaborative = where.startsWith('c:') ? where.slice(2) : null;
    const la = collaborative ? ALL : where;
    const phase = collaborative ? ALL : a;
    const theme = collaborative ? a : b;
    const nationalPriority = collaborative ? ALL : c!;
    const value = np.picture.figure(key);
    return {
      academicYear: Number(year),
      level: collaborative ? 'collaborative' : la === ALL ? 'wales' : 'la',
      collaborative,
      collaborativeNameEn: collaborative ? en.collaborative(collaborative) : null,
      collaborativeNameCy: collaborative ? cy.collaborative(collaborative) : null,
      la,
      laNameEn: en.la(la),
      laNameCy: cy.la(la),
      phase,
      phaseEn: en.phase(phase),
      phaseCy: cy.phase(phase),
      theme,
      themeEn: en.theme(theme),
      themeCy: cy.theme(theme),
      nationalPriority,
      nationalPriorityEn: en.np(nationalPriority),
      nationalPriorityCy: cy.np(nationalPriority),
      schools: value,
      suppressed: value === null,
    };
  });
}
export type OpenDataRow = ReturnType<typeof openDataRows>[number];

const CSV_COLUMNS = [
  'academicYear',
  'level',
  'la',
  'laNameEn',
  'laNameCy',
  'collaborative',
  'collaborativeNameEn',
  'collaborativeNameCy',
  'phase',
  'phaseEn',
  'phaseCy',
  'theme',
  'themeEn',
  'themeCy',
  'nationalPriority',
  'nationalPriorityEn',
  'nationalPriorityCy',
  'schools',
] as const;
/** The open data as a spreadsheet-safe CSV (see lib/csv.ts); a hidden figure is "[c]". */
export function toCsv(rows: OpenDataRow[]) {
  const cells = rows.map(({ suppressed, schools, ...row }) => ({ ...row, schools: suppressed ? '[c]' : schools }));
  return spreadsheetCsv(cells, CSV_COLUMNS);
}
