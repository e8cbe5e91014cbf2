import type { TFunction } from 'i18next';
import { formatDate } from '../../lib/dates.ts';
import type { Block, OutputDocument, Section } from '../outputs/output-document.ts';
import { isCopyRecipient } from './concern-reference.ts';
import type { CaseWithSchool } from '../../local-authority/concern-case-repository.ts';
import type { WarningNotice } from './concern-repository.ts';
import { complianceEnds } from './concern-rules.ts';

type Translators = { cy: TFunction; en: TFunction };
const LANGS = ['cy', 'en'] as const;

/**
 * The warning notice as one bilingual document, Welsh first, as Welsh public bodies publish: each
 * heading and statutory sentence in both languages, the officer's own text as written with its
 * language noted. Rendered by the outputs feature's PDF renderer so the fonts (Welsh letters) and
 * layout are the same everywhere.
 */
export function noticeDocument(c: CaseWithSchool, notice: WarningNotice, t: Translators): OutputDocument {
  const both = (key: string, options: Record<string, unknown> = {}) => LANGS.map((l) => t[l](key, options)).join(' / ');
  const bothParagraphs = (
    key: (l: 'cy' | 'en') => string,
    options: (l: 'cy' | 'en') => Record<string, unknown> = () => ({}),
  ): Block[] => LANGS.map((l) => ({ type: 'paragraph', text: t[l](key(l), options(l)), lang: l }));
  const asWritten = (value: string): Block[] => [
    {
      type: 'paragraph',
      text: LANGS.map((l) =>
        t[l]('concern.pdf.asWritten', { language: t[l](`concern.languages.${notice.language}`) }),
      ).join(' / '),
    },
    { type: 'paragraph', text: value, lang: notice.language },
  ];
  const la = { cy: c.laNameCy, en: c.laNameEn };
  const ends = complianceEnds(notice.issuedOn, notice.compliancePeriodDays);
  const copies = notice.copiesTo.map((copy) => ({
    text: isCopyRecipient(copy) ? both(`concern.copies.${copy}`) : copy,
  }));

  const sections: Section[] = [
    {
      heading: both('concern.pdf.to'),
      blocks: [
        ...bothParagraphs(
          () => 'concern.pdf.toGoverningBody',
          () => ({ school: c.schoolName, number: c.schoolNumber }),
        ),
        {
          type: 'facts',
          rows: [
            [both('concern.pdf.from'), LANGS.map((l) => la[l]).join(' / ')],
            [both('concern.pdf.issuedOn'), LANGS.map((l) => formatDate(notice.issuedOn, l)).join(' / ')],
          ],
        },
      ],
    },
    {
      heading: both('concern.notice.grounds'),
      blocks: [
        ...bothParagraphs(() => 'concern.pdf.groundsIntro'),
        { type: 'bullets', items: notice.grounds.map((g) => ({ text: both(`concern.groundsNumbered.${g}`) })) },
      ],
    },
    { heading: both('concern.notice.reasons'), blocks: asWritten(notice.reasons) },
    {
      heading: both('concern.notice.requiredAction'),
      blocks: [...bothParagraphs(() => 'concern.pdf.requiredActionIntro'), ...asWritten(notice.requiredAction)],
    },
    {
      heading: both('concern.notice.compliancePeriod'),
      blocks: bothParagraphs(
        () => 'concern.pdf.complianceSentence',
        (l) => ({ count: notice.compliancePeriodDays, ends: formatDate(ends, l) }),
      ),
    },
    {
      heading: both('concern.notice.mindedTo'),
      blocks: [
        ...bothParagraphs(() => 'concern.pdf.mindedToIntro'),
        { type: 'bullets', items: notice.mindedTo.map((i) => ({ text: both(`concern.interventionsNumbered.${i}`) })) },
        ...(notice.mindedToDetail ? asWritten(notice.mindedToDetail) : []),
      ],
    },
    { heading: both('concern.notice.copiesTo'), blocks: [{ type: 'bullets', items: copies }] },
  ];
  return {
    kind: 'warning_notice',
    language: 'cy',
    title: both('concern.pdf.title'),
    schoolName: `${c.schoolName} (${c.schoolNumber})`,
    subtitle: both('concern.pdf.subtitle'),
    sections,
    footer: LANGS.map((l) => la[l]).join(' / '),
  };
}
