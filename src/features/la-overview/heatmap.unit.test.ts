import { describe, expect, it } from 'vitest';
import { BANDS, bandOf, GEOMETRY, heatmapCells, heatmapSvg, wrap, type HeatmapInput } from './heatmap.ts';

const input = (counts: Record<string, number>): HeatmapInput => ({
  rows: [
    { key: 'a', label: 'Theme A' },
    { key: 'b', label: 'Theme <B> & co' },
  ],
  columns: [
    { key: 'x', label: 'Literacy' },
    { key: 'y', label: 'Attendance' },
  ],
  counts: new Map(Object.entries(counts)),
  title: 'Heatmap "title"',
  description: 'What the shades mean',
  href: (row, column) => `/cell?theme=${row}&column=${column}`,
});

describe('shading bands', () => {
  it.each([
    [0, 8, 0],
    [1, 8, 1],
    [2, 8, 1],
    [3, 8, 2],
    [4, 8, 2],
    [5, 8, 3],
    [6, 8, 3],
    [7, 8, 4],
    [8, 8, 4],
    [1, 1, 4],
    [1, 100, 1],
    [0, 0, 0],
  ])('%i of a largest %i is band %i', (count, max, band) => {
    expect(bandOf(count, max)).toBe(band);
  });
});

describe('the heatmap layout', () => {
  it('places one cell per row and column, left to right and top to bottom, with its count, shade and link', () => {
    const { cells, max } = heatmapCells(input({ 'a|x': 4, 'b|y': 1 }));
    expect(max).toBe(4);
    expect(cells.map((c) => [c.row, c.column, c.count, c.band])).toEqual([
      ['a', 'x', 4, 4],
      ['a', 'y', 0, 0],
      ['b', 'x', 0, 0],
      ['b', 'y', 1, 1],
    ]);
    expect(cells[0]).toMatchObject({
      x: GEOMETRY.labelWidth,
      y: GEOMETRY.headerHeight,
      fill: BANDS[4].fill,
      ink: '#ffffff',
      href: '/cell?theme=a&column=x',
    });
    expect(cells[3]).toMatchObject({
      x: GEOMETRY.labelWidth + GEOMETRY.cellWidth + GEOMETRY.gap,
      y: GEOMETRY.headerHeight + GEOMETRY.cellHeight + GEOMETRY.gap,
    });
    // An empty cell leads nowhere.
    expect(cells[1]!.href).toBeNull();
  });

  it('is all blank when nothing was shared', () => {
    const { cells, max } = heatmapCells(input({}));
    expect(max).toBe(0);
    expect(cells.every((c) => c.band === 0 && c.fill === '#ffffff')).toBe(true);
  });

  it('draws an SVG named and described for assistive technology, with every number as text', () => {
    const svg = heatmapSvg(input({ 'a|x': 4, 'b|y': 1 }), 'pic');
    expect(svg).toMatch(/^<svg [^>]*><g role="img" aria-labelledby="pic-title pic-desc">/);
    expect(svg).toContain(
      '<title id="pic-title">Heatmap &quot;title&quot;</title><desc id="pic-desc">What the shades mean</desc>',
    );
    expect([...svg.matchAll(/font-weight="bold" fill="[^"]+">(\d+)<\/text>/g)].map((m) => m[1])).toEqual([
      '4',
      '0',
      '0',
      '1',
    ]);
    expect(svg).toContain('Theme &lt;B&gt; &amp; co');
    // Pointer users may click a cell; keyboard and screen reader users use the table instead.
    expect(svg).toContain('<a href="/cell?theme=a&amp;column=x" tabindex="-1" aria-hidden="true"><rect');
    // No link inside the image.
    expect(svg.split('</g>')[0]).not.toContain('<a ');
    expect(svg.match(/<a /g)).toHaveLength(2);
  });
});

describe('label wrapping', () => {
  it('wraps words into lines of about the given width', () => {
    expect(wrap('Curriculum, learning and teaching', 15)).toEqual(['Curriculum,', 'learning and', 'teaching']);
    expect(wrap('Attendance', 5)).toEqual(['Attendance']);
    expect(wrap('', 10)).toEqual(['']);
  });
});
