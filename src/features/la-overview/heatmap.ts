/**
 * The consolidated picture as a heatmap: a server-rendered SVG grid (docs/ARCHITECTURE.md section 6) whose
 * shade deepens with the number of schools, with the number printed in every cell so colour is
 * never the only carrier, and the same figures as a table beside it. It shades counts of schools'
 * shared priorities, never schools: no school is ranked or given a colour (DOMAIN.md rule 6).
 */
export type Axis = { key: string; label: string };
export type HeatmapInput = {
  rows: Axis[];
  columns: Axis[];
  /** Distinct schools per cell, keyed `${row}|${column}`; a missing cell is 0. */
  counts: ReadonlyMap<string, number>;
  title: string;
  description: string;
  /** Where a cell with schools leads (the priorities behind it). */
  href: (row: string, column: string) => string;
};
export type HeatmapCell = {
  row: string;
  column: string;
  count: number;
  band: number;
  x: number;
  y: number;
  fill: string;
  ink: string;
  href: string | null;
};

/** Five shades of one blue, lightest for none; dark cells take white numbers (contrast above 4.5:1). */
export const BANDS = [
  { fill: '#ffffff', ink: '#0b0c0c' },
  { fill: '#d2e2f1', ink: '#0b0c0c' },
  { fill: '#a5c5e4', ink: '#0b0c0c' },
  { fill: '#2b75b8', ink: '#ffffff' },
  { fill: '#003078', ink: '#ffffff' },
] as const;

export const GEOMETRY = {
  labelWidth: 250,
  headerHeight: 70,
  cellWidth: 120,
  cellHeight: 56,
  gap: 4,
  lineHeight: 16,
  charsPerLine: { row: 30, column: 15 },
} as const;

/** 0 for none; otherwise 1 to 4 in equal steps of the largest count, so one school always shows. */
export function bandOf(count: number, max: number): number {
  if (count <= 0 || max <= 0) return 0;
  return Math.min(4, Math.max(1, Math.ceil((count / max) * 4)));
}

/** Words wrapped into lines of about `width` characters (a long word stays whole). */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const last = lines.at(-1);
    if (last !== undefined && last.length + 1 + word.length <= width) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines.length ? lines : [''];
}

const escapeXml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function heatmapCells(input: HeatmapInput): { cells: HeatmapCell[]; max: number } {
  const g = GEOMETRY;
  const max = Math.max(0, ...input.counts.values());
  const cells = input.rows.flatMap((row, r) =>
    input.columns.map((column, c) => {
      const count = input.counts.get(`${row.key}|${column.key}`) ?? 0;
      const band = bandOf(count, max);
      return {
        row: row.key,
        column: column.key,
        count,
        band,
        ...BANDS[band]!,
        x: g.labelWidth + c * (g.cellWidth + g.gap),
        y: g.headerHeight + r * (g.cellHeight + g.gap),
        href: count > 0 ? input.href(row.key, column.key) : null,
      };
    }),
  );
  return { cells, max };
}

function textLines(lines: string[], x: number, y: number, anchor: 'start' | 'middle' | 'end'): string {
  const spans = lines
    .map((line, i) => `<tspan x="${x}" dy="${i === 0 ? 0 : GEOMETRY.lineHeight}">${escapeXml(line)}</tspan>`)
    .join('');
  return `<text x="${x}" y="${y}" text-anchor="${anchor}" font-size="14" fill="#0b0c0c">${spans}</text>`;
}

/**
 * The SVG: a `role="img"` group named by its title and described by its description, holding
 * every label, shade and number. Cells with schools link to the priorities behind them for
 * pointer users, through transparent shapes laid over the picture outside that group (links
 * may not sit inside an image); they are kept out of the tab order and the accessibility tree
 * because the table below carries the same links for everyone.
 */
export function heatmapSvg(input: HeatmapInput, id: string): string {
  const g = GEOMETRY;
  const { cells } = heatmapCells(input);
  const width = g.labelWidth + input.columns.length * (g.cellWidth + g.gap);
  const height = g.headerHeight + input.rows.length * (g.cellHeight + g.gap);
  const headers = input.columns.map((column, c) => {
    const lines = wrap(column.label, g.charsPerLine.column).slice(0, 3);
    const x = g.labelWidth + c * (g.cellWidth + g.gap) + g.cellWidth / 2;
    return textLines(lines, x, g.headerHeight - 10 - (lines.length - 1) * g.lineHeight, 'middle');
  });
  const rowLabels = input.rows.map((row, r) => {
    const lines = wrap(row.label, g.charsPerLine.row).slice(0, 3);
    const y =
      g.headerHeight + r * (g.cellHeight + g.gap) + g.cellHeight / 2 + 5 - ((lines.length - 1) * g.lineHeight) / 2;
    return textLines(lines, g.labelWidth - 12, y, 'end');
  });
  const body = cells.map(
    (cell) =>
      `<rect x="${cell.x}" y="${cell.y}" width="${g.cellWidth}" height="${g.cellHeight}" fill="${cell.fill}" stroke="#505a5f" stroke-width="1"/>` +
      `<text x="${cell.x + g.cellWidth / 2}" y="${cell.y + g.cellHeight / 2 + 7}" text-anchor="middle" font-size="20" font-weight="bold" fill="${cell.ink}">${cell.count}</text>`,
  );
  const links = cells
    .filter((cell) => cell.href)
    .map(
      (cell) =>
        `<a href="${escapeXml(cell.href!)}" tabindex="-1" aria-hidden="true"><rect x="${cell.x}" y="${cell.y}" width="${g.cellWidth}" height="${g.cellHeight}" fill="transparent"/></a>`,
    );
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="cyd-heatmap" viewBox="0 0 ${width} ${height}" width="100%" preserveAspectRatio="xMinYMin meet">` +
    `<g role="img" aria-labelledby="${id}-title ${id}-desc"><title id="${id}-title">${escapeXml(input.title)}</title><desc id="${id}-desc">${escapeXml(input.description)}</desc>` +
    `${headers.join('')}${rowLabels.join('')}${body.join('')}</g>${links.join('')}</svg>`
  );
}
