import multipart from '@fastify/multipart';
import type { FeaturePlugin } from '../../app-deps.ts';
import { attachmentStore, MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS } from './attachment-store.ts';
import { evidenceFormRoutes } from './evidence-form-routes.ts';
import { evidenceItemRoutes } from './evidence-item-routes.ts';
import { evidenceListRoutes } from './evidence-list-routes.ts';

/** A school's evidence: recording it (with attachments), the searchable list, each item's page. */
export const evidenceRoutes: FeaturePlugin<'database' | 'config' | 'keys' | 'clock'> = async (
  app,
  { database, config, keys, clock },
) => {
  const store = attachmentStore(config.dataDir, keys.attachmentLinks);
  // Encapsulated: only this feature (and the directory import) accepts multipart bodies. Files
  // over the limit arrive cut short and marked, so the form can say which one was too big.
  await app.register(multipart, {
    attachFieldsToBody: true,
    throwFileSizeLimit: false,
    limits: { fileSize: MAX_ATTACHMENT_BYTES, files: MAX_ATTACHMENTS * 3, fields: 200, fieldSize: 100_000 },
  });
  evidenceListRoutes(app, database.db, clock);
  evidenceFormRoutes(app, database.db, store, clock);
  evidenceItemRoutes(app, database.db, store, clock);
};
