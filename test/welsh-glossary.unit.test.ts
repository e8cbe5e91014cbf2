// One Welsh term per concept (the glossary, ../shared/DOMAIN.md section 9): wherever the English
// catalogue uses a glossary term, the Welsh text of the same key uses its one Welsh form (mutated as
// the sentence needs), and the other renderings a translator might reach for appear nowhere.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const catalogue = (lang: string): Map<string, string> => {
  const out = new Map<string, string>();
  const walk = (value: unknown, prefix: string) => {
    if (value !== null && typeof value === 'object')
      for (const [k, v] of Object.entries(value)) walk(v, prefix ? `${prefix}.${k}` : k);
    else out.set(prefix, String(value));
  };
  walk(JSON.parse(fs.readFileSync(path.join(root, 'locales', `${lang}.json`), 'utf8')), '');
  return out;
};

/** A Welsh word in every form initial mutation gives it (soft, nasal, aspirate). */
function mutated(word: string): string {
  const forms: [string, string[]][] = [
    ['ll', ['l']],
    ['rh', ['r']],
    ['c', ['g', 'ngh', 'ch']],
    ['p', ['b', 'mh', 'ph']],
    ['t', ['d', 'nh', 'th']],
    ['g', ['', 'ng']],
    ['b', ['f', 'm']],
    ['d', ['dd', 'n']],
    ['m', ['f']],
  ];
  const lower = word.toLowerCase();
  const hit = forms.find(([initial]) => lower.startsWith(initial));
  const rest = word.slice(hit ? hit[0].length : 0);
  // A vowel takes an h after ei (her), ein, eu: "ein hawdurdod lleol".
  const initials = hit ? [hit[0], ...hit[1]] : ['', 'h'];
  return `(?:${initials.map((i) => i + rest).join('|')})`;
}

/** A phrase whose first word may mutate; the rest is written as it stands. */
const phrase = (text: string) => {
  const [first, ...rest] = text.split(' ');
  return [mutated(first!), ...rest].join(' ');
};
const re = (source: string) => new RegExp(`(?<![\\p{L}])(?:${source})`, 'iu');

type Term = {
  english: string;
  welsh: string;
  /** Where the English catalogue uses the term... */
  en: RegExp;
  /** ...the Welsh text of the same key has its one Welsh form. */
  cy: RegExp;
  /** Other renderings, found nowhere in the Welsh catalogue. */
  never?: RegExp;
  /** Keys whose English uses the word in another sense. */
  except?: RegExp;
};

// The glossary, ../shared/DOMAIN.md section 9.
const GLOSSARY: Term[] = [
  { english: 'self-evaluation', welsh: 'hunanwerthuso', en: /self-evaluat/i, cy: re('hunanwerthus') },
  {
    english: 'school development plan',
    welsh: 'cynllun datblygu ysgol',
    en: /school development plan/i,
    cy: re(phrase('cynllun datblygu')),
  },
  {
    english: 'priority',
    welsh: 'blaenoriaeth',
    en: /\bpriorit(y|ies)\b/i,
    cy: re(`${mutated('blaenoriaeth')}|${mutated('blaenoriaethau')}`),
  },
  { english: 'evidence', welsh: 'tystiolaeth', en: /\bevidence\b/i, cy: re(mutated('tystiolaeth')) },
  {
    english: 'cluster',
    welsh: 'clwstwr',
    en: /\bclusters?\b/i,
    cy: re(`${mutated('clwstwr')}|${mutated('clystyrau')}`),
  },
  {
    english: 'local authority',
    welsh: 'awdurdod lleol',
    en: /\blocal authorit(y|ies)\b/i,
    cy: re(`${mutated('awdurdod')}(?:au)? lleol`),
  },
  {
    english: 'Welsh Government',
    welsh: 'Llywodraeth Cymru',
    en: /\bWelsh Government\b/,
    cy: re(phrase('Llywodraeth Cymru')),
  },
  {
    english: 'governing body',
    welsh: 'corff llywodraethu',
    en: /\bgoverning bod(y|ies)\b/i,
    cy: re(`${phrase('corff llywodraethu')}|${phrase('cyrff llywodraethu')}`),
  },
  {
    english: 'headteacher',
    welsh: 'pennaeth',
    en: /\bheadteachers?\b/i,
    cy: re(`${mutated('pennaeth')}|${mutated('penaethiaid')}`),
  },
  {
    english: 'professional learning',
    welsh: 'dysgu proffesiynol',
    en: /\bprofessional learning\b/i,
    cy: re(phrase('dysgu proffesiynol')),
  },
  {
    english: 'improvement partner',
    welsh: 'partner gwella',
    en: /\bimprovement partners?\b/i,
    cy: re(`${phrase('partner gwella')}|${phrase('partneriaid gwella')}`),
  },
  {
    english: 'schools causing concern',
    welsh: "ysgolion sy'n peri pryder",
    en: /\bschools? causing concern\b/i,
    cy: re("sy'n peri pryder"),
  },
  {
    english: 'National Improvement Framework',
    welsh: 'Fframwaith Gwella Cenedlaethol',
    en: /\bNational Improvement Framework\b/,
    cy: re('Fframwaith Gwella Cenedlaethol'),
  },
  {
    english: 'Areas of Learning and Experience',
    welsh: 'Meysydd Dysgu a Phrofiad',
    en: /\bAreas of Learning and Experience\b/i,
    cy: re(phrase('Meysydd Dysgu a Phrofiad')),
  },
  { english: 'four purposes', welsh: 'y pedwar diben', en: /\bfour purposes\b/i, cy: re(phrase('pedwar diben')) },
  {
    english: 'principles of progression',
    welsh: 'egwyddorion cynnydd',
    en: /\bprinciples of progression\b/i,
    cy: re('egwyddorion cynnydd'),
  },
  {
    english: 'progression step',
    welsh: 'cam cynnydd',
    en: /\bprogression steps?\b/i,
    cy: re(`${phrase('cam cynnydd')}|${phrase('camau cynnydd')}`),
  },
  {
    english: 'brokering',
    welsh: 'brocera',
    en: /\bbroker(s|ed|ing)?\b/i,
    // brocera (to broker), brocer (a broker), broceriaid (brokers)
    cy: re(`${mutated('brocer')}(?!u)`),
    never: re(mutated('broceru')),
  },
  {
    english: 'National Improvement Framework theme',
    welsh: 'thema FfGC',
    en: /\bNIF themes?\b/,
    cy: re("thema FfGC|thema'r Fframwaith Gwella Cenedlaethol|thema Fframwaith Gwella Cenedlaethol"),
    // The abbreviation takes no article, and the framework is never shortened to "y Fframwaith".
    never: re("thema['’]r FfGC|thema['’]r Fframwaith(?! Gwella)"),
  },
  {
    english: 'peer enquiry',
    welsh: 'ymholiad cymheiriaid',
    en: /\bpeer enquir(y|ies)\b/i,
    cy: re('ymholiad(?:au)? cymheiriaid'),
    never: re(`(?:ymholi|ymholiad|ymholiadau) gan ${mutated('cymheiriaid')}|${mutated('cyfoedion')}`),
  },
  {
    english: 'national aggregate',
    welsh: 'cyfanred cenedlaethol',
    en: /\bnational[ -]aggregate\b/i,
    cy: re(phrase('cyfanred cenedlaethol')),
    never: re(phrase('cyfanswm cenedlaethol')),
  },
  {
    english: 'not applicable',
    welsh: 'ddim yn berthnasol',
    en: /\bnot applicable\b/i,
    cy: re('ddim yn berthnasol'),
    never: re('amherthnasol|ddim yn gymwys'),
  },
  {
    english: 'follow-up',
    welsh: 'camau dilynol',
    // "Follow-up support" is the support given as follow-up: cymorth dilynol.
    en: /\bfollow-up\b(?! support)/i,
    cy: re(phrase('camau dilynol')),
  },
  { english: 'notification', welsh: 'hysbysiad', en: /\bnotifications?\b/i, cy: re('hysbysiad') },
  { english: 'survey', welsh: 'arolwg', en: /\bsurveys?\b/i, cy: re(`${mutated('arolwg')}|${mutated('arolygon')}`) },
  {
    english: 'schools as learning organisations',
    welsh: "ysgolion fel sefydliadau sy'n dysgu",
    en: /\bschools as learning organisations\b/i,
    cy: re("sefydliadau sy'n dysgu"),
  },
];

/** Keys whose Welsh text lacks the glossary form the English text calls for. */
function missing(term: Term, en: Map<string, string>, cy: Map<string, string>): string[] {
  const base = (key: string) => key.replace(/_(zero|one|two|few|many|other)$/, '');
  const english = new Map([...en].map(([k, v]) => [base(k), v]));
  return [...cy]
    .filter(([key]) => !term.except?.test(key))
    .filter(([key, welsh]) => {
      const text = (en.get(key) ?? english.get(base(key)) ?? '').replace(/\{\{[^}]*\}\}/g, ' ');
      // A plural form may leave out the noun ("Dim ..."), so only the _other form is held to it.
      if (/_(zero|one|two|few|many)$/.test(key)) return false;
      return term.en.test(text) && !term.cy.test(welsh);
    })
    .map(([key, welsh]) => `${key}: ${welsh}`);
}

/** Keys whose Welsh text uses a rendering the glossary rules out. */
const forbidden = (term: Term, cy: Map<string, string>) =>
  term.never ? [...cy].filter(([, welsh]) => term.never!.test(welsh)).map(([key, welsh]) => `${key}: ${welsh}`) : [];

/** Follow-up keys never use "dilyniant", which means progression. */
const followUpAsProgression = (cy: Map<string, string>) =>
  [...cy].filter(([key, welsh]) => /follow_?up/i.test(key) && /dilyniant/i.test(welsh)).map(([key]) => key);

const en = catalogue('en');
const cy = catalogue('cy');

describe('the glossary in the Welsh catalogue', () => {
  it.each(GLOSSARY.map((t) => [t.english, t.welsh, t] as const))('%s is always "%s"', (_e, _w, term) => {
    expect(missing(term, en, cy), `Welsh texts not using "${term.welsh}"`).toEqual([]);
    expect(forbidden(term, cy), `other Welsh renderings of "${term.english}"`).toEqual([]);
  });

  it('never calls follow-up "dilyniant"', () => {
    expect(followUpAsProgression(cy)).toEqual([]);
  });
});

describe('the glossary check itself', () => {
  const term = (name: string) => GLOSSARY.find((t) => t.english === name)!;

  it('fails on a Welsh text that uses another rendering', () => {
    const badCy = new Map([
      ['a.broker', 'Broceru cymorth rhwng ysgolion'],
      ['a.enquiry', 'Ymholiad gan gymheiriaid'],
      ['a.aggregate', "Cyfanswm cenedlaethol (wedi'i gyfrif gan Lywodraeth Cymru)"],
      ['a.followUp', 'Dilyniant'],
      ['a.theme', "Thema'r FfGC"],
    ]);
    const badEn = new Map([
      ['a.broker', 'Brokering support between schools'],
      ['a.enquiry', 'Peer enquiry'],
      ['a.aggregate', 'National aggregate (counted by Welsh Government)'],
      ['a.followUp', 'Follow-up'],
      ['a.theme', 'NIF theme'],
    ]);
    expect(forbidden(term('brokering'), badCy)).toEqual(['a.broker: Broceru cymorth rhwng ysgolion']);
    expect(missing(term('brokering'), badEn, badCy)).toEqual(['a.broker: Broceru cymorth rhwng ysgolion']);
    expect(missing(term('peer enquiry'), badEn, badCy)).toEqual(['a.enquiry: Ymholiad gan gymheiriaid']);
    expect(forbidden(term('national aggregate'), badCy)).toHaveLength(1);
    expect(missing(term('follow-up'), badEn, badCy)).toEqual(['a.followUp: Dilyniant']);
    expect(followUpAsProgression(new Map([['enquiries.states.follow_up', 'Dilyniant']]))).toHaveLength(1);
    expect(forbidden(term('National Improvement Framework theme'), badCy)).toHaveLength(1);
  });

  it('accepts the glossary form with the mutation the sentence needs', () => {
    const okEn = new Map([
      ['b.one', 'Support given through brokering'],
      ['b.two', 'The governing body'],
    ]);
    const okCy = new Map([
      ['b.one', 'Cymorth a roddwyd drwy frocera'],
      ['b.two', 'Gan ei gorff llywodraethu'],
    ]);
    expect(missing(term('brokering'), okEn, okCy)).toEqual([]);
    expect(missing(term('governing body'), okEn, okCy)).toEqual([]);
  });
});
