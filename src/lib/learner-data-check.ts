/**
 * Flags text that looks learner-identifiable before it is saved (DOMAIN.md section 7, rule 5):
 * a Unique Pupil Number, or a run of capitalised words that reads like a person's full name.
 * It is a prompt, not a gate: the person writing decides, so it leans towards asking.
 */
import { COMMON_WORDS, FIRST_NAMES, NOT_A_LEARNER_WORDS } from './learner-data-words.ts';

export type LearnerDataReason = 'upn' | 'upn_pattern' | 'full_name';
export type LearnerDataFlag = { reason: LearnerDataReason; match: string };
export type LearnerDataOptions = {
  /** Names that are fine to write: the school's own name, labels of reference data... */
  allowedPhrases?: readonly string[];
};

// Letters a UPN check letter can be, in the order of the remainder they stand for (no I, O, S).
const CHECK_LETTERS = 'ABCDEFGHJKLMNPQRTUVWXYZ';

/** The check letter for the 12 characters after it (11 digits and a digit or, when temporary, a letter). */
export function upnCheckLetter(rest: string): string | null {
  if (!/^\d{11}[0-9A-HJ-NP-RT-Z]$/.test(rest)) return null;
  let sum = 0;
  for (let i = 0; i < 12; i++) {
    const c = rest[i]!;
    const value = /\d/.test(c) ? Number(c) : CHECK_LETTERS.indexOf(c);
    sum += value * (i + 2);
  }
  return CHECK_LETTERS[sum % 23]!;
}

export function isValidUpn(value: string): boolean {
  const upn = value.toUpperCase();
  return upn.length === 13 && upnCheckLetter(upn.slice(1)) === upn[0];
}

// A letter then 12 digits (or 11 and a letter), with optional single spaces or hyphens between groups.
const UPN_LIKE = /(?<![\p{L}\p{N}])[A-Za-z][ -]?(?:\d[ -]?){11}[0-9A-Za-z](?![\p{L}\p{N}])/gu;

function upnFlags(text: string): LearnerDataFlag[] {
  const flags: LearnerDataFlag[] = [];
  for (const match of text.matchAll(UPN_LIKE)) {
    const compact = match[0].replace(/[ -]/g, '');
    if (compact.length !== 13 || !/^[A-Za-z]\d{11}[0-9A-Za-z]$/.test(compact)) continue;
    flags.push({ reason: isValidUpn(compact) ? 'upn' : 'upn_pattern', match: match[0] });
  }
  return flags;
}

/** Lower case without accents or possessive: "Siân's" -> "sian". */
function keyOf(word: string): string {
  return word
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/['’]s$/, '');
}

/** The radical forms a mutated Welsh word may come from ("Ddysgu" -> "dysgu", "Mlwyddyn" -> "blwyddyn"). */
function radicals(key: string): string[] {
  const out: string[] = [];
  const swap = (from: string, to: string[]) => {
    if (key.startsWith(from)) for (const t of to) out.push(t + key.slice(from.length));
  };
  swap('ngh', ['c']);
  swap('mh', ['p']);
  swap('nh', ['t']);
  swap('ng', ['g']);
  swap('ph', ['p']);
  swap('th', ['t']);
  swap('ch', ['c']);
  swap('dd', ['d']);
  swap('f', ['b', 'm']);
  swap('b', ['p']);
  swap('d', ['t']);
  swap('g', ['c']);
  swap('m', ['b']);
  swap('n', ['d']);
  if (/^l[^l]/.test(key)) out.push(`l${key}`);
  if (/^r[^h]/.test(key)) out.push(`rh${key.slice(1)}`);
  if (/^[aeiouwy]/.test(key)) out.push(`g${key}`);
  if (/^h[aeiouwy]/.test(key)) out.push(key.slice(1));
  return out;
}

function inList(list: Set<string>, key: string, mutated: boolean): boolean {
  if (list.has(key) || (mutated && radicals(key).some((r) => list.has(r)))) return true;
  return key.includes('-') && key.split('-').every((part) => part !== '' && inList(list, part, mutated));
}

const isCommon = (key: string) => inList(COMMON_WORDS, key, true);
const isFirstName = (key: string) => FIRST_NAMES.has(key);
// Without undoing mutations: "Mae" must not become "Bae" (a bay).
const isInstitutional = (key: string) => inList(NOT_A_LEARNER_WORDS, key, false);
const CONNECTORS = new Set([
  'ap',
  'ab',
  'ferch',
  'y',
  'yr',
  'de',
  'van',
  'von',
  'der',
  'da',
  'di',
  'du',
  'le',
  'la',
  'bin',
  'bint',
  'al',
  'el',
]);

type Token = {
  text: string;
  key: string;
  kind: 'capitalised' | 'connector' | 'other';
  sentenceStart: boolean;
  breakBefore: boolean;
};

/** Word tokens of one line, with where sentences start and where punctuation breaks a run. */
function tokenise(line: string): Token[] {
  const tokens: Token[] = [];
  let sentenceStart = true;
  let pendingBreak = true;
  for (const raw of line.split(/\s+/).filter(Boolean)) {
    const m = /^([^\p{L}]*)(.*?)([^\p{L}]*)$/u.exec(raw)!;
    const [, lead = '', core = '', trail = ''] = m;
    if (!core) {
      pendingBreak = true;
      if (/[.!?:]/.test(lead + trail)) sentenceStart = true;
      continue;
    }
    const word = core.replace(/['’]s$/, '');
    const key = keyOf(word);
    const capitalised =
      /^\p{Lu}/u.test(word) && /\p{Ll}/u.test(word) && /^[\p{L}'’-]+$/u.test(word) && !/^\p{Lu}{2}/u.test(word);
    const kind = CONNECTORS.has(key) ? 'connector' : capitalised ? 'capitalised' : 'other';
    tokens.push({ text: word, key, kind, sentenceStart, breakBefore: pendingBreak || lead !== '' });
    sentenceStart = /[.!?:]/.test(trail);
    pendingBreak = trail !== '' || core !== word;
  }
  return tokens;
}

/** Marks the tokens that spell out an allowed phrase, so they never count as part of a name. */
function markAllowed(tokens: Token[], phrases: Map<string, string[][]>): boolean[] {
  const allowed = tokens.map(() => false);
  tokens.forEach((token, i) => {
    for (const phrase of phrases.get(token.key) ?? []) {
      if (i + phrase.length <= tokens.length && phrase.every((p, j) => tokens[i + j]!.key === p))
        for (let j = 0; j < phrase.length; j++) allowed[i + j] = true;
    }
  });
  return allowed;
}

/** Runs of capitalised words (joined by connectors such as "ap" or "y"), split at punctuation and allowed phrases. */
function runsOf(tokens: Token[], allowed: boolean[]): Token[][] {
  const runs: Token[][] = [];
  let run: Token[] = [];
  const close = () => {
    while (run.length && run[run.length - 1]!.kind === 'connector') run.pop();
    if (run.length) runs.push(run);
    run = [];
  };
  tokens.forEach((token, i) => {
    if (token.breakBefore || allowed[i] || token.kind === 'other') close();
    if (allowed[i] || token.kind === 'other') return;
    if (token.kind === 'connector' && run.length === 0) return;
    run.push(token);
  });
  close();
  return runs;
}

/**
 * The part of a run that reads like a person's full name, if any. In a Title Case line (a
 * heading such as "Talk Boost Evaluation") capitals say little, so only a known first name counts.
 */
function nameIn(run: Token[], titleCase: boolean): string | null {
  if (run.some((t) => t.kind === 'capitalised' && isInstitutional(t.key))) return null;
  let words = run;
  const first = words[0]!;
  // A capital at the start of a sentence says nothing: drop an ordinary word there, and any
  // word that is not a known first name when two more capitalised words follow it.
  if (
    first.sentenceStart &&
    (isCommon(first.key) || (!isFirstName(first.key) && words.filter((t) => t.kind === 'capitalised').length >= 3))
  ) {
    words = words.slice(1);
    while (words[0]?.kind === 'connector') words = words.slice(1);
  }
  const names = words.filter((t) => t.kind === 'capitalised');
  const nameLike = (t: Token) => isFirstName(t.key) || (!titleCase && !isCommon(t.key));
  let start = -1;
  let end = -1;
  for (let i = 0; i + 1 < names.length; i++) {
    const [a, b] = [names[i]!, names[i + 1]!];
    if ((nameLike(a) && nameLike(b)) || isFirstName(a.key)) {
      if (start < 0) start = i;
      end = i + 1;
    } else if (start >= 0) break;
  }
  if (start < 0) return null;
  const from = words.indexOf(names[start]!);
  const to = words.indexOf(names[end]!);
  return words
    .slice(from, to + 1)
    .map((t) => t.text)
    .join(' ');
}

function nameFlags(text: string, phrases: Map<string, string[][]>): LearnerDataFlag[] {
  const flags: LearnerDataFlag[] = [];
  for (const line of text.split(/[\r\n]+/)) {
    const tokens = tokenise(line);
    // The first word has a capital anyway, so it says nothing about Title Case.
    const rest = tokens.slice(1);
    const capitals = rest.filter((t) => t.kind === 'capitalised').length;
    const titleCase = capitals >= 3 && capitals >= 0.75 * rest.length;
    for (const run of runsOf(tokens, markAllowed(tokens, phrases))) {
      const name = nameIn(run, titleCase);
      if (name) flags.push({ reason: 'full_name', match: name });
    }
  }
  return flags;
}

const BUILT_IN_PHRASES = [
  'Welsh Government',
  'Llywodraeth Cymru',
  'Curriculum for Wales',
  'Cwricwlwm i Gymru',
  'National Improvement Framework',
  'Fframwaith Gwella Cenedlaethol',
  'Areas of Learning and Experience',
  'Meysydd Dysgu a Phrofiad',
  'Successful Futures',
  'Dyfodol Llwyddiannus',
  'Urdd Gobaith Cymru',
  'Eisteddfod yr Urdd',
  'Siarter Iaith',
  'Cymraeg Campus',
  'Criw Cymraeg',
  'Additional Learning Needs',
  'Anghenion Dysgu Ychwanegol',
  'Google Classroom',
  'Microsoft Teams',
  'Class Dojo',
  // The 22 local authorities in both languages (DOMAIN.md section 10).
  'Isle of Anglesey',
  'Ynys Môn',
  'Vale of Glamorgan',
  'Bro Morgannwg',
  'Rhondda Cynon Taf',
  'Merthyr Tydfil',
  'Merthyr Tudful',
  'Neath Port Talbot',
  'Castell-nedd Port Talbot',
  'Pen-y-bont ar Ogwr',
  'Blaenau Gwent',
  'Sir Ddinbych',
  'Sir y Fflint',
  'Sir Benfro',
  'Sir Gaerfyrddin',
  'Sir Fynwy',
  'Tor-faen',
];

const phraseKeys = (phrase: string) =>
  phrase
    .split(/[^\p{L}'’-]+/u)
    .map(keyOf)
    .filter(Boolean);

/** Every reason to stop and check, each with the text that raised it (each text once). */
export function checkLearnerData(text: string, options: LearnerDataOptions = {}): LearnerDataFlag[] {
  const phrases = [...BUILT_IN_PHRASES, ...(options.allowedPhrases ?? [])].map(phraseKeys);
  // People drop the generic words of a name: "Ysgol Y Berllan Deg" is often just "Berllan Deg".
  const cores = phrases
    .map((p) => p.filter((k) => !isInstitutional(k) && !CONNECTORS.has(k)))
    .filter((core, i) => core.length && core.length < phrases[i]!.length);
  // Looked up by their first word: a text of 20,000 characters is checked in a few milliseconds.
  const byFirstWord = new Map<string, string[][]>();
  for (const phrase of [...phrases, ...cores])
    if (phrase.length) byFirstWord.set(phrase[0]!, [...(byFirstWord.get(phrase[0]!) ?? []), phrase]);
  const seen = new Set<string>();
  return [...upnFlags(text), ...nameFlags(text, byFirstWord)].filter((f) => {
    const key = `${f.reason}:${f.match}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
