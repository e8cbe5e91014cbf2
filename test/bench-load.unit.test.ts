// The load bench's own arithmetic and verdict (the bench itself runs by hand: `npm run bench:load`).
import { describe, expect, it } from 'vitest';
import { pagesFor } from '../bench/load-pages.ts';
import { outcomeOf, percentile, summarise, timeline, verdictOf, type Sample } from '../bench/load-report.ts';
import { roleCounts, type LoadUser } from '../bench/load-users.ts';

describe('load bench', () => {
  it('splits any number of people across every working role, adding up exactly', () => {
    const counts = roleCounts(200);
    expect([...counts.values()].reduce((a, b) => a + b, 0)).toBe(200);
    expect(Object.fromEntries(counts)).toEqual({
      headteacher: 36,
      school_leader: 28,
      practitioner: 48,
      governor: 28,
      collaborative_lead: 10,
      la_officer: 18,
      improvement_partner: 18,
      wg_official: 14,
    });
    const small = roleCounts(20);
    expect([...small.values()].reduce((a, b) => a + b, 0)).toBe(20);
    expect([...small.values()].every((n) => n >= 1)).toBe(true);
  });

  it('takes nearest-rank percentiles', () => {
    const sorted = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(sorted, 50)).toBe(50);
    expect(percentile(sorted, 99)).toBe(99);
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([], 50)).toBe(0);
  });

  it('fails a refusal, a server error and a redirect to sign in, and passes other redirects', () => {
    expect(outcomeOf(200, null).ok).toBe(true);
    expect(outcomeOf(303, '/schools/6812308/home')).toEqual({ ok: true, redirected: true, label: '303' });
    expect(outcomeOf(303, '/sign-in?next=%2F')).toEqual({ ok: false, redirected: true, label: '303 to sign-in' });
    expect(outcomeOf(403, null).ok).toBe(false);
    expect(outcomeOf(500, null).ok).toBe(false);
  });

  it('times only the measured period but counts failures in the warm-up too', () => {
    const samples: Sample[] = [
      { kind: 'home', ms: 900, ok: false, redirected: false, measured: false, at: 1 },
      { kind: 'home', ms: 10, ok: true, redirected: false, measured: true, at: 11 },
      { kind: 'home', ms: 30, ok: true, redirected: true, measured: true, at: 12 },
      { kind: 'plan', ms: 20, ok: true, redirected: false, measured: true, at: 25 },
    ];
    const { pages, overall } = summarise(samples, ['home', 'plan', 'caseload'], 2);
    expect(pages.map((p) => p.kind)).toEqual(['home', 'plan']);
    expect(pages[0]).toEqual({ kind: 'home', requests: 2, p50: 10, p99: 30, max: 30, redirected: 1, failed: 1 });
    expect(overall).toMatchObject({ requests: 3, failed: 1, max: 30, throughputPerSecond: 1.5 });
    const slices = timeline(
      samples,
      [
        { at: 9, mib: 100 },
        { at: 19, mib: 120 },
        { at: 21, mib: 119 },
      ],
      10,
    );
    expect(slices).toEqual([
      { fromSecond: 0, requests: 1, p50: 900, p99: 900, failed: 1, rssMiB: 100 },
      { fromSecond: 10, requests: 2, p50: 10, p99: 30, failed: 0, rssMiB: 120 },
      { fromSecond: 20, requests: 1, p50: 20, p99: 20, failed: 0, rssMiB: 119 },
    ]);
  });

  it('passes only when nothing failed, nothing was logged as an error and memory stayed within the limit', () => {
    expect(verdictOf(0, 0, 1.2, 1.2).passed).toBe(true);
    expect(verdictOf(1, 0, 1, 1.2)).toMatchObject({ allResponses2xx3xx: false, passed: false });
    expect(verdictOf(0, 1, 1, 1.2)).toMatchObject({ noErrorsLogged: false, passed: false });
    expect(verdictOf(0, 0, 1.21, 1.2)).toMatchObject({ memoryWithinLimit: false, passed: false });
  });

  it('gives the roles between them 10 to 15 kinds of page', () => {
    const base = {
      email: 'x',
      language: 'en' as const,
      school: '6812308',
      la: '681',
      collaborative: 'c1',
      visits: ['6812308'],
    };
    const roles = [
      'headteacher',
      'school_leader',
      'practitioner',
      'governor',
      'collaborative_lead',
      'la_officer',
      'improvement_partner',
      'wg_official',
    ] as const;
    const kinds = new Set(roles.flatMap((role, i) => pagesFor({ ...base, role } as LoadUser, i).map((p) => p.kind)));
    expect(kinds.size).toBeGreaterThanOrEqual(10);
    expect(kinds.size).toBeLessThanOrEqual(15);
    expect(pagesFor({ ...base, role: 'governor' }, 0).map((p) => p.path)).not.toContain('/schools/6812308/evidence');
  });
});
