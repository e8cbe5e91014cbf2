import type { TFunction } from 'i18next';
import type { Language } from '../../plugins/i18n.ts';
import type { SchoolRecord, schoolCollaboratives, schoolHistory } from '../../directory/directory-repository.ts';
import { label, laName } from './directory-presenter.ts';

type History = Awaited<ReturnType<typeof schoolHistory>>;
type Collaboratives = Awaited<ReturnType<typeof schoolCollaboratives>>;

const FIELD_KEYS: Record<string, string> = {
  name: 'pages.directory.fields.name',
  laCode: 'pages.directory.fields.la',
  sector: 'pages.directory.fields.sector',
  governance: 'pages.directory.fields.governance',
  wmCode: 'pages.directory.fields.wm',
  schoolType: 'pages.directory.fields.schoolType',
  religiousCharacter: 'pages.directory.fields.religious',
  address1: 'pages.directory.fields.address1',
  address2: 'pages.directory.fields.address2',
  address3: 'pages.directory.fields.address3',
  address4: 'pages.directory.fields.address4',
  postcode: 'pages.directory.fields.postcode',
  phone: 'pages.directory.fields.phone',
  pupils: 'pages.directory.fields.pupils',
};

const KIND_KEYS: Record<string, string> = {
  added: 'pages.directory.history.added',
  changed: 'pages.directory.history.changed',
  closed: 'pages.directory.history.closed',
  reopened: 'pages.directory.history.reopened',
};

const COLLABORATIVE_KIND_KEYS: Record<string, string> = {
  vertical: 'pages.directory.collaboratives.vertical',
  horizontal: 'pages.directory.collaboratives.horizontal',
};

const STATUS_KEYS: Record<string, string> = {
  forming: 'pages.directory.collaboratives.forming',
  active: 'pages.directory.collaboratives.active',
  paused: 'pages.directory.collaboratives.paused',
  closed: 'pages.directory.collaboratives.closed',
};

/** A value as it was listed, in words: coded columns by their label, blanks said as such. */
function shown(t: TFunction, field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return t('pages.directory.history.blank');
  const code = String(value);
  if (field === 'sector') return label(t, 'sector', code);
  if (field === 'governance') return label(t, 'governance', code);
  if (field === 'wmCode') return `${label(t, 'wm', code)} (${code})`;
  if (field === 'schoolType') return label(t, 'schoolType', code);
  if (field === 'religiousCharacter') return label(t, 'religious', code);
  return code;
}

export function historyModel(t: TFunction, history: History) {
  return history.map((entry) => ({
    kind: KIND_KEYS[entry.kind] ? t(KIND_KEYS[entry.kind]!) : entry.kind,
    importedAt: entry.importedAt,
    editionDate: entry.editionDate,
    fileName: entry.fileName,
    changes: Object.entries(entry.fields ?? {}).map(([field, change]) => ({
      field: FIELD_KEYS[field] ? t(FIELD_KEYS[field]!) : field,
      before: shown(t, field, change.before),
      after: shown(t, field, change.after),
    })),
  }));
}

export function schoolModel(t: TFunction, lang: Language, school: SchoolRecord, collaboratives: Collaboratives) {
  const pupils =
    school.pupils !== null
      ? String(school.pupils)
      : school.sector === 'pru'
        ? t('pages.directory.school.notRecorded')
        : t('pages.directory.school.newSchool');
  return {
    ...school,
    laName: laName({ nameEn: school.laNameEn, nameCy: school.laNameCy }, lang),
    sectorLabel: label(t, 'sector', school.sector),
    schoolTypeLabel: label(t, 'schoolType', school.schoolType),
    governanceLabel: label(t, 'governance', school.governance),
    wmLabel: school.wmCode ? `${label(t, 'wm', school.wmCode)} (${school.wmCode})` : '',
    religiousLabel: label(t, 'religious', school.religiousCharacter),
    addressLines: [school.address1, school.address2, school.address3, school.address4, school.postcode].filter(Boolean),
    pupilsText: pupils,
    collaboratives: collaboratives.map((c) => ({
      name: lang === 'cy' ? c.nameCy : c.nameEn,
      kind: COLLABORATIVE_KIND_KEYS[c.kind] ? t(COLLABORATIVE_KIND_KEYS[c.kind]!) : c.kind,
      status: STATUS_KEYS[c.status] ? t(STATUS_KEYS[c.status]!) : c.status,
    })),
  };
}
