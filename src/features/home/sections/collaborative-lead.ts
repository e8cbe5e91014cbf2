// A collaborative's section for its lead: the next meetings, the enquiries under way, and member
// schools working alone.
import type { FastifyRequest } from 'fastify';
import type { Db } from '../../../db/client.ts';
import { formatDate } from '../../../lib/dates.ts';
import { collaborativeWork } from '../home-repository.ts';
import { listOf, rowsOf, totalOf, type HomeSection, type LinkGate } from '../home-model.ts';

/**
 * A member school is "working alone" when it has joined none of the collaborative's meetings or
 * enquiries and shared nothing into it for this many days: about a school term (13 weeks), long
 * enough that a half-term break or one missed meeting does not count, short enough that the lead
 * hears of it within the term.
 */
export const WORKING_ALONE_DAYS = 91;

export async function collaborativeLeadSection(
  db: Db,
  request: FastifyRequest,
  gate: LinkGate,
  input: { id: string; name: string; today: string; since: string },
): Promise<HomeSection> {
  const rows = await collaborativeWork(db, input.id, input.today, input.since);
  const t = request.t.bind(request);
  const base = `/collaboratives/${input.id}`;
  const meetings = rowsOf(rows, 'meeting');
  const enquiries = rowsOf(rows, 'enquiry');
  const alone = rowsOf(rows, 'alone');
  const lists = await Promise.all([
    listOf(request, gate, {
      key: 'meetings',
      heading: t('home.collaborative.meetings'),
      total: totalOf(meetings),
      allHref: `${base}/meetings`,
      items: meetings.map((r) => ({
        text: r.title,
        lang: r.lang ?? undefined,
        hint: r.day ? formatDate(r.day, request.lang) : '',
        href: `${base}/meetings/${r.id}`,
      })),
    }),
    listOf(request, gate, {
      key: 'enquiries',
      heading: t('home.collaborative.enquiries'),
      total: totalOf(enquiries),
      allHref: `${base}/enquiries`,
      items: enquiries.map((r) => ({
        text: r.title,
        lang: r.lang ?? undefined,
        hint: `${r.ref ?? ''}: ${t(`enquiries.states.${r.day}`)}`,
        href: `${base}/enquiries/${r.id}`,
      })),
    }),
    listOf(request, gate, {
      key: 'alone',
      heading: t('home.collaborative.alone', { days: WORKING_ALONE_DAYS }),
      total: totalOf(alone),
      allHref: `${base}/members`,
      items: alone.map((r) => ({ text: r.title, href: `${base}/members` })),
    }),
  ]);
  const newMeeting = `${base}/meetings/new`;
  const starts = (await gate.open(newMeeting)) ? [{ href: newMeeting, text: t('home.collaborative.arrange') }] : [];
  return { key: `collaborative:${input.id}`, title: input.name, caption: '', starts, lists };
}
