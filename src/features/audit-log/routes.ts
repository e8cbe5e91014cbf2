import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';

import { Type } from '@sinclair/typebox';
import type { AppDeps } from '../../app.ts';
import { distinctAuditValues, listAudit } from '../../audit/audit-repository.ts';
import { pageOf, paginationModel } from '../../lib/pagination.ts';

const date = Type.Optional(Type.Union([Type.Literal(''), Type.String({ format: 'date' })]));
const AuditQuery = Type.Object({
  entityType: Type.Optional(Type.String({ maxLength: 60 })),
  action: Type.Optional(Type.String({ maxLength: 60 })),
  actorId: Type.Optional(Type.Union([Type.Literal(''), Type.String({ format: 'uuid' })])),
  from: date,
  to: date,
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 1_000_000 })),
});

export const auditLogRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, { database }) => {
  app.get('/admin/audit', { config: { access: { permission: 'audit.read' } }, schema: { querystring: AuditQuery } }, async (request, reply) => {
    const q = request.query;
    const filter = { entityType: q.entityType || undefined, action: q.action || undefined, actorId: q.actorId || undefined, from: q.from || undefined, to: q.to || undefined };
    const page = pageOf(q.page, 50);
    const [{ rows, total }, options] = await Promise.all([listAudit(database.db, filter, page), distinctAuditValues(database.db)]);
    return reply.page('features/audit-log/views/list.njk', {
      title: request.t('pages.audit.title'), activeNav: 'audit', rows, total, filter, options,
      pagination: paginationModel(request, total, page, request.t),
    });
  });
};
