import type { Language } from '../../plugins/i18n.ts';
import { withReaderTexts } from '../../lib/reader-texts.ts';
import type { TFunction } from 'i18next';
import { EVIDENCE_SOURCES, FINDING_KINDS, NIF_THEMES } from '../../reference/reference-data.ts';
import type { FindingInput } from './findings-service.ts';
import type * as repo from './findings-repository.ts';
import { triangulation } from './triangulation.ts';

type LinkedEvidence = Awaited<ReturnType<typeof repo.evidenceOfFindings>>[number];
type Choice = Awaited<ReturnType<typeof repo.evidenceByIds>>[number];

/** Withdrawn (archived) evidence no longer supports anything, so it does not count towards triangulation. */
export function triangulationOf(linked: LinkedEvidence[]) {
  return triangulation(linked.filter((e) => !e.archived));
}

/** The list page: strengths, then areas for development, each finding with how well it is triangulated. */
export function groupFindings(
  rows: Awaited<ReturnType<typeof repo.findingsOfCycle>>,
  linked: LinkedEvidence[],
  reader: Language,
) {
  const byFinding = new Map<string, LinkedEvidence[]>();
  for (const e of linked) byFinding.set(e.findingId, [...(byFinding.get(e.findingId) ?? []), e]);
  const withTriangulation = rows.map((f) => ({
    ...withReaderTexts(f, ['title'], reader),
    triangulation: triangulationOf(byFinding.get(f.id) ?? []),
  }));
  return FINDING_KINDS.map((kind) => ({ kind, findings: withTriangulation.filter((f) => f.kind === kind) }));
}

/** One line under each checkbox: the source, the date, first-hand or not, from within or beyond. */
export function evidenceHint(
  e: { source: string; observedOn: string; firstHand: boolean; fromBeyond: boolean },
  t: TFunction,
  formatDate: (d: string) => string,
) {
  return [
    t(`reference.evidenceSource.${e.source}`),
    formatDate(e.observedOn),
    t(e.firstHand ? 'pages.findings.evidence.firstHand' : 'pages.findings.evidence.notFirstHand'),
    t(e.fromBeyond ? 'pages.findings.evidence.beyond' : 'pages.findings.evidence.within'),
  ].join(' · ');
}

export const FILTER_FROM = 10;
export const CHOICES_SHOWN = 100;

/** The evidence checkboxes: what is linked already first, then what matches the filter. */
export function evidencePicker(
  selected: Choice[],
  choices: { rows: Choice[]; matching: number; inCycle: number },
  filter: repo.EvidenceFilter,
  t: TFunction,
  formatDate: (d: string) => string,
) {
  const selectedIds = new Set(selected.map((e) => e.id));
  const items = [...selected, ...choices.rows.filter((e) => !selectedIds.has(e.id))].map((e) => ({
    value: e.id,
    text: e.title,
    checked: selectedIds.has(e.id),
    hint: { text: evidenceHint(e, t, formatDate) },
    attributes: { lang: e.language },
  }));
  return {
    items,
    filter,
    showFilter: choices.inCycle > FILTER_FROM || !!(filter.q || filter.source || filter.theme),
    filtered: !!(filter.q || filter.source || filter.theme),
    matching: choices.matching,
    shown: Math.min(choices.matching, CHOICES_SHOWN),
    inCycle: choices.inCycle,
    sources: EVIDENCE_SOURCES,
    themes: NIF_THEMES,
  };
}

/** What the other person saved beside what this person typed, field by field, where they differ. */
export function conflictRows(
  theirs: FindingInput,
  yours: FindingInput,
  evidenceTitles: Map<string, string>,
  t: TFunction,
) {
  const show = {
    kind: (v: FindingInput) => (v.kind ? t(`reference.findingKind.${v.kind}`) : ''),
    title: (v: FindingInput) => v.title,
    body: (v: FindingInput) => v.body,
    nifTheme: (v: FindingInput) => (v.nifTheme ? t(`reference.nifTheme.${v.nifTheme}`) : ''),
    evidenceIds: (v: FindingInput) =>
      v.evidenceIds
        .map((id) => evidenceTitles.get(id) ?? id)
        .sort()
        .join('\n'),
  };
  return Object.entries(show)
    .map(([field, render]) => ({
      label: t(`pages.findings.fields.${field}`),
      theirs: render(theirs),
      yours: render(yours),
    }))
    .filter((row) => row.theirs !== row.yours);
}
