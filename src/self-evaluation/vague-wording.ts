/**
 * Gentle prompts when a priority's wording is vague (issue 4, item 4). They never block saving
 * or agreeing: they point at words that usually hide a lack of focus, in English and in Welsh.
 * Each rule is a heuristic, so the lists below also name what is NOT vague (see the tests).
 */
export type PriorityWording = { title: string; description: string; learners: string; successMeasure: string };
export const VAGUE_PROMPT_KEYS = [
  'oneFocus',
  'vagueVerb',
  'noLearners',
  'learnersGeneric',
  'successNotObservable',
] as const;
export type VaguePromptKey = (typeof VAGUE_PROMPT_KEYS)[number];
export type VaguePrompt = { key: VaguePromptKey; term?: string };

// Whole words only; letters include Welsh ones (â, ŵ, ŷ...), which \b does not know.
const phrase = (source: string) => new RegExp(`(?<![\\p{L}\\p{N}'’])(?:${source})(?![\\p{L}\\p{N}])`, 'iu');
const anyOf = (sources: readonly string[]) => phrase(sources.join('|'));

/** Verbs that say a direction but not a destination. Welsh forms include their mutations. */
const VAGUE_VERBS = anyOf([
  'improv(?:e|es|ed|ing|ement|ements)',
  '(?:further )?develop(?:s|ed|ing|ment)?',
  'enhanc(?:e|es|ed|ing|ement)',
  'rais(?:e|es|ed|ing) (?:standards|attainment|achievement|aspirations)',
  'continu(?:e|ing) to',
  'strengthen(?:s|ed|ing)?',
  'embed(?:s|ded|ding)?',
  '(?:focus|work)(?:es|ed|ing)? on',
  'promot(?:e|es|ed|ing)',
  'build(?:s|ing)? on',
  '(?:g|ng)?wella',
  '(?:d|dd|n)atblygu',
  '(?:c|g|ngh|ch)odi (?:safonau|cyrhaeddiad|dyheadau)',
  '(?:p|b|mh|ph)arhau i',
  '(?:c|g|ngh|ch)ryfhau',
  '(?:g|ng)?wreiddio',
  'ymgorffori',
  'canolbwyntio ar',
  'hyrwyddo',
]);

/** Anything that can be counted, compared or that names an outcome someone could see. */
const MEASURABLE = anyOf([
  '%',
  'per ?cent',
  'y cant',
  'so that',
  'in order that',
  'so (?:learners|pupils|children|they)',
  'able to',
  'can',
  'will (?:see|hear|use|explain|show|read|write)',
  'number of',
  'proportion',
  'percentage',
  'rate',
  'fewer',
  'at least',
  'more than',
  'less than',
  'most (?:learners|pupils|children)',
  'majority',
  'every',
  'fel (?:bod|y)',
  'er mwyn i',
  '(?:g|ng)?allu',
  '(?:m|f)edru',
  'nifer',
  '(?:c|g|ngh|ch)anran',
  '(?:c|g|ngh|ch)yfran',
  '(?:c|g|ngh|ch)yfradd',
  'llai',
  'mwy na',
  'o leiaf',
  'y rhan fwyaf',
  'mwyafrif',
  'pob un',
]);

/** Verbs for what someone can see or hear learners do: enough for a success measure. */
const OBSERVABLE = anyOf([
  'observ(?:e|ed|ation|ations)',
  'seen',
  'see',
  'heard',
  'hear',
  'show(?:s|n)?',
  'demonstrat(?:e|es|ed)',
  'explain(?:s)?',
  'use(?:s)?',
  'apply',
  'applies',
  'read(?:s)?',
  'write(?:s)?',
  'talk(?:s)?',
  'choose(?:s)?',
  'attend(?:s)?',
  '(?:g|ng)?weld',
  'gwelir',
  '(?:c|g|ngh|ch)lywed',
  'clywir',
  '(?:d|dd|n)angos',
  'esbonio',
  'egluro',
  '(?:d|dd|n)efnyddio',
  'cymhwyso',
  '(?:d|dd|n)arllen',
  'ysgrifennu',
  'siarad',
  '(?:t|d|nh|th)rafod',
  '(?:d|dd|n)ewis',
  'mynychu',
  'arsylw(?:i|adau)',
]);

/** Numbers that name learners rather than measure anything: "Year 4", "progression step 3". */
const LEARNER_NUMBERS =
  /(?<![\p{L}])(?:year|years|yr|y|blwyddyn|flwyddyn|mlwyddyn|blynyddoedd|flynyddoedd|mlynyddoedd|bl|progression steps?|cam(?:au)? cynnydd|key stage|ks|cyfnod allweddol|ca)\.? ?\d+(?:\s*(?:-|to|and|i|a|ac)\s*\d+)?/giu;

/** "5 and 6", "3 i 6": a range or pair of numbers is one group, not two focuses. */
const NUMBER_RANGE = /\d+\s*(?:and|to|&|-|–|a|ac|i)\s*\d+/giu;

/** Names that contain "and" yet are one thing (Areas of Learning and Experience, pairs of people, strands). */
const ONE_THING = anyOf([
  'boys and girls',
  'girls and boys',
  'parents and carers',
  'parents/carers',
  'speaking and listening',
  'learning and teaching',
  'teaching and learning',
  'health and well-?being',
  'science and technology',
  'mathematics and numeracy',
  'languages, literacy and communication',
  'care, support and guidance',
  'leadership and management',
  'wellbeing, inclusion and equity',
  'bechgyn a merched',
  'merched a bechgyn',
  'rhieni a gofalwyr',
  'rhieni/gofalwyr',
  'siarad a gwrando',
  'dysgu ac addysgu',
  'addysgu a dysgu',
  'iechyd a lles',
  'gwyddoniaeth a thechnoleg',
  'mathemateg a rhifedd',
  'ieithoedd, llythrennedd a chyfathrebu',
  'gofal, cymorth ac arweiniad',
  'arweinyddiaeth a rheolaeth',
  'llesiant, cynhwysiant a thegwch',
]);

const SECOND_FOCUS_EN = anyOf(['and', 'also', 'as well as', 'along with', 'in addition', 'plus']);
// Welsh "a" is also the relative particle ("dysgwyr a fydd..."): only count it as "and" before other words.
const SECOND_FOCUS_CY = anyOf([
  'ac',
  'a(?! (?:fydd|fyddai|fyddant|oedd|wnaeth|wnaiff|wna|gaiff|all|allai|allant|ddylai|ddylid|gafodd|fu)(?![\\p{L}]))',
  'hefyd',
  'yn ogystal(?: â| ag)?',
  'ynghyd â',
  'ynghyd ag',
]);

const WELSH_WORDS = anyOf([
  'yn',
  'yr',
  'ein',
  'mewn',
  'gyda',
  'ar gyfer',
  'dysgwyr',
  'disgyblion',
  'mae',
  'bydd',
  "sy['’]n",
  "i['’]r",
  "o['’]r",
  'ym',
  'yng',
  'ac',
  'gwella',
  'datblygu',
]);
const ENGLISH_WORDS = anyOf(['the', 'and', 'of', 'to', 'in', 'for', 'with', 'learners', 'pupils', 'will', 'our']);

/** Words that say who, without saying which learners. */
const GENERIC_LEARNER_WORDS = new Set([
  'all',
  'the',
  'our',
  'pupils',
  'pupil',
  'learners',
  'learner',
  'children',
  'students',
  'everyone',
  'whole',
  'school',
  'across',
  'in',
  'of',
  'every',
  'pob',
  'pawb',
  'y',
  'yr',
  "'r",
  'ein',
  'dysgwyr',
  'dysgwr',
  'ddysgwyr',
  'disgyblion',
  'plant',
  'holl',
  'ysgol',
  'gyfan',
  'cyfan',
  'ar',
  'draws',
  'yn',
  'o',
]);

function normalise(value: string): string {
  return value.replace(/[’]/g, "'").replace(/\s+/g, ' ').trim().toLowerCase();
}

function looksWelsh(text: string, lang: string): boolean {
  return WELSH_WORDS.test(text) || (lang === 'cy' && !ENGLISH_WORDS.test(text));
}

function hasMoreThanOneFocus(title: string, lang: string): boolean {
  const rest = title
    .replace(new RegExp(ONE_THING.source, 'giu'), ' ')
    .replace(LEARNER_NUMBERS, ' ')
    .replace(NUMBER_RANGE, ' ');
  if (/[;&+]/.test(rest) || (rest.match(/,/g) ?? []).length >= 2) return true;
  if (SECOND_FOCUS_EN.test(rest)) return true;
  if (looksWelsh(rest, lang) && SECOND_FOCUS_CY.test(rest)) return true;
  return (rest.match(new RegExp(VAGUE_VERBS.source, 'giu')) ?? []).length >= 2;
}

function isMeasurable(text: string): boolean {
  return /\d/.test(text.replace(LEARNER_NUMBERS, ' ')) || MEASURABLE.test(text);
}

function namesOnlyGenericLearners(learners: string): boolean {
  const words = learners
    .replace(/[^\p{L}\p{N}'\s]/gu, ' ')
    .split(/\s+/)
    .filter(Boolean);
  return words.length > 0 && words.every((w) => GENERIC_LEARNER_WORDS.has(w));
}

/**
 * The prompts a priority's wording deserves. `lang` is the language recorded with the text;
 * both languages' word lists are always checked, because people mix them and the record may be wrong.
 */
export function vagueWordingPrompts(priority: PriorityWording, lang: string): VaguePrompt[] {
  const title = normalise(priority.title);
  const body = normalise(`${priority.title} ${priority.description}`);
  const learners = normalise(priority.learners);
  const success = normalise(priority.successMeasure);
  const prompts: VaguePrompt[] = [];
  if (title && hasMoreThanOneFocus(title, lang)) prompts.push({ key: 'oneFocus' });
  // The title is the priority's focus: a vague verb there needs something measurable beside it.
  const vague = VAGUE_VERBS.exec(title);
  if (vague && !isMeasurable(body)) prompts.push({ key: 'vagueVerb', term: vague[0] });
  if (!learners) prompts.push({ key: 'noLearners' });
  else if (namesOnlyGenericLearners(learners)) prompts.push({ key: 'learnersGeneric' });
  if (success && !isMeasurable(success) && !OBSERVABLE.test(success)) prompts.push({ key: 'successNotObservable' });
  return prompts;
}
