import type { FastifyRequest } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { FeaturePlugin } from '../../app-deps.ts';
import { HttpError } from '../../lib/http-error.ts';
import { createTranslator, isLanguage } from '../../plugins/i18n.ts';
import { isOneOf } from '../../reference/reference-data.ts';
import { SHAREABLE_TYPES } from '../../sharing/share-repository.ts';
import { attachmentStore } from '../evidence/attachment-store.ts';
import { attachmentsOf } from '../evidence/evidence-repository.ts';
import { renderDocx, renderPdf } from '../outputs/renderers.ts';
import { read } from './feed-routes.ts';
import { itemHref, sharedItemModel } from './shared-item.ts';
import { findSharedItem } from './space-repository.ts';
import { FormText, SharedItemId, Uuid } from '../../lib/request-schemas.ts';
import { collaborativeScope } from '../../access/request-scope.ts';
import { scoped } from '../../access/scopes.ts';

// An unknown type or a malformed id fails these patterns: the error handler answers 404, as for an item not shared here.
const ItemParams = Type.Object({
  id: Uuid,
  type: Type.Union(SHAREABLE_TYPES.map((t) => Type.Literal(t))),
  itemId: SharedItemId,
});
const AttachmentParams = Type.Composite([ItemParams, Type.Object({ file: Uuid })]);
const DownloadParams = Type.Composite([
  ItemParams,
  Type.Object({ file: Type.Union([Type.Literal('pdf'), Type.Literal('docx')]) }),
]);
const LanguageQuery = Type.Object({ language: FormText(2) });
const FORMATS = {
  pdf: { type: 'application/pdf', render: renderPdf },
  docx: { type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', render: renderDocx },
} as const;

/** "Report.pdf" as an HTTP header: an ASCII fallback and the exact name (RFC 6266). */
const contentDisposition = (fileName: string) =>
  `attachment; filename="${fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_') || 'attachment'}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;

/** One shared item, read-only, inside the space; its attachments and, for a document, its PDF and Word files. */
export const sharedItemRoutes: FeaturePlugin<'database' | 'config' | 'keys' | 'clock'> = async (
  app,
  { database, config, keys, clock },
) => {
  const db = database.db;
  const tFor = await createTranslator();
  const store = attachmentStore(config.dataDir, keys.attachmentLinks);

  /** The collaborative, the share and the item; 404 unless a current member shares it here. */
  async function load(
    request: FastifyRequest,
    params: { id: string; type: string; itemId: string },
    lang = request.lang,
  ) {
    const { collaborative, can } = collaborativeScope(request);
    if (!isOneOf(SHAREABLE_TYPES, params.type)) throw new HttpError(404, 'not-found');
    const share = await findSharedItem(db, collaborative.id, params.type, params.itemId);
    const loaded = share
      ? await sharedItemModel(
          db,
          collaborative.id,
          params.type,
          params.itemId,
          share.schoolNumber,
          tFor,
          lang,
          clock.now(),
        )
      : null;
    if (!share || !loaded) throw new HttpError(404, 'not-found');
    return { collaborative, can, share, loaded, type: params.type };
  }

  app.get(
    '/collaboratives/:id/shared/:type/:itemId',
    { config: scoped(read, 'collaborative', 'space'), schema: { params: ItemParams } },
    async (request, reply) => {
      const { collaborative, can, share, loaded, type } = await load(request, request.params);
      return reply.page('features/collaborative-space/views/item.njk', {
        title: loaded.title,
        activeNav: 'collaboratives',
        collaborative,
        collabCan: can,
        collaborativeSection: 'shared',
        type,
        share,
        itemTitle: loaded.itemTitle,
        href: itemHref(collaborative.id, type, request.params.itemId),
        ...loaded.model,
      });
    },
  );

  app.get(
    '/collaboratives/:id/shared/:type/:itemId/attachments/:file',
    { config: scoped(read, 'collaborative', 'space'), schema: { params: AttachmentParams } },
    async (request, reply) => {
      const { type, loaded } = await load(request, request.params);
      const attachment =
        type === 'evidence'
          ? (await attachmentsOf(db, (loaded.model.item as { id: string }).id)).find(
              (a) => a.id === request.params.file,
            )
          : undefined;
      if (!attachment || !(await store.exists(attachment.sha256))) throw new HttpError(404, 'not-found');
      return reply
        .header('content-type', attachment.contentType)
        .header('content-disposition', contentDisposition(attachment.fileName))
        .header('content-length', attachment.sizeBytes)
        .header('cache-control', 'private, no-store')
        .send(store.open(attachment.sha256));
    },
  );

  // A shared document as a file: /download/pdf or /download/docx, in ?language= (the page's by default).
  app.get(
    '/collaboratives/:id/shared/:type/:itemId/download/:file',
    { config: scoped(read, 'collaborative', 'space'), schema: { params: DownloadParams, querystring: LanguageQuery } },
    async (request, reply) => {
      const lang = isLanguage(request.query.language) ? request.query.language : request.lang;
      const { type, share, loaded } = await load(request, request.params, lang);
      const format =
        request.params.file === 'pdf' || request.params.file === 'docx' ? FORMATS[request.params.file] : null;
      if (type !== 'output' || !format) throw new HttpError(404, 'not-found');
      const { output, kind } = loaded.model as { output: Parameters<typeof renderPdf>[0]; kind: string };
      const fileName = `${share.schoolNumber}-${kind.replace(/_/g, '-')}-${lang}.${request.params.file}`;
      return reply
        .type(format.type)
        .header('content-disposition', `attachment; filename="${fileName}"`)
        .header('cache-control', 'private, no-store')
        .send(await format.render(output));
    },
  );
};
