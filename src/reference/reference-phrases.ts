import { loadCatalogue } from '../plugins/i18n.ts';

let referenceLabels: string[] | null = null;

/**
 * Every reference label in both languages ("Expressive Arts", "Y Dyniaethau"...): never a learner,
 * so the learner-data check lets them pass. Read once from the catalogues, where the labels live.
 */
export function referencePhrases(): readonly string[] {
  if (!referenceLabels) {
    const labels: string[] = [];
    const walk = (node: unknown) => {
      if (typeof node === 'string') labels.push(node);
      else if (node && typeof node === 'object') Object.values(node).forEach(walk);
    };
    for (const lang of ['en', 'cy'] as const) walk(loadCatalogue(lang).reference);
    referenceLabels = labels;
  }
  return referenceLabels;
}
