import { describe, expect, it } from 'vitest';
import { CHART, chartMarkers, progressChartSvg, xOf, yOf } from './progress-chart.ts';
import { defaultTermEnd, reviewDue, reviewPoints } from './review-points.ts';

describe('the progress chart geometry', () => {
  it("puts the plan's first day at the left of the plot and its last at the right, clamping outside dates", () => {
    expect(xOf(2025, '2025-09-01')).toBe(CHART.labelWidth);
    expect(xOf(2025, '2028-08-31')).toBe(CHART.width - CHART.right);
    expect(xOf(2025, '2020-01-01')).toBe(CHART.labelWidth);
    expect(xOf(2025, '2031-01-01')).toBe(CHART.width - CHART.right);
    const middle = xOf(2025, '2027-03-01');
    expect(middle).toBeGreaterThan(CHART.labelWidth + 200);
    expect(middle).toBeLessThan(CHART.labelWidth + 260);
  });

  it('ranks the ratings as an ordinal scale, complete at the top and off track at the bottom', () => {
    expect(yOf('complete')).toBeLessThan(yOf('on_track'));
    expect(yOf('on_track')).toBeLessThan(yOf('some_concerns'));
    expect(yOf('some_concerns')).toBeLessThan(yOf('off_track'));
    expect(yOf('on_track') - yOf('complete')).toBe(CHART.rowHeight);
  });

  it('orders markers by date and draws each with its words on the scale, a title and a description', () => {
    const reviews = [
      { reviewedOn: '2026-03-20', rating: 'on_track' as const },
      { reviewedOn: '2025-12-15', rating: 'off_track' as const },
    ];
    expect(chartMarkers({ firstYear: 2025, reviews }).map((m) => m.reviewedOn)).toEqual(['2025-12-15', '2026-03-20']);
    const svg = progressChartSvg(
      {
        firstYear: 2025,
        reviews,
        points: ['2025-12-19'],
        ratingLabel: (r) => `<${r}>`,
        yearLabel: (y) => `${y} to ${y + 1}`,
        title: 'Reviews & more',
        description: 'How it went',
      },
      'chart',
    );
    expect(svg).toContain('<title id="chart-title">Reviews &amp; more</title>');
    expect(svg).toContain('aria-labelledby="chart-title chart-desc"');
    expect(svg).toContain('&lt;some_concerns&gt;');
    expect(svg).toContain('2027 to 2028');
    expect(svg.match(/<circle /g)).toHaveLength(2);
    expect(svg).toContain(`cy="${yOf('off_track')}"`);
    expect(svg).toContain('<polyline');
  });
});

describe('review points', () => {
  it('defaults to the end of each term, brought back to the Friday when it falls at a weekend', () => {
    expect(defaultTermEnd(2025, 'autumn')).toBe('2025-12-19'); // 20 December 2025 is a Saturday
    expect(defaultTermEnd(2025, 'spring')).toBe('2026-03-31'); // a Tuesday
    expect(defaultTermEnd(2025, 'summer')).toBe('2026-07-20'); // a Monday
    expect(defaultTermEnd(2026, 'summer')).toBe('2027-07-20');
    expect(defaultTermEnd(2027, 'spring')).toBe('2028-03-31'); // a Friday
  });

  it("gives nine points over the plan, the school's own dates replacing the defaults, in date order", () => {
    const points = reviewPoints(2025, [{ academicYear: 2026, term: 'spring', dueOn: '2027-03-26' }]);
    expect(points).toHaveLength(9);
    expect(points[0]).toEqual({ academicYear: 2025, term: 'autumn', dueOn: '2025-12-19', setBySchool: false });
    expect(points[4]).toEqual({ academicYear: 2026, term: 'spring', dueOn: '2027-03-26', setBySchool: true });
    expect(points.map((p) => p.dueOn)).toEqual([...points.map((p) => p.dueOn)].sort());
  });
});

describe('whether a review is due', () => {
  const points = ['2025-12-19', '2026-03-31', '2026-07-20'];
  const since = '2025-09-10';
  const due = (today: string, reviews: { reviewedOn: string; rating: string }[] = []) =>
    reviewDue({ points, reviews, today, since });

  it('says nothing far from a point, due within four weeks of one, overdue once it passed unreviewed', () => {
    expect(due('2025-10-01')).toBeNull();
    expect(due('2025-11-25')).toEqual({ state: 'due', dueOn: '2025-12-19' });
    expect(due('2026-01-05')).toEqual({ state: 'overdue', dueOn: '2025-12-19' });
  });

  it("counts a review in the term, or a late one, for the point; a late one is not also the next term's", () => {
    expect(due('2026-01-05', [{ reviewedOn: '2025-12-10', rating: 'on_track' }])).toBeNull();
    expect(due('2026-01-05', [{ reviewedOn: '2026-01-04', rating: 'on_track' }])).toBeNull();
    expect(due('2026-03-20', [{ reviewedOn: '2026-01-04', rating: 'on_track' }])).toEqual({
      state: 'due',
      dueOn: '2026-03-31',
    });
    expect(
      due('2026-03-20', [
        { reviewedOn: '2025-12-10', rating: 'on_track' },
        { reviewedOn: '2026-03-10', rating: 'on_track' },
      ]),
    ).toBeNull();
  });

  it('ignores points before the priority began, and asks nothing more once it is complete', () => {
    expect(reviewDue({ points, reviews: [], today: '2026-01-20', since: '2026-01-10' })).toBeNull();
    expect(due('2026-05-01', [{ reviewedOn: '2026-02-01', rating: 'complete' }])).toBeNull();
  });
});
