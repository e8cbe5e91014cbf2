import type { Language } from '../../plugins/i18n.ts';
import type { Paired } from '../../lib/paired-text.ts';
import { withReaderTexts } from '../../lib/reader-texts.ts';
import type { TFunction } from 'i18next';
import type { LaCycle } from './cycle-repository.ts';
import type { ActionForm, AnswersForm, EvidenceForm, FindingForm, ImpactForm, PriorityForm } from './se-forms.ts';
import { ANSWER_FIELDS } from './se-forms.ts';
import type { LaEvidence, LaFinding } from './items-repository.ts';
import type { LaAction, LaImpact, LaPriority } from './priority-repository.ts';
import { dateToParts, type DateParts } from '../../lib/govuk-date-input.ts';
import { NIF_THEMES } from '../../reference/reference-data.ts';
import type { PictureRow } from './picture-repository.ts';

type Row = { label: string; theirs: string; yours: string };
const dateText = (p: DateParts) => [p.day, p.month, p.year].filter(Boolean).join('/');
const storedDate = (value: string | null) => dateText(dateToParts(value));

/** Only the fields that differ: what someone else saved beside what this person typed. */
function changed(rows: Row[]): Row[] {
  return rows.filter((r) => r.theirs !== r.yours);
}
const codes = (t: TFunction, prefix: string, list: string[]) => list.map((c) => t(`${prefix}.${c}`)).join(', ');

export function answerConflict(current: LaCycle, form: AnswersForm, t: TFunction) {
  return changed(
    ANSWER_FIELDS.map((f) => ({ label: t(`laSelfEvaluation.questions.${f}`), theirs: current[f], yours: form[f] })),
  );
}

export function evidenceConflict(current: LaEvidence, form: EvidenceForm, t: TFunction) {
  const L = (f: string) => t(`laSelfEvaluation.evidence.fields.${f}`);
  return changed([
    {
      label: L('source'),
      theirs: t(`reference.evidenceSource.${current.source}`),
      yours: form.source ? t(`reference.evidenceSource.${form.source}`) : '',
    },
    { label: L('observedOn'), theirs: storedDate(current.observedOn), yours: dateText(form.observedOn) },
    { label: L('title'), theirs: current.title, yours: form.title },
    { label: L('body'), theirs: current.body, yours: form.body },
    {
      label: L('nifThemes'),
      theirs: codes(t, 'reference.nifTheme', current.nifThemes),
      yours: codes(t, 'reference.nifTheme', form.nifThemes),
    },
  ]);
}

export function findingConflict(current: LaFinding, form: FindingForm, t: TFunction, titles: Map<string, string>) {
  const L = (f: string) => t(`laSelfEvaluation.findings.fields.${f}`);
  const linked = (ids: string[]) => ids.map((id) => titles.get(id) ?? '').join(', ');
  return changed([
    {
      label: L('kind'),
      theirs: t(`reference.findingKind.${current.kind}`),
      yours: form.kind ? t(`reference.findingKind.${form.kind}`) : '',
    },
    { label: L('title'), theirs: current.title, yours: form.title },
    { label: L('body'), theirs: current.body, yours: form.body },
    {
      label: L('nifTheme'),
      theirs: current.nifTheme ? t(`reference.nifTheme.${current.nifTheme}`) : '',
      yours: form.nifTheme ? t(`reference.nifTheme.${form.nifTheme}`) : '',
    },
    { label: L('evidenceIds'), theirs: linked(current.evidenceIds), yours: linked(form.evidenceIds) },
  ]);
}

export function priorityConflict(
  current: LaPriority,
  form: PriorityForm,
  t: TFunction,
  names: { findings: Map<string, string>; national: Map<string, string> },
) {
  const L = (f: string) => t(`laSelfEvaluation.priorities.fields.${f}`);
  const joined = (ids: string[], map: Map<string, string>) => ids.map((id) => map.get(id) ?? '').join(', ');
  return changed([
    { label: L('title'), theirs: current.title, yours: form.title },
    { label: L('description'), theirs: current.description, yours: form.description },
    {
      label: L('nifTheme'),
      theirs: current.nifTheme ? t(`reference.nifTheme.${current.nifTheme}`) : '',
      yours: form.nifTheme ? t(`reference.nifTheme.${form.nifTheme}`) : '',
    },
    {
      label: L('nationalPriorities'),
      theirs: joined(current.nationalPriorities, names.national),
      yours: joined(form.nationalPriorities, names.national),
    },
    { label: L('successMeasure'), theirs: current.successMeasure, yours: form.successMeasure },
    {
      label: L('state'),
      theirs: t(`reference.priorityState.${current.state}`),
      yours: form.state ? t(`reference.priorityState.${form.state}`) : '',
    },
    {
      label: L('findingIds'),
      theirs: joined(current.findingIds, names.findings),
      yours: joined(form.findingIds, names.findings),
    },
  ]);
}

export function actionConflict(current: LaAction, form: ActionForm, t: TFunction) {
  const L = (f: string) => t(`laSelfEvaluation.actions.fields.${f}`);
  return changed([
    { label: L('description'), theirs: current.description, yours: form.description },
    { label: L('owner'), theirs: current.owner, yours: form.owner },
    { label: L('dueOn'), theirs: storedDate(current.dueOn), yours: dateText(form.dueOn) },
    {
      label: L('status'),
      theirs: t(`reference.actionStatus.${current.status}`),
      yours: form.status ? t(`reference.actionStatus.${form.status}`) : '',
    },
  ]);
}

export function impactConflict(current: LaImpact | null, form: ImpactForm, t: TFunction) {
  const L = (f: string) => t(`laSelfEvaluation.impact.fields.${f}`);
  return changed([
    { label: L('whatChanged'), theirs: current?.whatChanged ?? '', yours: form.whatChanged },
    { label: L('reviewedOn'), theirs: storedDate(current?.reviewedOn ?? null), yours: dateText(form.reviewedOn) },
  ]);
}

/** Every theme and national priority as a row of the picture, with 0 where no school shared one. */
export function pictureRows(
  picture: { themes: PictureRow[]; national: PictureRow[]; schools: number },
  national: { code: string; nameEn: string; nameCy: string }[],
  t: TFunction,
  lang: string,
) {
  const count = (rows: PictureRow[], code: string) =>
    rows.find((r) => r.code === code) ?? { schools: 0, priorities: 0 };
  return {
    schools: picture.schools,
    themeRows: NIF_THEMES.map((code) => ({
      code,
      label: t(`reference.nifTheme.${code}`),
      ...count(picture.themes, code),
    })),
    nationalRows: national.map((n) => ({
      code: n.code,
      label: lang === 'cy' ? n.nameCy : n.nameEn,
      ...count(picture.national, n.code),
    })),
  };
}

/** The LA's priorities as their reader sees them (issue 16): titles, and open actions when listed with them. */
export function readerPriorities<
  P extends Paired & { title: string; openActions?: (Paired & { description: string })[] },
>(priorities: P[], reader: Language) {
  return priorities.map((p) => ({
    ...withReaderTexts(p, ['title'], reader),
    openActions: (p.openActions ?? []).map((a) => withReaderTexts(a, ['description'], reader)),
  }));
}
