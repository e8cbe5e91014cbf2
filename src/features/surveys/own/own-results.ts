// The results of a school's own survey for its leaders, and the evidence item it closes into: the
// figures suppressed below 5, a chart drawn on the server with its table, free text checked for
// learner data (issue 18, parts 2 to 4).
import type { TFunction } from 'i18next';
import type { Db } from '../../../db/client.ts';
import { surveyChartSvg } from '../survey-chart.ts';
import * as repo from '../survey-repository.ts';
import { ownEvidenceBody, ownResultsModel, pick } from './own-form.ts';
import * as own from './own-repository.ts';
import { ownSummary } from './own-service.ts';
import type { OwnSummary } from './own-summary.ts';

export type OwnResults = ReturnType<typeof ownResultsModel>;

/** Agreement per agreement question as bars; questions with hidden figures show as hidden. */
export function ownChart(results: OwnResults, t: TFunction, id: string): string {
  const bars = results.questions
    .filter((q) => q.kind === 'agreement')
    .map((q) => {
      const f = q.figures as { percent: number } | null;
      return {
        label: `${q.position}. ${q.text.text.length > 48 ? `${q.text.text.slice(0, 47)}…` : q.text.text}`,
        percent: f ? f.percent : null,
        valueText: f ? `${f.percent}%` : t('surveys.results.hiddenShort'),
      };
    });
  if (!bars.length) return '';
  return surveyChartSvg(bars, t('surveys.own.chart.title'), t('surveys.own.chart.description'), id);
}

/** The results model with what respondents wrote (only for leaders: the routes check). */
export async function ownResults(db: Db, survey: repo.Survey, lang: 'en' | 'cy', schoolName: string) {
  const [summary, questions, texts] = await Promise.all([
    ownSummary(db, survey.id),
    repo.questionsOf(db, survey.id),
    own.textAnswers(db, survey.id),
  ]);
  return ownResultsModel(summary, questions, summary.shown ? texts : [], lang, schoolName);
}

/** The evidence item's title and text, in the closer's language. */
export const ownEvidenceText =
  (t: TFunction, lang: 'en' | 'cy', survey: repo.Survey) => (summary: OwnSummary, questions: repo.Question[]) => ({
    title: t('surveys.own.evidence.title', { title: pick(survey.title, lang).text }),
    body: ownEvidenceBody(t, summary, questions, lang),
    language: lang,
  });

/** For the evidence item's page: chart and table, no words written. */
export async function ownEvidenceModel(db: Db, survey: repo.Survey, t: TFunction, lang: 'en' | 'cy') {
  const [summary, questions] = await Promise.all([ownSummary(db, survey.id), repo.questionsOf(db, survey.id)]);
  const results = ownResultsModel(summary, questions, [], lang, '');
  return { own: results, chart: results.shown ? ownChart(results, t, 'survey-evidence-chart') : '' };
}
