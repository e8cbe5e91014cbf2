import type { FastifyRequest } from 'fastify';
import type { TFunction } from 'i18next';

export type Page = { number: number; limit: number; offset: number };

export function pageOf(requested: number | undefined, size: number): Page {
  const number = requested && requested > 0 ? requested : 1;
  return { number, limit: size, offset: (number - 1) * size };
}

/** Items for the GOV.UK pagination component, keeping every other query parameter. */
export function paginationModel(request: FastifyRequest, total: number, page: Page, t: TFunction) {
  const pages = Math.max(1, Math.ceil(total / page.limit));
  if (pages <= 1) return null;
  const hrefFor = (n: number) => {
    const url = new URL(request.url, 'http://x');
    url.searchParams.set('page', String(n));
    url.searchParams.delete('lang');
    return `${url.pathname}${url.search}`;
  };
  const near = new Set([1, pages, page.number - 1, page.number, page.number + 1].filter((n) => n >= 1 && n <= pages));
  const items: {
    number?: number;
    href?: string;
    current?: boolean;
    ellipsis?: boolean;
    visuallyHiddenText?: string;
  }[] = [];
  let last = 0;
  for (const n of [...near].sort((a, b) => a - b)) {
    if (n - last > 1) items.push({ ellipsis: true });
    items.push({
      number: n,
      href: hrefFor(n),
      current: n === page.number,
      visuallyHiddenText: t('common.pagination.page', { number: n }),
    });
    last = n;
  }
  return {
    items,
    previous: page.number > 1 ? { href: hrefFor(page.number - 1), text: t('common.pagination.previous') } : undefined,
    next: page.number < pages ? { href: hrefFor(page.number + 1), text: t('common.pagination.next') } : undefined,
    landmarkLabel: t('common.pagination.label'),
    from: page.offset + 1,
    to: Math.min(total, page.offset + page.limit),
    total,
  };
}
