import type { TFunction } from 'i18next';
import { NIF_THEMES } from '../../reference/reference-data.ts';
import { SECTOR_CODES } from '../../directory/school-codes.ts';
import { heatmapCells, heatmapSvg, type Axis } from './heatmap.ts';
import { NONE, type Dimension, type PictureCount } from './local-priorities-repository.ts';

type Named = { code: string; nameEn: string; nameCy: string };
const nameIn = (lang: string, n: Named) => (lang === 'cy' ? n.nameCy : n.nameEn);

/** The columns of a dimension, in a stable order; "not set" only when something falls there. */
export function columnsOf(
  t: TFunction,
  lang: string,
  dimension: Dimension,
  named: { national: Named[]; collaboratives: Named[] },
  counts: PictureCount[],
): Axis[] {
  const used = new Set(counts.filter((c) => c.level === 'column').map((c) => c.col));
  const base =
    dimension === 'national'
      ? named.national.map((n) => ({ key: n.code, label: nameIn(lang, n) }))
      : dimension === 'phase'
        ? SECTOR_CODES.filter((s) => used.has(s)).map((s) => ({ key: s, label: t(`reference.sector.${s}`) }))
        : named.collaboratives.map((c) => ({ key: c.code, label: nameIn(lang, c) }));
  return used.has(NONE) ? [...base, { key: NONE, label: t(`laOverview.picture.none.${dimension}`) }] : base;
}

export function rowsOf(t: TFunction, counts: PictureCount[]): Axis[] {
  const themes: Axis[] = NIF_THEMES.map((theme) => ({ key: theme, label: t(`reference.nifTheme.${theme}`) }));
  return counts.some((c) => c.level === 'row' && c.theme === NONE)
    ? [...themes, { key: NONE, label: t('laOverview.picture.none.theme') }]
    : themes;
}

/** The heatmap and its table: the same figures, each cell with schools linking to what is behind it. */
export function pictureModel(
  t: TFunction,
  lang: string,
  laCode: string,
  dimension: Dimension,
  named: { national: Named[]; collaboratives: Named[] },
  counts: PictureCount[],
) {
  const rows = rowsOf(t, counts);
  const columns = columnsOf(t, lang, dimension, named, counts);
  const cellCounts = new Map(counts.filter((c) => c.level === 'cell').map((c) => [`${c.theme}|${c.col}`, c.schools]));
  const total = (level: PictureCount['level'], key: string | null) =>
    counts.find((c) => c.level === level && (level === 'row' ? c.theme === key : c.col === key));
  const href = (row: string, column: string) =>
    `/local-authorities/${laCode}/overview/priorities?by=${dimension}&theme=${encodeURIComponent(row)}&column=${encodeURIComponent(column)}`;
  const input = {
    rows,
    columns,
    counts: cellCounts,
    href,
    title: t('laOverview.picture.svgTitle', { dimension: t(`laOverview.picture.dimensions.${dimension}`) }),
    description: t('laOverview.picture.svgDescription'),
  };
  const { cells } = heatmapCells(input);
  const all = counts.find((c) => c.level === 'all');
  return {
    svg: heatmapSvg(input, 'local-picture'),
    // The SVG fills its column: a column about its natural width keeps its text near the page's size.
    gridClass:
      columns.length <= 2
        ? 'govuk-grid-column-one-half'
        : columns.length <= 4
          ? 'govuk-grid-column-two-thirds'
          : 'govuk-grid-column-full',
    columns,
    rows: rows.map((row) => ({
      ...row,
      total: total('row', row.key)?.schools ?? 0,
      cells: cells
        .filter((c) => c.row === row.key)
        .map((c) => ({ count: c.count, href: c.href, column: columns.find((col) => col.key === c.column)!.label })),
    })),
    columnTotals: columns.map((column) => total('column', column.key)?.schools ?? 0),
    schools: all?.schools ?? 0,
    priorities: all?.priorities ?? 0,
  };
}
