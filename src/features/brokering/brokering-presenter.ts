import type { TFunction } from 'i18next';
import { formatDate } from '../../lib/dates.ts';
import { forReader } from '../../lib/paired-text.ts';
import type { AgreementRow, RequestRow } from './brokering-repository.ts';
import { decodeReasons, type Reason } from './match-rules.ts';

type Lang = 'en' | 'cy';
type National = { code: string; nameEn: string; nameCy: string }[];
const one = (n: number | string) => Number(n).toFixed(1);

/** "Similar 3-year eFSM: 21.0% (yours 18.2%)": a reason in words, never a score. */
export function reasonText(t: TFunction, lang: Lang, reason: Reason, national: National): string {
  const v = reason.values ?? {};
  const k = `brokering.reasons.${reason.code}`;
  switch (reason.code) {
    case 'same_theme':
      return t(k, { theme: t(`reference.nifTheme.${v.theme}`) });
    case 'shared_national': {
      const n = national.find((x) => x.code === v.code);
      return t(k, { name: n ? (lang === 'cy' ? n.nameCy : n.nameEn) : String(v.code) });
    }
    case 'shared_area':
      return t(k, { area: t(`reference.area.${v.code}`) });
    case 'evidenced':
      return t(k, { count: Number(v.count) });
    case 'same_phase':
      return t(k, { sector: t(`reference.sector.${v.sector}`) });
    case 'similar_size':
      return t(k, { ours: v.ours, theirs: v.theirs });
    case 'same_language':
      return v.wm ? t(k, { category: t(`reference.wm.${v.wm}`) }) : t(`${k}Category`, { category: v.category });
    case 'same_religious':
      return t(k, { religious: t(`reference.religious.${v.religious}`) });
    case 'efsm_close':
      return t(k, { ours: one(v.ours!), theirs: one(v.theirs!) });
    default:
      return t(k);
  }
}

export const reasonTexts = (t: TFunction, lang: Lang, reasons: Reason[], national: National) =>
  reasons.map((r) => reasonText(t, lang, r, national));

export function money(pence: number | null, lang: Lang): string {
  return pence === null
    ? ''
    : new Intl.NumberFormat(lang === 'cy' ? 'cy-GB' : 'en-GB', { style: 'currency', currency: 'GBP' }).format(
        pence / 100,
      );
}

export const brokerName = (lang: Lang, r: RequestRow) =>
  r.brokerEn ? (lang === 'cy' ? r.brokerCy! : r.brokerEn) : null;

/** An agreement as the summary rows both schools and the broker read. */
export function agreementFacts(t: TFunction, lang: Lang, row: AgreementRow, national: National) {
  const a = row.agreement;
  const when = [a.startsOn, a.endsOn]
    .filter(Boolean)
    .map((d) => formatDate(d!, lang))
    .join(' – ');
  const reasons = decodeReasons(a.reasons);
  return {
    id: a.id,
    version: a.version,
    status: a.status,
    requestingSchool: { number: row.requestingSchoolNumber, name: row.requestingSchoolName },
    supportingSchool: { number: a.supportingSchoolNumber, name: row.supportingSchoolName },
    need: row.need,
    needLanguage: row.needLanguage,
    what: a.what,
    language: a.language,
    days: a.days === null ? '' : one(a.days),
    cost: money(a.costPence, lang),
    when,
    reasons: reasons.length ? reasonTexts(t, lang, reasons, national) : [t('brokering.reasons.chosen')],
    impact: a.impact,
    impactRecordedAt: a.impactRecordedAt,
    // Each text as this reader sees it (issue 16): their language's version when written, else marked.
    rt: {
      need: forReader({ language: row.needLanguage, otherLanguage: row.needOtherLanguage }, row.need, 'need', lang),
      what: forReader(a, a.what, 'what', lang),
      impact: forReader(a, a.impact, 'impact', lang),
    },
    otherLanguage: a.otherLanguage,
  };
}
export type AgreementFacts = ReturnType<typeof agreementFacts>;
