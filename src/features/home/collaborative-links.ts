// Links from a school's home section into its collaboratives' meetings and enquiries, each decided
// as its page's loader would decide it, for all of them at once: one read of the collaboratives and
// one of the enquiries, instead of each link's loader running (three reads a collaborative).
import type { FastifyRequest } from 'fastify';
import type { Db } from '../../db/client.ts';
import { collaborativeCansFor } from '../../access/loaders/collaborative.ts';
import { enquiryCansFor } from '../../access/loaders/enquiry.ts';
import { rowsOf, type HomeItem, type HomeRow } from './home-model.ts';

type Link = Pick<HomeItem, 'href' | 'given'>;

export async function collaborativeLinks(db: Db, request: FastifyRequest, rows: readonly HomeRow[]) {
  const meetings = rowsOf(rows, 'meeting');
  const enquiries = rowsOf(rows, 'enquiry').map((r) => ({ collaborativeId: r.ref ?? '', enquiryId: r.id }));
  const ids = [...meetings.map((r) => r.ref ?? ''), ...enquiries.map((e) => e.collaborativeId)];
  const collaboratives = ids.length ? await collaborativeCansFor(db, request, ids) : new Map();
  const enquiryCans = enquiries.length ? await enquiryCansFor(db, request, enquiries, collaboratives) : new Map();
  return {
    /** A link to the meeting when its collaborative's policy lets the reader into it; none otherwise. */
    meeting(r: HomeRow): Link {
      const can = collaboratives.get(r.ref ?? '');
      return can ? { href: `/collaboratives/${r.ref}/meetings/${r.id}`, given: { collaborative: can } } : {};
    },
    enquiry(r: HomeRow): Link {
      const can = enquiryCans.get(r.id);
      return can ? { href: `/collaboratives/${r.ref}/enquiries/${r.id}`, given: { enquiry: can } } : {};
    },
  };
}
