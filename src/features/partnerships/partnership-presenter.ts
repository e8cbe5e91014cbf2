import type { FastifyRequest } from 'fastify';
import type { TFunction } from 'i18next';
import { formatDate } from '../../lib/dates.ts';
import { parseDateParts } from '../../lib/govuk-date-input.ts';
import { PARTNERSHIP_KINDS, partnershipStatus, type PartnershipForm } from './partnership-form.ts';
import { laNamer, nameIn } from './partnership-context.ts';
import { todayInWales } from '../../lib/clock.ts';
import type { LocalAuthority, Partnership, PartnershipSummary } from './partnership-repository.ts';

/** One row per partnership: its name, kind, status and members in the reader's language. */
export function partnershipRows(lang: string, partnerships: PartnershipSummary[], las: LocalAuthority[], now: Date) {
  const laName = laNamer(lang, las);
  const today = todayInWales(now);
  return partnerships.map((p) => ({
    id: p.id,
    name: nameIn(lang, p),
    kind: p.kind,
    status: partnershipStatus(p, today),
    startsOn: p.startsOn,
    endsOn: p.endsOn,
    members: p.laCodes
      .map(laName)
      .sort((a, b) => a.localeCompare(b, lang))
      .join(', '),
  }));
}

/** The form's choices: the two kinds (with what each means) and the 22 LAs as checkboxes. */
export function formModel(request: FastifyRequest, las: LocalAuthority[], form: PartnershipForm) {
  const t = request.t;
  return {
    form,
    kindItems: PARTNERSHIP_KINDS.map((kind) => ({
      value: kind,
      text: t(`partnerships.kinds.${kind}`),
      hint: { text: t(`partnerships.kindHints.${kind}`) },
      checked: form.kind === kind,
    })),
    memberItems: las.map((la) => ({
      value: la.code,
      text: nameIn(request.lang, la),
      checked: form.members.includes(la.code),
    })),
  };
}

const lang = (l: string): 'en' | 'cy' => (l === 'cy' ? 'cy' : 'en');

/** What someone else saved beside what this person typed, field by field where they differ. */
export function partnershipConflict(
  request: FastifyRequest,
  theirs: Partnership,
  theirMembers: string[],
  yours: PartnershipForm,
  las: LocalAuthority[],
) {
  const t: TFunction = request.t;
  const laName = laNamer(request.lang, las);
  const typedDate = (p: PartnershipForm['startsOn']) => {
    const parsed = parseDateParts(p);
    return parsed.ok
      ? formatDate(parsed.value, lang(request.lang))
      : [p.day, p.month, p.year].filter(Boolean).join('/');
  };
  const rows = [
    [
      'kind',
      theirs.kind ? t(`partnerships.kinds.${theirs.kind}`) : '',
      yours.kind ? t(`partnerships.kinds.${yours.kind}`) : '',
    ],
    ['nameEn', theirs.nameEn, yours.nameEn],
    ['nameCy', theirs.nameCy, yours.nameCy],
    ['purpose', theirs.purpose, yours.purpose],
    ['services', theirs.services, yours.services],
    ['members', theirMembers.map(laName).join(', '), yours.members.map(laName).join(', ')],
    ['startsOn', formatDate(theirs.startsOn, lang(request.lang)), typedDate(yours.startsOn)],
    ['endsOn', formatDate(theirs.endsOn, lang(request.lang)), typedDate(yours.endsOn)],
  ];
  return rows
    .filter(([, a, b]) => a !== b)
    .map(([field, a, b]) => ({ label: t(`partnerships.fields.${field}`), theirs: a, yours: b }));
}
