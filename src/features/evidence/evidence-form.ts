import type { MultipartFile } from '@fastify/multipart';
import { parseDateParts } from '../../lib/govuk-date-input.ts';
import { EVIDENCE_SOURCES, isOneOf } from '../../reference/reference-data.ts';
import { TAG_CODES, TAG_FIELDS, type TagField } from './evidence-filter.ts';
import type { EvidenceValues } from './evidence-repository.ts';
import { readVersion } from '../../lib/request-schemas.ts';

export const MAX_TITLE = 200;
export const MAX_BODY = 20_000;

/** The form as typed, kept to show again on a mistake. */
export type EvidenceFormInput = Record<TagField, string[]> & {
  source: string;
  day: string;
  month: string;
  year: string;
  firstHand: string;
  fromBeyond: string;
  title: string;
  body: string;
  learnerDataChecked: boolean;
  pendingAttachments: string[];
  removeAttachments: string[];
  version: number | null;
};

/** One problem: the field it belongs to, its catalogue key and what to say in it. */
export type FormProblem = { field: string; key: string; params?: Record<string, string | number> };

type Part = string | { value?: unknown; type?: string } | MultipartFile;

/** A field's values from a url-encoded body (strings) or a multipart one (field objects). */
function valuesOf(body: Record<string, unknown>, name: string): string[] {
  const raw = body[name];
  const list = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]) as Part[];
  return list.flatMap((item) => {
    if (typeof item === 'string') return [item];
    if (item && typeof item === 'object' && 'value' in item && item.type !== 'file') return [String(item.value)];
    return [];
  });
}

/** The files of a multipart body's field (none from a url-encoded one). */
export function filesOf(body: Record<string, unknown>, name: string): MultipartFile[] {
  const raw = body[name];
  const list = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  return list.filter(
    (item): item is MultipartFile => !!item && typeof item === 'object' && (item as { type?: string }).type === 'file',
  );
}

export function readEvidenceForm(body: unknown): EvidenceFormInput {
  const fields = (body ?? {}) as Record<string, unknown>;
  const one = (name: string) => (valuesOf(fields, name)[0] ?? '').trim();
  return {
    source: one('source'),
    day: one('observedOn-day'),
    month: one('observedOn-month'),
    year: one('observedOn-year'),
    firstHand: one('firstHand'),
    fromBeyond: one('fromBeyond') || 'within',
    title: one('title'),
    body: (valuesOf(fields, 'body')[0] ?? '').replace(/\r\n/g, '\n').trim(),
    ...(Object.fromEntries(TAG_FIELDS.map((f) => [f, [...new Set(valuesOf(fields, f))]])) as Record<
      TagField,
      string[]
    >),
    learnerDataChecked: one('learnerDataChecked') === 'yes',
    pendingAttachments: valuesOf(fields, 'pendingAttachments'),
    removeAttachments: valuesOf(fields, 'removeAttachments'),
    // Read by hand (a multipart form has no schema): a version the column cannot hold is no version.
    version: readVersion(one('version')),
  };
}

/** The values to save, or the problems to show (each against its field). */
export function validateEvidence(
  input: EvidenceFormInput,
  today: string,
  nationalPriorityCodes: readonly string[],
  language: string,
) {
  const problems: FormProblem[] = [];
  const problem = (field: string, key: string) => problems.push({ field, key: `pages.evidence.errors.${key}` });
  if (!isOneOf(EVIDENCE_SOURCES, input.source)) problem('source', 'source');
  const date = parseDateParts({ day: input.day, month: input.month, year: input.year });
  if (!date.ok) problem('observedOn-day', date.problem === 'incomplete' ? 'dateIncomplete' : 'dateInvalid');
  else if (!date.value) problem('observedOn-day', 'dateMissing');
  else if (date.value > today) problem('observedOn-day', 'dateFuture');
  if (input.firstHand !== 'yes' && input.firstHand !== 'no') problem('firstHand', 'firstHand');
  if (input.fromBeyond !== 'within' && input.fromBeyond !== 'beyond') problem('fromBeyond', 'fromBeyond');
  if (!input.title) problem('title', 'titleMissing');
  else if (input.title.length > MAX_TITLE) problem('title', 'titleTooLong');
  if (input.body.length > MAX_BODY) problem('body', 'bodyTooLong');
  const known = (field: TagField) => (field === 'nationalPriorities' ? nationalPriorityCodes : TAG_CODES[field]);
  const tags = Object.fromEntries(
    TAG_FIELDS.map((f) => [f, input[f].filter((code) => known(f).includes(code))]),
  ) as Record<TagField, string[]>;
  const values: EvidenceValues = {
    source: input.source,
    observedOn: date.ok && date.value ? date.value : '',
    firstHand: input.firstHand === 'yes',
    fromBeyond: input.fromBeyond === 'beyond',
    title: input.title,
    body: input.body,
    language,
    ...tags,
  };
  return { values, problems };
}

/** An item as the form shows it for editing. */
export function formFromEvidence(item: EvidenceValues & { version: number }): EvidenceFormInput {
  const [year = '', month = '', day = ''] = item.observedOn.split('-');
  return {
    source: item.source,
    day: String(Number(day)),
    month: String(Number(month)),
    year,
    firstHand: item.firstHand ? 'yes' : 'no',
    fromBeyond: item.fromBeyond ? 'beyond' : 'within',
    title: item.title,
    body: item.body,
    nifThemes: item.nifThemes,
    areas: item.areas,
    principles: item.principles,
    learnerGroups: item.learnerGroups,
    nationalPriorities: item.nationalPriorities,
    learnerDataChecked: false,
    pendingAttachments: [],
    removeAttachments: [],
    version: item.version,
  };
}
