/**
 * A priority's reviews over the plan's three years as a server-rendered SVG (docs/ARCHITECTURE.md
 * section 5): time across, the four ratings as an ordinal scale up the side, each labelled in words
 * so colour is never the only carrier. The page puts the same reviews in a table beside it.
 */
import { PROGRESS_RATINGS, type ProgressRating } from '../../reference/reference-data.ts';
import { daysBetween, planSpan, planYears } from './review-points.ts';

export const CHART = {
  width: 680,
  labelWidth: 180,
  right: 20,
  top: 12,
  rowHeight: 44,
  axisHeight: 44,
  marker: 7,
} as const;

/** A fill per rating, each marker outlined in near-black so it stands out from the white at 3:1 or more. */
export const RATING_FILL: Record<ProgressRating, string> = {
  off_track: '#d4351c',
  some_concerns: '#f47738',
  on_track: '#00703c',
  complete: '#1d70b8',
};

export type ChartReview = { reviewedOn: string; rating: ProgressRating };
export type ChartInput = {
  firstYear: number;
  reviews: readonly ChartReview[];
  /** Review points (YYYY-MM-DD), drawn as ticks on the time axis. */
  points: readonly string[];
  ratingLabel: (rating: ProgressRating) => string;
  yearLabel: (academicYear: number) => string;
  title: string;
  description: string;
};

const plotWidth = CHART.width - CHART.labelWidth - CHART.right;
const plotBottom = CHART.top + PROGRESS_RATINGS.length * CHART.rowHeight;
export const chartHeight = plotBottom + CHART.axisHeight;

/** Where a date falls across the plot: the plan's first day at the left edge, its last at the right. */
export function xOf(firstYear: number, date: string): number {
  const { start, end } = planSpan(firstYear);
  const share = Math.min(1, Math.max(0, daysBetween(start, date) / daysBetween(start, end)));
  return round(CHART.labelWidth + share * plotWidth);
}

/** The middle of a rating's row: complete at the top, off track at the bottom. */
export function yOf(rating: ProgressRating): number {
  const fromTop = PROGRESS_RATINGS.length - 1 - PROGRESS_RATINGS.indexOf(rating);
  return CHART.top + fromTop * CHART.rowHeight + CHART.rowHeight / 2;
}

const round = (n: number) => Math.round(n * 10) / 10;
const escapeXml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The reviews as markers in date order (several on one day stay in the order recorded). */
export function chartMarkers(input: Pick<ChartInput, 'firstYear' | 'reviews'>) {
  return [...input.reviews]
    .sort((a, b) => a.reviewedOn.localeCompare(b.reviewedOn))
    .map((r) => ({ ...r, x: xOf(input.firstYear, r.reviewedOn), y: yOf(r.rating), fill: RATING_FILL[r.rating] }));
}

export function progressChartSvg(input: ChartInput, id: string): string {
  const markers = chartMarkers(input);
  const text = (x: number, y: number, anchor: string, content: string, extra = '') =>
    `<text x="${x}" y="${y}" text-anchor="${anchor}" font-size="16" fill="#0b0c0c"${extra}>${escapeXml(content)}</text>`;
  const rows = PROGRESS_RATINGS.map((rating) => {
    const y = yOf(rating);
    return (
      `<line x1="${CHART.labelWidth}" x2="${CHART.width - CHART.right}" y1="${y}" y2="${y}" stroke="#b1b4b6" stroke-dasharray="3 4"/>` +
      text(CHART.labelWidth - 10, y + 5, 'end', input.ratingLabel(rating))
    );
  });
  const years = planYears(input.firstYear).map((year) => {
    const x0 = xOf(input.firstYear, `${year}-09-01`);
    const x1 = xOf(input.firstYear, `${year + 1}-08-31`);
    return (
      `<line x1="${x0}" x2="${x0}" y1="${CHART.top}" y2="${plotBottom + 6}" stroke="#505a5f"/>` +
      text(round((x0 + x1) / 2), plotBottom + 34, 'middle', input.yearLabel(year))
    );
  });
  const end = CHART.width - CHART.right;
  const ticks = input.points.map((p) => {
    const x = xOf(input.firstYear, p);
    return `<line x1="${x}" x2="${x}" y1="${plotBottom}" y2="${plotBottom + 8}" stroke="#0b0c0c" stroke-width="2"/>`;
  });
  const path =
    markers.length > 1
      ? `<polyline points="${markers.map((m) => `${m.x},${m.y}`).join(' ')}" fill="none" stroke="#505a5f" stroke-width="2"/>`
      : '';
  const dots = markers.map(
    (m) => `<circle cx="${m.x}" cy="${m.y}" r="${CHART.marker}" fill="${m.fill}" stroke="#0b0c0c" stroke-width="2"/>`,
  );
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="cyd-progress-chart" viewBox="0 0 ${CHART.width} ${chartHeight}" width="100%" preserveAspectRatio="xMinYMin meet">` +
    `<g role="img" aria-labelledby="${id}-title ${id}-desc"><title id="${id}-title">${escapeXml(input.title)}</title><desc id="${id}-desc">${escapeXml(input.description)}</desc>` +
    `${rows.join('')}<line x1="${CHART.labelWidth}" x2="${end}" y1="${plotBottom}" y2="${plotBottom}" stroke="#0b0c0c"/>` +
    `<line x1="${end}" x2="${end}" y1="${CHART.top}" y2="${plotBottom + 6}" stroke="#505a5f"/>` +
    `${years.join('')}${ticks.join('')}${path}${dots.join('')}</g></svg>`
  );
}
