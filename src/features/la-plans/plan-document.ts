import type { TFunction } from 'i18next';
import { formatDate } from '../../lib/dates.ts';
import { forReader } from '../../lib/paired-text.ts';
import type { Block, OutputDocument } from '../outputs/output-document.ts';
import type { PlanWithContext } from '../../national/planning-repository.ts';
import type { PlanSnapshot } from './plan-repository.ts';

/**
 * A plan (now, or one of its versions) as the neutral document the outputs renderers take: the
 * interface texts and section titles in the chosen language, each answer in that language when the
 * LA wrote it in both, otherwise as written and marked with its language.
 */
export function planDocument(
  plan: PlanWithContext,
  snapshot: PlanSnapshot,
  t: TFunction,
  lang: 'en' | 'cy',
  version: { number: number; state: string; createdAt: Date } | null,
): OutputDocument {
  const la = lang === 'cy' ? plan.laNameCy : plan.laNameEn;
  const round = lang === 'cy' ? plan.round.titleCy : plan.round.titleEn;
  const state = t(`laPlans.states.${version?.state ?? plan.state}`);
  const subtitle = version
    ? t('laPlans.export.subtitleVersion', {
        round,
        number: version.number,
        state,
        date: formatDate(version.createdAt, lang),
      })
    : t('laPlans.export.subtitle', { round, state, deadline: formatDate(plan.round.deadline, lang) });
  return {
    kind: 'la_plan',
    language: lang,
    title: t('laPlans.export.title'),
    schoolName: la,
    subtitle,
    sections: snapshot.sections.map((s) => {
      // The answer in the document's language when the LA wrote it in both, else as written, marked.
      const shown = forReader({ language: s.language, otherLanguage: s.otherLanguage }, s.body, 'body', lang);
      const paragraphs = shown.text
        .split(/\n\s*\n/)
        .map((p) => p.trim())
        .filter(Boolean);
      const note: Block[] = shown.marked
        ? [{ type: 'paragraph', text: [{ text: `(${t(`common.writtenIn.${shown.lang}`)})`, note: true }] }]
        : [];
      return {
        heading: lang === 'cy' ? s.titleCy : s.titleEn,
        blocks: paragraphs.length
          ? [...note, ...paragraphs.map((text) => ({ type: 'paragraph' as const, text, lang: shown.lang }))]
          : [{ type: 'paragraph' as const, text: t('laPlans.export.noAnswer') }],
      };
    }),
    footer: t('laPlans.export.footer', { la, round }),
  };
}
