// A partnership's section for its coordinator (its collaboratives), and Welsh Government's section
// (plans submitted or late in the open planning round, comments to answer).
import type { FastifyRequest } from 'fastify';
import type { Db } from '../../../db/client.ts';
import { belongingCollaboratives } from '../../partnerships/partnership-repository.ts';
import { nationalWork } from '../home-repository.ts';
import { HOME_LIST_CAP, listOf, rowsOf, totalOf, type HomeSection, type LinkGate } from '../home-model.ts';

export async function partnershipSection(
  db: Db,
  request: FastifyRequest,
  gate: LinkGate,
  input: { id: string; name: string },
): Promise<HomeSection> {
  // A partnership's collaboratives are few (derived from its member LAs), so the cap is applied here.
  const collaboratives = await belongingCollaboratives(db, input.id);
  const list = await listOf(request, gate, {
    key: 'collaboratives',
    heading: request.t('home.partnership.collaboratives'),
    total: collaboratives.length,
    allHref: `/partnerships/${input.id}`,
    items: collaboratives.slice(0, HOME_LIST_CAP).map((c) => ({
      text: request.lang === 'cy' ? c.nameCy : c.nameEn,
      href: `/collaboratives/${c.id}`,
    })),
  });
  return { key: `la_partnership:${input.id}`, title: input.name, caption: '', starts: [], lists: [list] };
}

export async function nationalSection(
  db: Db,
  request: FastifyRequest,
  gate: LinkGate,
  input: { today: string },
): Promise<HomeSection> {
  const rows = await nationalWork(db, input.today);
  const t = request.t.bind(request);
  const name = (r: { title: string; ref: string | null }) => (request.lang === 'cy' && r.ref ? r.ref : r.title);
  const plans = (kind: string, heading: string) => {
    const found = rowsOf(rows, kind);
    return listOf(request, gate, {
      key: kind,
      heading,
      total: totalOf(found),
      allHref: '/plans',
      items: found.slice(0, HOME_LIST_CAP).map((r) => ({ text: name(r), href: `/plans/${r.id}` })),
    });
  };
  const lists = await Promise.all([
    plans('submitted', t('home.national.submitted')),
    plans('late', t('home.national.late')),
    plans('comments', t('home.national.comments')),
  ]);
  return { key: 'national', title: t('home.national.title'), caption: '', starts: [], lists };
}
