// A governing body's section: its schools' plan revisions waiting for approval, and what was newly
// shared with the governors (the same events the notifications tell them of).
import type { FastifyRequest } from 'fastify';
import type { Db } from '../../../db/client.ts';
import { formatDate } from '../../../lib/dates.ts';
import { governorWork } from '../home-repository.ts';
import { listOf, readerTitle, rowsOf, totalOf, type HomeSection, type LinkGate } from '../home-model.ts';

export async function governorSection(
  db: Db,
  request: FastifyRequest,
  gate: LinkGate,
  input: { governingBodyId: string; name: string; since: string },
): Promise<HomeSection> {
  const rows = await governorWork(db, input.governingBodyId, input.since, request.user!.id);
  const t = request.t.bind(request);
  const revisions = rowsOf(rows, 'revision');
  const shared = rowsOf(rows, 'shared');
  const answers = rowsOf(rows, 'answer');
  const lists = await Promise.all([
    listOf(request, gate, {
      key: 'approvals',
      heading: t('home.governors.approvals'),
      total: totalOf(revisions),
      items: revisions.map((r) => ({
        text: t('home.revisionOf', { number: r.day, school: r.title }),
        href: `/schools/${r.ref}/plan/revisions/${r.day}`,
      })),
    }),
    listOf(request, gate, {
      key: 'shared',
      heading: t('home.governors.shared'),
      total: totalOf(shared),
      items: shared.map((r) => ({
        text: r.title,
        hint: t('home.sharedOn', { school: r.ref ?? '', date: r.day ? formatDate(r.day, request.lang) : '' }),
        href: r.id,
      })),
    }),
    listOf(request, gate, {
      key: 'answers',
      heading: t('home.governors.answers'),
      total: totalOf(answers),
      items: answers.map((r) => ({
        ...readerTitle(r, request.lang),
        hint: r.day ? formatDate(r.day, request.lang) : '',
        href: `/schools/${r.ref}/questions?status=answered`,
      })),
    }),
  ]);
  return { key: `governing_body:${input.governingBodyId}`, title: input.name, caption: '', starts: [], lists };
}
