// An LA's section for its improvement partners and officers: new support requests to broker,
// collaboratives with nothing happening, concern-case reviews due (officers only, from the
// calendar's deadlines, which name a case's restricted people alone), and the person's caseload,
// or the local picture when they have none.
import type { FastifyRequest } from 'fastify';
import type { Db } from '../../../db/client.ts';
import { formatDate } from '../../../lib/dates.ts';
import type { FeedDeadline } from '../../calendar/deadline-repository.ts';
import { laWork } from '../home-repository.ts';
import { listOf, readerTitle, rowsOf, totalOf, type HomeSection, type LinkGate } from '../home-model.ts';

export async function laStaffSection(
  db: Db,
  request: FastifyRequest,
  gate: LinkGate,
  input: {
    code: string;
    name: string;
    officer: boolean;
    today: string;
    since: string;
    deadlines: FeedDeadline[];
    caseload: number;
  },
): Promise<HomeSection> {
  const rows = await laWork(db, input.code, input.today, input.since);
  const t = request.t.bind(request);
  const base = `/local-authorities/${input.code}`;
  const day = (d: string | null) => (d ? formatDate(d, request.lang) : '');
  const requests = rowsOf(rows, 'request');
  const quiet = rowsOf(rows, 'quiet');
  const reviews = input.officer
    ? input.deadlines.filter((d) => d.kind === 'concern_review' && d.la_code === input.code)
    : [];
  const rounds = input.officer
    ? input.deadlines.filter((d) => d.kind === 'round_deadline' && d.la_code === input.code)
    : [];
  const lists = await Promise.all([
    listOf(request, gate, {
      key: 'requests',
      heading: t('home.la.requests'),
      total: totalOf(requests),
      allHref: `${base}/brokering`,
      items: requests.map((r) => {
        const need = readerTitle(r, request.lang);
        return {
          text: r.ref ?? '',
          hint: need.text,
          hintLang: need.lang,
          hintMarked: need.marked,
          href: `${base}/brokering`,
        };
      }),
    }),
    listOf(request, gate, {
      key: 'quiet',
      heading: t('home.la.quiet'),
      total: totalOf(quiet),
      allHref: `${base}/collaboration-gaps`,
      items: quiet.map((r) => ({
        text: request.lang === 'cy' && r.ref ? r.ref : r.title,
        href: `/collaboratives/${r.id}`,
      })),
    }),
    listOf(request, gate, {
      key: 'reviews',
      heading: t('home.la.reviews'),
      total: reviews.length,
      items: reviews.map((d) => ({
        text: d.title_en,
        hint: t('home.due', { date: day(d.day) }),
        href: `/concern-cases/${d.record_id}`,
      })),
    }),
    listOf(request, gate, {
      key: 'rounds',
      heading: t('home.la.rounds'),
      total: rounds.length,
      items: rounds.map((d) => ({
        text: request.lang === 'cy' ? d.title_cy : d.title_en,
        hint: t('home.due', { date: day(d.day) }),
        href: `/plans/${d.record_id}`,
      })),
    }),
  ]);
  // The caseload page lists what the person facilitates; with nothing to facilitate, the local picture is the start.
  const start = input.caseload > 0 ? '/caseload' : '/local-improvement';
  const text = input.caseload > 0 ? t('home.la.caseload', { count: input.caseload }) : t('home.la.picture');
  const starts = (await gate.open(start)) ? [{ href: start, text }] : [];
  return { key: `la:${input.code}`, title: input.name, caption: '', starts, lists };
}
