import { Type } from '@sinclair/typebox';
import type { FeaturePlugin } from '../../app-deps.ts';
import { distinctAuditValues, listAudit } from '../../audit/audit-repository.ts';
import { pageOf, paginationModel } from '../../lib/pagination.ts';
import { BoundedInteger, FormText, Uuid } from '../../lib/request-schemas.ts';

const date = Type.Optional(Type.Union([Type.Literal(''), Type.String({ format: 'date', maxLength: 10 })]));
const AuditQuery = Type.Object({
  entityType: FormText(60),
  action: FormText(60),
  actorId: Type.Optional(Type.Union([Type.Literal(''), Uuid])),
  from: date,
  to: date,
  page: Type.Optional(BoundedInteger(1, 1_000_000)),
});

export const auditLogRoutes: FeaturePlugin<'database'> = async (app, { database }) => {
  app.get(
    '/admin/audit',
    { config: { access: { permission: 'audit.read' } }, schema: { querystring: AuditQuery } },
    async (request, reply) => {
      const q = request.query;
      const filter = {
        entityType: q.entityType || undefined,
        action: q.action || undefined,
        actorId: q.actorId || undefined,
        from: q.from || undefined,
        to: q.to || undefined,
      };
      const page = pageOf(q.page, 50);
      const [{ rows, total }, options] = await Promise.all([
        listAudit(database.db, filter, page),
        distinctAuditValues(database.db),
      ]);
      return reply.page('features/audit-log/views/list.njk', {
        title: request.t('pages.audit.title'),
        activeNav: 'audit',
        rows,
        total,
        filter,
        options,
        pagination: paginationModel(request, total, page, request.t),
      });
    },
  );
};
