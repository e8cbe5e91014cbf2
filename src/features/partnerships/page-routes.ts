import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { AppDeps, FeaturePlugin } from '../../app-deps.ts';
import { staffLaCodes, coordinatedPartnershipIds } from '../../policy/collaborative-policy.ts';
import { hasRole } from '../../policy/policy.ts';
import { partnershipStatus, type StaffForm } from './partnership-form.ts';
import { IdParams, laNamer, nameIn, partnershipsRead, view } from './partnership-context.ts';
import { collaborativeCansFor } from '../../access/loaders/collaborative.ts';
import type { PartnershipContext } from '../../access/loaders/partnership.ts';
import { todayInWales } from '../../lib/clock.ts';
import { partnershipRows } from './partnership-presenter.ts';
import * as repo from './partnership-repository.ts';
import { FormText } from '../../lib/request-schemas.ts';
import { partnershipScope } from '../../access/request-scope.ts';
import { scoped } from '../../access/scopes.ts';

const DoneQuery = Type.Object({ done: FormText(20) });
export const EMPTY_STAFF: StaffForm = { name: '', post: '', employingLaCode: '' };

/** The partnership's page: details, members, shared staff (and the add form), coordinators, collaboratives. */
export async function renderPartnership(
  db: AppDeps['database']['db'],
  request: FastifyRequest,
  reply: FastifyReply,
  ctx: PartnershipContext,
  now: Date,
  extra: Record<string, unknown> = {},
  status = 200,
) {
  const p = ctx.partnership;
  const [las, staff, coordinators, collaboratives] = await Promise.all([
    repo.allLocalAuthorities(db),
    repo.listStaff(db, p.id),
    repo.listCoordinators(db, p.id),
    repo.belongingCollaboratives(db, p.id),
  ]);
  const laName = laNamer(request.lang, las);
  const collaborativeCans = await collaborativeCansFor(
    db,
    request,
    collaboratives.map((c) => c.id),
  );
  return reply.status(status).page(view('partnership'), {
    title: nameIn(request.lang, p),
    activeNav: 'localImprovement',
    partnership: p,
    partnershipCan: ctx.can,
    status: partnershipStatus(p, todayInWales(now)),
    members: ctx.laCodes
      .map((code) => ({ code, name: laName(code) }))
      .sort((a, b) => a.name.localeCompare(b.name, request.lang)),
    staff: staff.map((s) => ({ ...s, employer: laName(s.employingLaCode) })),
    coordinators,
    collaboratives: collaboratives.map((c) => ({
      id: c.id,
      name: nameIn(request.lang, c),
      owner: laName(c.laCode),
      schoolLas: c.schoolLas,
      can: collaborativeCans.get(c.id),
    })),
    employerItems: [
      { value: '', text: request.t('partnerships.staff.noEmployer') },
      ...ctx.laCodes.map((code) => ({ value: code, text: laName(code) })),
    ],
    staffForm: EMPTY_STAFF,
    done: (request.query as Record<string, unknown>).done,
    ...extra,
  });
}

/** /partnerships (what the user may see, filtered in SQL) and /partnerships/:id. */
export const partnershipPageRoutes: FeaturePlugin<'database' | 'clock'> = async (app, { database, clock }) => {
  const db = database.db;

  app.get('/partnerships', { config: partnershipsRead }, async (request, reply) => {
    const visibility = {
      all: hasRole(request.user, 'wg_official'),
      partnershipIds: coordinatedPartnershipIds(request.user),
      laCodes: staffLaCodes(request.user),
    };
    const [partnerships, las] = await Promise.all([repo.listVisible(db, visibility), repo.allLocalAuthorities(db)]);
    const ownLas = las
      .filter((la) => staffLaCodes(request.user).includes(la.code))
      .map((la) => ({ code: la.code, name: nameIn(request.lang, la) }));
    return reply.page(view('list'), {
      title: request.t('partnerships.list.title'),
      activeNav: 'localImprovement',
      rows: partnershipRows(request.lang, partnerships, las, clock.now()),
      ownLas,
    });
  });

  app.get(
    '/partnerships/:id',
    { config: scoped(partnershipsRead, 'partnership'), schema: { params: IdParams, querystring: DoneQuery } },
    async (request, reply) => renderPartnership(db, request, reply, partnershipScope(request), clock.now()),
  );
};
