// Adding many people at once from a CSV file: upload, a preview naming every problem by line and
// column, then apply. The parsed rows are kept on the server (people_uploads), for this reader and
// this place only, for UPLOAD_HOURS: the apply form sends back nothing but the upload's id, and
// every row is checked again when applied, in the same transaction that gives the roles.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { MultipartFile, MultipartValue } from '@fastify/multipart';
import { Type } from '@sinclair/typebox';
import { HttpError } from '../../lib/http-error.ts';
import type { Clock } from '../../lib/clock.ts';
import { Uuid } from '../../lib/request-schemas.ts';
import { COLUMNS, MAX_ROWS, readPeopleCsv, type CsvRow } from './people-csv.ts';
import * as people from './people-service.ts';
import * as repo from './people-repository.ts';
import type { PeoplePage } from './people-routes.ts';
import { grantableRoles } from './people-routes.ts';
import type { UserServiceDeps } from './user-service.ts';

const view = (name: string) => `features/users/views/people/${name}.njk`;
const HOUR_MS = 3600_000;

export function registerPeopleUpload(
  app: FastifyInstance,
  page: PeoplePage,
  deps: UserServiceDeps,
  clock: Clock,
  logTo: (request: FastifyRequest) => (err: unknown) => void,
) {
  const withUpload = Type.Composite([page.params, Type.Object({ uploadId: Uuid })]);

  function renderStart(request: FastifyRequest, reply: FastifyReply, status = 200, error?: string) {
    const { place, base, placeName, activeNav } = page.place(request);
    return reply.status(status).page(view('upload'), {
      title: request.t('people.upload.title', { place: placeName }),
      activeNav,
      base,
      placeName,
      kind: place.kind,
      roles: grantableRoles(request, place),
      maxRows: MAX_ROWS,
      ...(error ? { errors: [{ text: error, href: '#file' }], fieldErrors: { file: { text: error } } } : {}),
    });
  }

  async function renderPreview(
    request: FastifyRequest,
    reply: FastifyReply,
    uploadId: string,
    rows: CsvRow[],
    status = 200,
  ) {
    const { place, base, placeName, activeNav } = page.place(request);
    const { grants, problems } = await people.checkUpload(
      deps.db,
      request.user!,
      place,
      rows,
      clock.now(),
      request.lang,
    );
    return reply.status(status).page(view('preview'), {
      title: request.t('people.upload.preview.title'),
      activeNav,
      base,
      placeName,
      uploadId,
      grants: grants.map((g) => ({ ...g, school: g.place.kind === 'school' ? g.place.school.number : '' })),
      problems: problems.map((p) => ({
        line: p.line,
        column: p.column,
        message: request.t(p.key, { line: p.duplicateOf }),
      })),
      showSchool: place.kind === 'la',
    });
  }

  app.get(`${page.path}/upload`, { config: page.config, schema: { params: page.params } }, (request, reply) =>
    renderStart(request, reply),
  );

  app.post(`${page.path}/upload`, { config: page.config, schema: { params: page.params } }, async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, MultipartFile | MultipartValue | undefined>;
    const file = body.file && 'toBuffer' in body.file ? body.file : null;
    let content: Buffer | null = null;
    try {
      content = file ? await file.toBuffer() : null;
    } catch {
      // Over the size limit: refused as too many rows, in the reader's language.
      return renderStart(request, reply, 400, request.t('people.upload.errors.tooManyRows', { max: MAX_ROWS }));
    }
    if (!content || content.length === 0)
      return renderStart(request, reply, 400, request.t('people.upload.errors.noFile'));
    const read = readPeopleCsv(content);
    if (!read.ok)
      return renderStart(
        request,
        reply,
        400,
        request.t(`people.upload.errors.${read.problem}`, { max: MAX_ROWS, columns: COLUMNS.join(', ') }),
      );
    const now = clock.now();
    const uploadId = await people.holdUpload(
      deps.db,
      request.user!.id,
      people.placeKey(page.place(request).place),
      read.rows,
      now,
    );
    return renderPreview(request, reply, uploadId, read.rows);
  });

  app.post(
    `${page.path}/upload/:uploadId/apply`,
    { config: page.config, schema: { params: withUpload } },
    async (request, reply) => {
      const { uploadId } = request.params as { uploadId: string };
      const { place, base } = page.place(request);
      const since = new Date(clock.now().getTime() - people.UPLOAD_HOURS * HOUR_MS);
      const upload = await repo.findUpload(deps.db, uploadId, request.user!.id, people.placeKey(place), since);
      if (!upload) throw new HttpError(404, 'not-found');
      const rows = upload.rows as CsvRow[];
      // Checked again: a role or a school may have changed since the preview.
      const { grants, problems } = await people.checkUpload(
        deps.db,
        request.user!,
        place,
        rows,
        clock.now(),
        request.lang,
      );
      if (problems.length > 0 || grants.length === 0) return renderPreview(request, reply, uploadId, rows, 400);
      await people.applyUpload(deps, request.user!.id, uploadId, grants, since, logTo(request));
      return reply.redirect(`${base}?done=uploaded`, 303);
    },
  );
}
