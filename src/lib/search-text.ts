/** Lower case without accents or punctuation: "Ysgol Gymraeg Bro Môn" -> "ysgol gymraeg bro mon". */
export function searchKey(value: string): string {
  return value
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[’']/g, '')
    .replace(/[^\p{Letter}\p{Number}]+/gu, ' ')
    .trim();
}

/** The words of a query as search matches them: normalised as stored text is, at most ten. */
export function searchWords(query: string): string[] {
  return searchKey(query).split(' ').filter(Boolean).slice(0, 10);
}

/*
 * Welsh initial mutations, so a search finds a word in whatever form a sentence gave it.
 *
 * The first consonant of a Welsh word changes after certain words: "Cymraeg" is written
 * "Gymraeg" (soft: "yn Gymraeg"), "Nghymraeg" (nasal: "fy Nghymraeg") and "Chymraeg" (aspirate:
 * "a Chymraeg"); "plant" is "blant", "mhlant", "phlant". The table (Morris-Jones, A Welsh Grammar,
 * 1913, sections 100-113; King, Modern Welsh: A Comprehensive Grammar, 3rd ed., sections 7-15;
 * Thorne, A Comprehensive Welsh Grammar, sections 18-26):
 *
 *   radical   c    p    t    g    b    d    m    ll   rh   vowel
 *   soft      g    b    d    -    f    dd   f    l    r
 *   nasal     ngh  mh   nh   ng   m    n
 *   aspirate  ch   ph   th
 *   h-prefix                                             h + vowel ("ei hysgol", "eu hiaith")
 *
 * Soft g is deleted ("gardd" -> "ardd", "gwaith" -> "waith", "glan" -> "lan"); the mixed mutation
 * after negatives is the aspirate where there is one, else the soft, so the table covers it.
 *
 * Search works on radicals: a query word stands for every radical it could be a form of (itself,
 * and what undoing one mutation gives: "gymraeg" could be "cymraeg" or a word in g-; "ardd" could be
 * "gardd"), and matches any form of any of those radicals. So "Cymraeg" finds "Gymraeg",
 * "Nghymraeg" and "Chymraeg"; "Gymraeg" finds "Cymraeg" and "Nghymraeg"; "phlant" finds "plant".
 * Without a dictionary a guessed radical may not be a word ("gymraeg" from a radical "gymraeg"
 * gives "ymraeg"); such forms are harmless, as no text holds them.
 *
 * What keeps this from finding everything (English text is searched too):
 * - Only words of four letters or more, with radicals and forms of four or more, take part. The
 *   short words are where mutation collides with the commonest words of both languages: "mor"
 *   (so) would find every English "for" (a soft form of "mor"), "cyd" every "i gyd", "hyn" (h +
 *   "yn") every "yn", "hand" every "and", "ci" every "chi".
 * - The other forms match whole words only. The query's own spelling still matches anywhere, as
 *   search always did; a guessed form matching inside words ("cover" -> "gover-") would find every
 *   "governor".
 * - One mutation at a time, as in the language: a radical never mutates twice.
 * What remains are real collisions between whole words, mostly English ("class" and "glass",
 * "town" and "down"), which add a few results and never hide one.
 */

const VOWELS = 'aeiouwy';
// Every spelling an initial mutation produces, longest first so "ngh" is read before "ng" and "n".
const ONSETS = ['ngh', 'mh', 'nh', 'ng', 'ch', 'ph', 'th', 'dd', 'ff', 'll', 'rh'];

/** What each radical initial becomes under the soft, nasal and aspirate mutations. */
const MUTATES: Record<string, string[]> = {
  c: ['g', 'ngh', 'ch'],
  p: ['b', 'mh', 'ph'],
  t: ['d', 'nh', 'th'],
  g: ['', 'ng'],
  b: ['f', 'm'],
  d: ['dd', 'n'],
  m: ['f'],
  ll: ['l'],
  rh: ['r'],
};

/** The table read backwards: which radical initials a mutated initial may come from. */
const UNMUTATES: Record<string, string[]> = {};
for (const [radical, forms] of Object.entries(MUTATES))
  for (const form of forms) if (form) (UNMUTATES[form] ??= []).push(radical);

const MIN_LENGTH = 4;
const WELSH_LETTERS = /^[a-z]+$/;

const onsetOf = (word: string) => ONSETS.find((o) => word.startsWith(o)) ?? word[0]!;

/** The word and every radical it may be a mutated form of. */
function radicalsOf(word: string): string[] {
  const onset = onsetOf(word);
  const rest = word.slice(onset.length);
  const radicals = [word, ...(UNMUTATES[onset] ?? []).map((r) => r + rest)];
  // Soft g is deleted: a word in a vowel, w, l or r may have lost a g ("ardd", "waith", "lan", "radd").
  if (VOWELS.includes(onset) || onset === 'l' || onset === 'r') radicals.push(`g${word}`);
  // h before a vowel is added, never part of the radical ("hysgol" from "ysgol").
  if (onset === 'h' && VOWELS.includes(word[1] ?? '')) radicals.push(rest);
  return radicals;
}

/** The radical and every form a mutation gives it. */
function formsOf(radical: string): string[] {
  const onset = onsetOf(radical);
  const rest = radical.slice(onset.length);
  const forms = [radical, ...(MUTATES[onset] ?? []).map((m) => m + rest)];
  if (VOWELS.includes(onset)) forms.push(`h${radical}`);
  return forms;
}

/**
 * The other spellings of a normalised query word (see searchKey) that should match as whole
 * words: "cymraeg" -> ["gymraeg", "nghymraeg", "chymraeg"]. Forms holding the word itself are left
 * out ("hysgol" for "ysgol"), as matching the word anywhere already finds them. Short words,
 * numbers and words outside the Welsh alphabet have none.
 */
export function welshForms(word: string): string[] {
  return allForms(word).filter((form) => !form.includes(word));
}

function allForms(word: string): string[] {
  if (word.length < MIN_LENGTH || !WELSH_LETTERS.test(word)) return [];
  const forms = new Set<string>();
  for (const radical of radicalsOf(word)) {
    if (radical.length < MIN_LENGTH) continue;
    for (const form of formsOf(radical)) if (form.length >= MIN_LENGTH && form !== word) forms.add(form);
  }
  return [...forms];
}

/** Whether a whole normalised word is the query word in another Welsh form ("gaerfyrddin" for "caerfyrddin"). */
export function isWelshFormOf(queryWord: string, word: string): boolean {
  return allForms(queryWord).includes(word);
}

/**
 * How SQL matches one normalised query word: `core` is what the word and all its forms share (the
 * letters after the initial), so one cheap `like` turns away the rows holding none of them, as the
 * plain `like` on the word always did; only rows holding the core test the word and its forms.
 */
export function wordPattern(word: string): { word: string; core: string; forms: string[] } {
  const forms = welshForms(word);
  let core = word;
  for (const form of forms) while (!form.endsWith(core)) core = core.slice(1);
  return { word, core, forms };
}
