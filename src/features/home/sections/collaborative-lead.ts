// A collaborative's section for its lead: the next meetings, the enquiries under way, and member
// schools working alone.
import type { FastifyRequest } from 'fastify';
import type { Db } from '../../../db/client.ts';
import { formatDate } from '../../../lib/dates.ts';
import { collaborativeWork } from '../home-repository.ts';
import { collaborativeCansFor } from '../../../access/loaders/collaborative.ts';
import { enquiryCansFor } from '../../../access/loaders/enquiry.ts';
import { listOf, readerTitle, rowsOf, totalOf, type HomeSection, type LinkGate } from '../home-model.ts';

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
  // The collaborative's own `can` and its enquiries', decided once for every link below.
  const can = (await collaborativeCansFor(db, request, [input.id])).get(input.id);
  const given = can ? { collaborative: can } : undefined;
  const enquiryCans = can
    ? await enquiryCansFor(
        db,
        request,
        rowsOf(rows, 'enquiry').map((r) => ({ collaborativeId: input.id, enquiryId: r.id })),
        new Map([[input.id, can]]),
      )
    : new Map();
  const t = request.t.bind(request);
  const base = `/collaboratives/${input.id}`;
  const meetings = rowsOf(rows, 'meeting');
  const enquiries = rowsOf(rows, 'enquiry');
  const alone = rowsOf(rows, 'alone');
  const lists = await Promise.all([
    listOf(
      request,
      gate,
      {
        key: 'meetings',
        heading: t('home.collaborative.meetings'),
        total: totalOf(meetings),
        allHref: `${base}/meetings`,
        items: meetings.map((r) => ({
          ...readerTitle(r, request.lang),
          hint: r.day ? formatDate(r.day, request.lang) : '',
          href: can ? `${base}/meetings/${r.id}` : undefined,
        })),
      },
      given,
    ),
    listOf(
      request,
      gate,
      {
        key: 'enquiries',
        heading: t('home.collaborative.enquiries'),
        total: totalOf(enquiries),
        allHref: `${base}/enquiries`,
        items: enquiries.map((r) => ({
          ...readerTitle(r, request.lang),
          hint: `${r.ref ?? ''}: ${t(`enquiries.states.${r.day}`)}`,
          ...(enquiryCans.has(r.id)
            ? { href: `${base}/enquiries/${r.id}`, given: { enquiry: enquiryCans.get(r.id)! } }
            : {}),
        })),
      },
      given,
    ),
    listOf(
      request,
      gate,
      {
        key: 'alone',
        heading: t('home.collaborative.alone', { days: WORKING_ALONE_DAYS }),
        total: totalOf(alone),
        allHref: `${base}/members`,
        items: alone.map((r) => ({ text: r.title, href: can ? `${base}/members` : undefined })),
      },
      given,
    ),
  ]);
  const newMeeting = `${base}/meetings/new`;
  const starts =
    given && (await gate.open(newMeeting, given)) ? [{ href: newMeeting, text: t('home.collaborative.arrange') }] : [];
  return { key: `collaborative:${input.id}`, title: input.name, caption: '', starts, lists };
}
