import type { TFunction } from 'i18next';
import type { Language } from '../../plugins/i18n.ts';
import { EVIDENCE_SOURCES } from '../../reference/reference-data.ts';
import type { LearnerDataFlag } from '../../lib/learner-data-check.ts';
import type { AttachmentStore, StoredFile } from './attachment-store.ts';
import { TAG_CODES, TAG_FIELDS, TAG_LABELS, type TagField } from './evidence-filter.ts';
import type { FormProblem, EvidenceFormInput } from './evidence-form.ts';
import type { Attachment, EvidenceValues } from './evidence-repository.ts';
import { formatDate } from '../../lib/dates.ts';
import { ACCEPT_ATTRIBUTE } from './file-type.ts';

export type NationalPriority = { code: string; nameEn: string; nameCy: string };

/** The label of one tag code in the reader's language. */
export function tagLabel(
  t: TFunction,
  lang: Language,
  field: TagField,
  code: string,
  priorities: NationalPriority[],
): string {
  if (field === 'nationalPriorities') {
    const p = priorities.find((n) => n.code === code);
    return p ? (lang === 'cy' ? p.nameCy : p.nameEn) : code;
  }
  return t(`reference.${TAG_LABELS[field]}.${code}`);
}

export function tagCodes(field: TagField, priorities: NationalPriority[]): readonly string[] {
  return field === 'nationalPriorities' ? priorities.map((p) => p.code) : TAG_CODES[field];
}

/** The GOV.UK error summary and the message against each field (the first, if a field has several). */
export function presentProblems(problems: FormProblem[], t: TFunction) {
  const say = (p: FormProblem) => t(p.key, p.params ?? {});
  const errors = problems.map((p) => ({ text: say(p), href: `#${p.field}` }));
  const fieldErrors: Record<string, { text: string }> = {};
  for (const p of problems) fieldErrors[p.field] ??= { text: say(p) };
  return { errors, fieldErrors };
}

export function fileSize(t: TFunction, bytes: number): string {
  if (bytes >= 1024 * 1024) return t('pages.evidence.size.mb', { size: (bytes / (1024 * 1024)).toFixed(1) });
  return t('pages.evidence.size.kb', { size: Math.max(1, Math.round(bytes / 1024)) });
}

/** The learner-data warning: one line per match, saying why, with a link to the field it is in. */
export function warningModel(t: TFunction, flags: (LearnerDataFlag & { field: string })[]) {
  return flags.map((f) => ({
    text: t(`pages.evidence.learnerData.reason.${f.reason}`, { match: f.match }),
    href: `#${f.field}`,
    link: t(`pages.evidence.learnerData.changeIn.${f.field}`),
  }));
}

/** Everything the add and edit forms show. */
export function formModel(
  t: TFunction,
  lang: Language,
  input: EvidenceFormInput,
  priorities: NationalPriority[],
  files: { pending: StoredFile[]; existing: Attachment[]; store: AttachmentStore },
) {
  const radio = (value: string, text: string, current: string) => ({ value, text, checked: value === current });
  return {
    values: input,
    acceptAttribute: ACCEPT_ATTRIBUTE,
    sourceItems: EVIDENCE_SOURCES.map((code) => radio(code, t(`reference.evidenceSource.${code}`), input.source)),
    firstHandItems: [
      radio('yes', t('pages.evidence.fields.firstHandYes'), input.firstHand),
      radio('no', t('pages.evidence.fields.firstHandNo'), input.firstHand),
    ],
    fromBeyondItems: [
      radio('within', t('pages.evidence.fields.within'), input.fromBeyond),
      radio('beyond', t('pages.evidence.fields.beyond'), input.fromBeyond),
    ],
    tagGroups: TAG_FIELDS.map((field) => {
      const items = tagCodes(field, priorities).map((code) => ({
        value: code,
        text: tagLabel(t, lang, field, code, priorities),
        checked: input[field].includes(code),
      }));
      return {
        name: field,
        legend: t(`pages.evidence.tags.${field}`),
        items,
        ticked: items.filter((i) => i.checked).length,
      };
    }),
    pendingFiles: files.pending.map((f) => ({
      token: files.store.token(f),
      text: `${f.fileName} (${fileSize(t, f.sizeBytes)})`,
    })),
    existingFiles: files.existing.map((a) => ({
      id: a.id,
      text: `${a.fileName} (${fileSize(t, a.sizeBytes)})`,
      remove: input.removeAttachments.includes(a.id),
    })),
  };
}

/** The tags of an item, grouped, with labels: only groups that have any. */
export function itemTags(
  t: TFunction,
  lang: Language,
  item: Record<TagField, string[]>,
  priorities: NationalPriority[],
) {
  return TAG_FIELDS.filter((f) => item[f].length).map((f) => ({
    name: f,
    heading: t(`pages.evidence.tags.${f}`),
    labels: item[f].map((code) => tagLabel(t, lang, f, code, priorities)),
  }));
}

/** Where the saved item (someone else's edit) and the submitted one differ, field by field, as text. */
export function conflictRows(
  t: TFunction,
  lang: Language,
  theirs: EvidenceValues,
  yours: EvidenceValues,
  priorities: NationalPriority[],
) {
  const describe = (v: EvidenceValues) => ({
    title: v.title,
    body: v.body,
    source: t(`reference.evidenceSource.${v.source}`),
    observedOn: formatDate(v.observedOn, lang),
    firstHand: v.firstHand ? t('pages.evidence.fields.firstHandYes') : t('pages.evidence.fields.firstHandNo'),
    fromBeyond: v.fromBeyond ? t('pages.evidence.fields.beyond') : t('pages.evidence.fields.within'),
    ...Object.fromEntries(
      TAG_FIELDS.map((f) => [f, v[f].map((code) => tagLabel(t, lang, f, code, priorities)).join('; ')]),
    ),
  });
  const [a, b] = [describe(theirs), describe(yours)] as [Record<string, string>, Record<string, string>];
  return Object.keys(a)
    .filter((field) => a[field] !== b[field])
    .map((field) => ({
      label: t(field in FIELD_LABELS ? FIELD_LABELS[field]! : `pages.evidence.tags.${field}`),
      theirs: a[field],
      yours: b[field],
    }));
}

const FIELD_LABELS: Record<string, string> = {
  title: 'pages.evidence.fields.title',
  body: 'pages.evidence.fields.body',
  source: 'pages.evidence.fields.source',
  observedOn: 'pages.evidence.fields.observedOn',
  firstHand: 'pages.evidence.fields.firstHand',
  fromBeyond: 'pages.evidence.fields.fromBeyond',
};
