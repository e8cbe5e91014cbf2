// Agreement per SLO dimension as a bar chart drawn on the server (issue 18, part 4): SVG with its
// sizes in attributes (the content security policy forbids inline styles), a title and description
// for assistive technology, and always the table beside it with the same figures in words.
export type ChartBar = { label: string; percent: number | null; valueText: string };

const ROW = 46;
const WIDTH = 420;
const BAR_MAX = 300;
const escapeXml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function surveyChartSvg(bars: ChartBar[], title: string, description: string, id: string): string {
  const height = bars.length * ROW + 8;
  const rows = bars.map((b, i) => {
    const y = i * ROW;
    const width = b.percent === null ? 0 : Math.round((b.percent / 100) * BAR_MAX);
    return (
      `<text x="0" y="${y + 16}" font-size="14" fill="#0b0c0c">${escapeXml(b.label)}</text>` +
      `<rect x="0" y="${y + 22}" width="${BAR_MAX}" height="16" fill="#f3f2f1" stroke="#b1b4b6"/>` +
      (width ? `<rect x="0" y="${y + 22}" width="${width}" height="16" fill="#1d70b8"/>` : '') +
      `<text x="${BAR_MAX + 8}" y="${y + 35}" font-size="14" fill="#0b0c0c">${escapeXml(b.valueText)}</text>`
    );
  });
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="cyd-survey-chart" viewBox="0 0 ${WIDTH} ${height}" width="100%" preserveAspectRatio="xMinYMin meet">` +
    `<g role="img" aria-labelledby="${id}-title ${id}-desc"><title id="${id}-title">${escapeXml(title)}</title>` +
    `<desc id="${id}-desc">${escapeXml(description)}</desc>${rows.join('')}</g></svg>`
  );
}
