// The forms of a school's own survey: request schemas, what a posted question means, and the page
// models of the builder, the answer form and the results, each text in the reader's language.
import { Type } from '@sinclair/typebox';
import type { TFunction } from 'i18next';
import { MAX_OPTIONS, SURVEY_AUDIENCES } from '../../../db/schema/surveys.ts';
import { CodeList, FormText } from '../../../lib/request-schemas.ts';
import { checkLearnerData } from '../../../lib/learner-data-check.ts';
import { referencePhrases } from '../../../reference/reference-phrases.ts';
import { AGREEMENT_VALUES } from '../slo-model.ts';
import type { Question } from '../survey-repository.ts';
import { QUESTION_LIBRARY, type Audience } from './question-library.ts';
import {
  INVITATION_CODE_PATTERN,
  MAX_INVITATIONS,
  MAX_OWN_QUESTIONS,
  TEXT_ANSWER_MAX,
  type QuestionInput,
} from './own-service.ts';
import type { OwnSummary } from './own-summary.ts';

export const TITLE_MAX = 120;
export const QUESTION_MAX = 300;
export const OPTION_MAX = 100;
type Lang = 'en' | 'cy';
const LANGS: Lang[] = ['en', 'cy'];

export const NewSurveyBody = Type.Object({
  audience: Type.Optional(Type.Union(SURVEY_AUDIENCES.map((a) => Type.Literal(a)))),
  titleEn: FormText(TITLE_MAX),
  titleCy: FormText(TITLE_MAX),
});
export const QuestionBody = Type.Object({
  kind: Type.Optional(Type.Union([Type.Literal('agreement'), Type.Literal('choice'), Type.Literal('text')])),
  textEn: FormText(QUESTION_MAX),
  textCy: FormText(QUESTION_MAX),
  optionsEn: FormText((OPTION_MAX + 2) * MAX_OPTIONS),
  optionsCy: FormText((OPTION_MAX + 2) * MAX_OPTIONS),
});
export const LibraryBody = Type.Object({ codes: CodeList(MAX_OWN_QUESTIONS, 60) });
export const MoveBody = Type.Object({ direction: Type.Union([Type.Literal('up'), Type.Literal('down')]) });
export const InvitationsBody = Type.Object({
  count: Type.Optional(Type.String({ pattern: '^\\d{0,3}$', maxLength: 3 })),
});
export const InvitationCode = Type.String({ pattern: INVITATION_CODE_PATTERN, maxLength: 8 });

const value = Type.Optional(Type.String({ pattern: '^\\d?$', maxLength: 1 }));
/** `v1`..`v20` a value per agreement or choice question, `w1`..`w20` words per free-text question. */
export const OwnAnswerBody = Type.Object({
  ...Object.fromEntries(Array.from({ length: MAX_OWN_QUESTIONS }, (_, i) => [`v${i + 1}`, value])),
  ...Object.fromEntries(Array.from({ length: MAX_OWN_QUESTIONS }, (_, i) => [`w${i + 1}`, FormText(TEXT_ANSWER_MAX)])),
  code: Type.Optional(Type.Union([Type.Literal(''), InvitationCode])),
});
export type OwnAnswerFields = Record<string, string | undefined>;

export const ownAnswersOf = (body: OwnAnswerFields, language: Lang) => ({
  values: Object.fromEntries(Array.from({ length: MAX_OWN_QUESTIONS }, (_, i) => [i + 1, body[`v${i + 1}`]])),
  texts: Object.fromEntries(Array.from({ length: MAX_OWN_QUESTIONS }, (_, i) => [i + 1, body[`w${i + 1}`]])),
  language,
});

export const invitationCount = (raw: string | undefined) => {
  const n = Number(raw ?? '');
  return Number.isInteger(n) && n >= 1 && n <= MAX_INVITATIONS ? n : null;
};

/** Reads the title fields: at least one language; both kept when given. */
export function titleOf(body: { titleEn?: string | undefined; titleCy?: string | undefined }) {
  const title: Record<string, string> = {};
  if (body.titleEn?.trim()) title.en = body.titleEn.trim();
  if (body.titleCy?.trim()) title.cy = body.titleCy.trim();
  return Object.keys(title).length ? title : null;
}

const lines = (raw: string | undefined) =>
  (raw ?? '')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);

export type QuestionFields = {
  kind?: string;
  textEn?: string;
  textCy?: string;
  optionsEn?: string;
  optionsCy?: string;
};

/**
 * A posted question, or the message keys of what is wrong with it: wording in at least one language,
 * and for a choice 2 to MAX_OPTIONS options in each language it is written in, as many in each.
 */
export function questionOf(
  body: QuestionFields,
): { ok: true; value: QuestionInput } | { ok: false; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const kind = body.kind;
  if (kind !== 'agreement' && kind !== 'choice' && kind !== 'text') errors.kind = 'surveys.own.errors.kind';
  const text: Record<string, string> = {};
  if (body.textEn?.trim()) text.en = body.textEn.trim();
  if (body.textCy?.trim()) text.cy = body.textCy.trim();
  if (!Object.keys(text).length) errors.textEn = 'surveys.own.errors.text';
  const options: Record<string, string>[] = [];
  if (kind === 'choice') {
    const en = lines(body.optionsEn);
    const cy = lines(body.optionsCy);
    const count = Math.max(en.length, cy.length);
    if (count < 2 || count > MAX_OPTIONS) errors.optionsEn = 'surveys.own.errors.optionCount';
    else if (
      (text.en && en.length !== count) ||
      (text.cy && cy.length !== count) ||
      (en.length && cy.length && en.length !== cy.length)
    )
      errors.optionsEn = 'surveys.own.errors.optionsMatch';
    else if ([...en, ...cy].some((o) => o.length > OPTION_MAX)) errors.optionsEn = 'surveys.own.errors.optionLong';
    else
      for (let i = 0; i < count; i++) {
        const option: Record<string, string> = {};
        if (en[i]) option.en = en[i]!;
        if (cy[i]) option.cy = cy[i]!;
        options.push(option);
      }
  }
  if (Object.keys(errors).length) return { ok: false, errors };
  return { ok: true, value: { kind: kind!, text, options } };
}

/** A question's fields as the edit form shows them. */
export const fieldsOf = (q: Question): QuestionFields => ({
  kind: q.kind,
  textEn: q.text.en ?? '',
  textCy: q.text.cy ?? '',
  optionsEn: q.options.map((o) => o.en ?? '').join('\n'),
  optionsCy: q.options.map((o) => o.cy ?? '').join('\n'),
});

/** A text in the reader's language when there is one, else the other, with the language it is in. */
export function pick(text: Record<string, string>, reader: Lang): { text: string; lang: Lang; marked: boolean } {
  if (text[reader]) return { text: text[reader]!, lang: reader, marked: false };
  const other: Lang = reader === 'cy' ? 'en' : 'cy';
  return { text: text[other] ?? '', lang: other, marked: true };
}

export function libraryModel(audience: Audience, lang: Lang, chosen: Set<string>) {
  return QUESTION_LIBRARY[audience].map((q) => ({
    code: q.code,
    kind: q.kind,
    text: q.text[lang],
    added: chosen.has(q.code),
  }));
}

export function questionsModel(questions: Question[], lang: Lang) {
  return questions.map((q) => ({
    id: q.id,
    position: q.position,
    kind: q.kind,
    text: pick(q.text, lang),
    options: q.options.map((o) => pick(o, lang)),
    bothLanguages: LANGS.every((l) => !!q.text[l]),
  }));
}

/** The answer form: each question with its field, its choices and the value posted back. */
export function ownFormModel(questions: Question[], lang: Lang, values: OwnAnswerFields = {}) {
  return {
    questions: questions.map((q) => ({
      kind: q.kind,
      name: q.kind === 'text' ? `w${q.position}` : `v${q.position}`,
      text: pick(q.text, lang),
      options:
        q.kind === 'choice'
          ? q.options.map((o, i) => ({ value: String(i + 1), ...pick(o, lang) }))
          : AGREEMENT_VALUES.map((v) => ({ value: String(v), scale: v })),
      value: values[q.kind === 'text' ? `w${q.position}` : `v${q.position}`] ?? '',
    })),
    textMax: TEXT_ANSWER_MAX,
  };
}

/**
 * The results page's model: each question with its suppressed figures, and for free text what was
 * written (leaders only, the caller checks) with the learner-data check run over each answer.
 */
export function ownResultsModel(
  summary: OwnSummary,
  questions: Question[],
  texts: { questionId: string; text: string; language: string }[],
  lang: Lang,
  schoolName: string,
) {
  const allowedPhrases = [schoolName, ...referencePhrases()];
  return {
    responses: summary.responses,
    shown: summary.shown,
    questions: questions.map((q) => {
      const result = summary.questions.find((r) => r.id === q.id)!;
      const percentOf = (n: number, base: number) => (base ? Math.round((n / base) * 100) : 0);
      const figures = result.figures;
      let rows: { label: string; lang: Lang; count: number; percent: number }[] = [];
      if (figures && result.kind === 'choice') {
        const f = figures as { base: number; byOption: number[] };
        rows = q.options.map((o, i) => ({
          label: pick(o, lang).text,
          lang: pick(o, lang).lang,
          count: f.byOption[i] ?? 0,
          percent: percentOf(f.byOption[i] ?? 0, f.base),
        }));
      }
      if (figures && result.kind === 'agreement') {
        const f = figures as { base: number; byValue: Record<number, number> };
        rows = [5, 4, 3, 2, 1].map((v) => ({
          label: `surveys.scale.${v}`,
          lang,
          count: f.byValue[v] ?? 0,
          percent: percentOf(f.byValue[v] ?? 0, f.base),
        }));
      }
      return {
        position: q.position,
        kind: q.kind,
        text: pick(q.text, lang),
        figures,
        rows,
        written:
          figures && q.kind === 'text'
            ? texts
                .filter((t) => t.questionId === q.id)
                .map((t) => ({
                  text: t.text,
                  language: t.language,
                  flags: checkLearnerData(t.text, { allowedPhrases }),
                }))
            : [],
      };
    }),
  };
}

/** The evidence item's text: the figures per question in the closer's language, no words written. */
export function ownEvidenceBody(t: TFunction, summary: OwnSummary, questions: Question[], lang: Lang) {
  const model = ownResultsModel(summary, questions, [], lang, '');
  const out = [t('surveys.own.evidence.intro'), '', t('surveys.evidence.responses', { count: summary.responses })];
  if (!summary.shown) return [...out, t('surveys.results.tooFew', { min: 5 })].join('\n');
  for (const q of model.questions) {
    out.push('', `${q.position}. ${q.text.text}`);
    if (!q.figures) out.push(t('surveys.own.results.hiddenQuestion', { min: 5 }));
    else if (q.kind === 'text') out.push(t('surveys.own.results.wroteCount', { count: q.figures.base }));
    else
      for (const r of q.rows)
        out.push(`- ${q.kind === 'agreement' ? t(r.label) : r.label}: ${r.count} (${r.percent}%)`);
  }
  return out.join('\n');
}
