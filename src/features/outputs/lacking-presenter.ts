import { missingFields, otherOf } from '../../lib/paired-text.ts';
import type { OutputKind } from '../../sharing/share-repository.ts';
import type { documentTexts } from './paired-text-repository.ts';

type Texts = Awaited<ReturnType<typeof documentTexts>>;
export type LackingItem = { title: string; language: string; other: string; href: string; fields: string[] };

/**
 * The items of a document that lack their other-language version (issue 16, part 2: told, not
 * blocked), each with the page where it is written. Every document but the support log carries the
 * plan's priorities; the self-evaluation report carries the findings too.
 */
export function lackingInDocument(kind: OutputKind, texts: Texts, schoolNumber: string): LackingItem[] {
  // The support log lists support given and received, in the words of others' records.
  if (kind === 'support_log') return [];
  const items: LackingItem[] = texts.priorities.map((p) => ({
    title: p.title,
    language: p.language,
    other: otherOf(p.language),
    href: `/schools/${schoolNumber}/other-language/priority/${p.id}`,
    fields: missingFields(p, {
      title: p.title,
      description: p.description,
      learners: p.learners,
      successMeasure: p.successMeasure,
    }),
  }));
  if (kind === 'self_evaluation')
    items.push(
      ...texts.findings.map((f) => ({
        title: f.title,
        language: f.language,
        other: otherOf(f.language),
        href: `/schools/${schoolNumber}/other-language/finding/${f.id}`,
        fields: missingFields(f, { title: f.title, body: f.body }),
      })),
    );
  return items.filter((i) => i.fields.length > 0);
}
