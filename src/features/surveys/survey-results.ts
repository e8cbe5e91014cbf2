// The results page's model: figures already suppressed by summarise, names in the reader's language,
// and what staff wrote with the learner-data check run over it before a leader reads it.
import type { TFunction } from 'i18next';
import { checkLearnerData } from '../../lib/learner-data-check.ts';
import { referencePhrases } from '../../reference/reference-phrases.ts';
import { SLO_DIMENSIONS, sloElement } from './slo-model.ts';
import type { Db } from '../../db/client.ts';
import { findSurveyByEvidence, type Survey } from './survey-repository.ts';
import { surveySummary } from './survey-service.ts';
import { surveyChartSvg } from './survey-chart.ts';
import { ownEvidenceModel } from './own/own-results.ts';
import type { Summary } from './survey-summary.ts';

export function resultsModel(summary: Summary, lang: 'en' | 'cy') {
  return {
    responses: summary.responses,
    shown: summary.shown,
    dimensions: summary.dimensions.map((d) => ({
      code: d.code,
      name: SLO_DIMENSIONS.find((x) => x.code === d.code)!.name[lang],
      figures: d.figures,
      elements: d.elements.map((e) => ({
        code: e.code,
        text: sloElement(e.code)!.statement[lang],
        figures: e.figures,
      })),
    })),
  };
}

/**
 * Each comment with what in it looks learner-identifiable (DOMAIN.md section 7, rule 5). A flagged
 * comment is shown folded, with why, so a leader opens it knowingly and never copies it on by chance.
 */
export function commentsModel(comments: { comment: string; language: string }[], schoolName: string) {
  const allowedPhrases = [schoolName, ...referencePhrases()];
  return comments.map((c) => ({
    ...c,
    flags: checkLearnerData(c.comment, { allowedPhrases }),
  }));
}

/** The chart of agreement per dimension, labelled with short names; the table carries the full ones. */
export function resultsChart(results: ReturnType<typeof resultsModel>, t: TFunction, id: string): string {
  return surveyChartSvg(
    results.dimensions.map((d, i) => ({
      label: `${i + 1}. ${t(`surveys.short.${d.code}`)}`,
      percent: d.figures?.percent ?? null,
      valueText: d.figures ? `${d.figures.percent}%` : t('surveys.results.hiddenShort'),
    })),
    t('surveys.chart.title'),
    t('surveys.chart.description'),
    id,
  );
}

/** The evidence item's text: the figures per dimension, in the closer's language, nothing per person. */
export function evidenceBody(t: TFunction, lang: 'en' | 'cy', summary: Summary): string {
  const lines = [t('surveys.evidence.basedOn'), '', t('surveys.evidence.responses', { count: summary.responses })];
  if (!summary.shown) return [...lines, t('surveys.results.tooFew', { min: 5 })].join('\n');
  for (const d of summary.dimensions) {
    const name = SLO_DIMENSIONS.find((x) => x.code === d.code)!.name[lang];
    lines.push(
      d.figures
        ? t('surveys.evidence.dimensionLine', { name, percent: d.figures.percent, base: d.figures.base })
        : t('surveys.evidence.dimensionHidden', { name }),
    );
  }
  return lines.join('\n');
}

/** The evidence item a closed survey becomes: its title and text in the closer's language. */
export const evidenceText = (t: TFunction, lang: 'en' | 'cy', survey: Survey) => (summary: Summary) => ({
  title: t('surveys.evidence.title', { year: survey.academicYear, next: survey.academicYear + 1 }),
  body: evidenceBody(t, lang, summary),
  language: lang,
});

/**
 * The figures of the survey an evidence item was recorded from, for the item's page (issue 18, part
 * 4): chart and table, both from the suppressed summary. Null for any other item.
 */
export async function surveyEvidenceModel(
  db: Db,
  evidenceId: string,
  t: TFunction,
  lang: 'en' | 'cy',
): Promise<
  { chart: string; results: ReturnType<typeof resultsModel> } | Awaited<ReturnType<typeof ownEvidenceModel>> | null
> {
  const survey = await findSurveyByEvidence(db, evidenceId);
  if (!survey) return null;
  if (survey.kind === 'own') return ownEvidenceModel(db, survey, t, lang);
  const results = resultsModel(await surveySummary(db, survey.id), lang);
  return { chart: results.shown ? resultsChart(results, t, 'survey-evidence-chart') : '', results };
}
