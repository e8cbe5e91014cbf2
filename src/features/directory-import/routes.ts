import type { FastifyReply, FastifyRequest } from 'fastify';
import multipart, { type MultipartFile, type MultipartValue } from '@fastify/multipart';
import { Type } from '@sinclair/typebox';
import type { FeaturePlugin } from '../../app-deps.ts';
import { HttpError } from '../../lib/http-error.ts';
import { previewImport, sha256 } from './import-service.ts';
import { readImportJob, startImportJob } from './import-jobs.ts';
import { describeProblem } from './import-problems.ts';
import { directoryCounts, listImports } from './import-repository.ts';
import { previewModel } from './import-presenter.ts';
import { ACCEPTED_EXTENSIONS, uploadStore } from './upload-store.ts';
import { Uuid } from '../../lib/request-schemas.ts';

const importAccess = { access: { permission: 'directory.import' } } as const;
const MAX_FILE_BYTES = 20 * 1024 * 1024;
const ApplyBody = Type.Object({
  sha256: Type.String({ pattern: '^[0-9a-f]{64}$', maxLength: 64 }),
  extension: Type.Union(ACCEPTED_EXTENSIONS.map((e) => Type.Literal(e))),
  fileName: Type.String({ minLength: 1, maxLength: 255 }),
});

export const directoryImportRoutes: FeaturePlugin<'database' | 'config' | 'clock' | 'jobs'> = async (
  app,
  { database, config, clock, jobs },
) => {
  const db = database.db;
  const store = uploadStore(config.dataDir);
  const view = (name: string) => `features/directory-import/views/${name}.njk`;
  // Encapsulated: only this feature accepts multipart bodies.
  await app.register(multipart, {
    attachFieldsToBody: true,
    limits: { fileSize: MAX_FILE_BYTES, files: 1, fields: 4 },
  });

  async function renderStart(
    request: FastifyRequest,
    reply: FastifyReply,
    status = 200,
    extra: Record<string, unknown> = {},
  ) {
    const [imports, counts] = await Promise.all([listImports(db), directoryCounts(db)]);
    return reply.status(status).page(view('start'), {
      title: request.t('pages.directoryImport.title'),
      activeNav: 'directoryImport',
      imports,
      counts,
      ...extra,
    });
  }

  app.get('/admin/directory', { config: importAccess }, (request, reply) => renderStart(request, reply));

  app.post('/admin/directory/preview', { config: importAccess }, async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, MultipartFile | MultipartValue | undefined>;
    const file = body.file && 'toBuffer' in body.file ? body.file : null;
    const content = file ? await file.toBuffer() : null;
    if (!file || !content || content.length === 0) {
      const message = request.t('pages.directoryImport.errors.noFile');
      return renderStart(request, reply, 400, {
        errors: [{ text: message, href: '#file' }],
        fieldErrors: { file: { text: message } },
      });
    }
    const preview = await previewImport(db, file.filename, content, clock.now());
    if (!preview.ok) {
      const problems = preview.problems.map((p) => describeProblem(p, request.t));
      return renderStart(request, reply, 400, {
        errors: [
          { text: request.t('pages.directoryImport.errors.cannotImport', { file: file.filename }), href: '#problems' },
        ],
        problems,
        refusedFile: file.filename,
      });
    }
    const extension = file.filename.toLowerCase().split('.').pop()!;
    await store.save(preview.sha256, extension, content);
    return reply.page(view('preview'), {
      title: request.t('pages.directoryImport.preview.title'),
      activeNav: 'directoryImport',
      fileName: file.filename,
      extension,
      ...previewModel(preview, request.t),
    });
  });

  app.post('/admin/directory/apply', { config: importAccess, schema: { body: ApplyBody } }, async (request, reply) => {
    const { sha256: hash, extension, fileName } = request.body;
    const content = await store.load(hash, extension);
    if (!content || sha256(content) !== hash) throw new HttpError(400, 'bad-request');
    const preview = await previewImport(db, fileName, content, clock.now());
    const total = preview.ok
      ? preview.plan.added.length +
        preview.plan.changed.length +
        preview.plan.reopened.length +
        preview.plan.closed.length
      : 0;
    // The file stays in the upload store; the job carries its hash and runs on the job runner.
    const jobId = await startImportJob(jobs, { fileName, sha256: hash, extension, startedBy: request.user!.id, total });
    return reply.redirect(`/admin/directory/imports/${jobId}`, 303);
  });

  app.get(
    '/admin/directory/imports/:jobId',
    { config: importAccess, schema: { params: Type.Object({ jobId: Uuid }) } },
    async (request, reply) => {
      const job = await readImportJob(jobs, request.params.jobId);
      if (!job) throw new HttpError(404, 'not-found');
      const percent = job.total === 0 ? 100 : Math.round((job.done / job.total) * 100);
      const problems = job.problems.map((p) => describeProblem(p, request.t));
      return reply.page(view('job'), {
        title: request.t('pages.directoryImport.job.title'),
        activeNav: 'directoryImport',
        job,
        percent,
        problems,
      });
    },
  );
};
