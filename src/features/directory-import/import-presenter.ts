import type { TFunction } from 'i18next';
import type { Preview } from './import-service.ts';

const SHOWN = 200;

/** What the preview page lists: every count, and the first schools of each kind of change. */
export function previewModel(preview: Extract<Preview, { ok: true }>, t: TFunction) {
  const { plan } = preview;
  const fieldLabel = (field: string) => t(`pages.directoryImport.fields.${field}`);
  return {
    sha256: preview.sha256,
    editionDate: preview.editionDate,
    schoolCount: preview.schoolCount,
    counts: {
      added: plan.added.length,
      changed: plan.changed.length,
      reopened: plan.reopened.length,
      closed: plan.closed.length,
      unchanged: plan.unchanged,
    },
    nothingToDo: plan.added.length + plan.changed.length + plan.reopened.length + plan.closed.length === 0,
    added: plan.added.slice(0, SHOWN),
    changed: plan.changed.slice(0, SHOWN).map((c) => ({
      school: c.school,
      fields: Object.entries(c.fields).map(([field, change]) => ({
        label: fieldLabel(field),
        before: change?.before ?? '',
        after: change?.after ?? '',
      })),
    })),
    reopened: plan.reopened.slice(0, SHOWN).map((r) => r.school),
    closed: plan.closed.slice(0, SHOWN),
    shown: SHOWN,
  };
}
