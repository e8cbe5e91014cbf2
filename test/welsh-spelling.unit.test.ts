// Every Welsh word in locales/cy.json is spelt right: a Hunspell Welsh dictionary (dictionary-cy,
// read by nspell) plus the project's own word list, locales/cy-words.txt, for terms and mutated forms
// the dictionary lacks. A new word that is in neither fails here: correct it, or add it to the list
// if it is right. Interpolations, HTML, addresses and product names are taken out first.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import dictionary from 'dictionary-cy';
import nspell from 'nspell';
import { describe, expect, it } from 'vitest';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const WORD_LIST = path.join(root, 'locales', 'cy-words.txt');

/** Names of products and standards, in the form they are written whatever the language. */
const PRODUCT_NAMES = [
  'Cydwella',
  'GOV.UK',
  'Google Authenticator',
  'Google Calendar',
  'Microsoft Authenticator',
  'Microsoft Word',
  'Apple Calendar',
  'Outlook',
  'JAWS',
  'NVDA',
  'VoiceOver',
  'JavaScript',
  'OpenDocument',
  'OpenAPI',
  'PowerPoint',
  'Excel',
  'Word',
  'WCAG',
];

/** Every leaf of a catalogue, with its dotted key. */
function leaves(value: unknown, prefix = '', out: [string, string][] = []): [string, string][] {
  if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) leaves(v, prefix ? `${prefix}.${k}` : k, out);
  } else out.push([prefix, String(value)]);
  return out;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const products = new RegExp(`(?<![\\p{L}])(?:${PRODUCT_NAMES.map(escape).join('|')})(?![\\p{L}])`, 'gu');

/** The words of a catalogue text, without what is not Welsh prose. */
function words(text: string): string[] {
  const prose = text
    .replace(/\{\{[^}]*\}\}|%\{[^}]*\}|\$t\([^)]*\)/g, ' ') // i18next and GOV.UK Frontend interpolations
    .replace(/<[^>]+>/g, ' ') // HTML tags
    .replace(/&[a-z]+;|&#\d+;/g, ' ') // entities
    .replace(/\bhttps?:\/\/\S*|\bwww\.\S+/g, ' ') // addresses
    .replace(/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g, ' ') // email addresses
    .replace(/\b[\w-]+(?:\.[a-z]{2,4})+\b|(?<![\p{L}])\.[a-z]{2,4}\b/gu, ' ') // file and host names (example.org, .ics)
    .replace(/(?<!\S)\/[\w/.-]+/g, ' ') // paths (/api/v1/schools)
    .replace(/\b\w+_\w+\b/g, ' ') // identifiers (early_years)
    .replace(products, ' ');
  return [...prose.matchAll(/[\p{L}][\p{L}\p{M}'’-]*/gu)]
    .map((m) => m[0].replace(/['’-]+$/, ''))
    .filter((w) => w.length > 1);
}

/** The clitic forms written after an apostrophe: i'r, sy'n, wedi'i, a'u, â'ch, fe'm, i'w. */
const CLITICS = new Set(['r', 'n', 'i', 'u', 'w', 'm', 'th', 'ch']);

type Speller = { correct(word: string): boolean };

/** Whether a word is spelt right: whole, or as its parts (hyphenated compounds, word plus clitic). */
function known(spell: Speller, word: string): boolean {
  const w = word.replace(/’/g, "'");
  if (spell.correct(w)) return true;
  const apostrophe = w.lastIndexOf("'");
  if (apostrophe > 0 && CLITICS.has(w.slice(apostrophe + 1).toLowerCase())) return known(spell, w.slice(0, apostrophe));
  if (w.includes('-')) return w.split('-').every((part) => part.length < 2 || known(spell, part));
  return false;
}

/** The project word list: one word a line; # starts a comment. */
function projectWords(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.replace(/#.*/, '').trim())
    .filter(Boolean);
}

function speller(extra: string[]): Speller {
  const spell = nspell({ aff: Buffer.from(dictionary.aff), dic: Buffer.from(dictionary.dic) });
  for (const w of extra) spell.add(w);
  return spell;
}

const listed = projectWords(fs.readFileSync(WORD_LIST, 'utf8'));
const welsh = leaves(JSON.parse(fs.readFileSync(path.join(root, 'locales', 'cy.json'), 'utf8')));
const dictionaryOnly = speller([]);
const spell = speller(listed);

describe('the Welsh catalogue', () => {
  it('has every word in the Welsh dictionary or in locales/cy-words.txt', () => {
    const unknown = new Map<string, string>();
    for (const [key, text] of welsh)
      for (const w of words(text)) if (!known(spell, w) && !unknown.has(w)) unknown.set(w, key);
    expect(
      [...unknown].map(([w, key]) => `${w} (${key})`),
      'misspelt, or missing from locales/cy-words.txt',
    ).toEqual([]);
  });

  it('keeps the word list to words the dictionary lacks and the catalogue uses', () => {
    expect(listed.length).toBeGreaterThan(0);
    expect(new Set(listed).size, 'a word is listed twice').toBe(listed.length);
    expect(
      listed.filter((w) => known(dictionaryOnly, w)),
      'already in the dictionary',
    ).toEqual([]);
    const used = new Set(welsh.flatMap(([, text]) => words(text)).flatMap((w) => [w, ...w.split(/['’-]/)]));
    const lower = new Set([...used].map((w) => w.toLowerCase()));
    expect(
      listed.filter((w) => !used.has(w) && !lower.has(w.toLowerCase())),
      'no longer used in cy.json',
    ).toEqual([]);
  });
});

describe('the spell-check itself', () => {
  it('finds a misspelt Welsh word, and a wrong mutation of a listed word', () => {
    expect(known(spell, 'ysgrifennu')).toBe(true);
    expect(known(spell, 'ysgrifenu')).toBe(false);
    expect(known(spell, 'brocera')).toBe(true);
    expect(known(spell, 'broceru')).toBe(false);
  });

  it('reads words past interpolations, tags, addresses and product names, and splits clitics and compounds', () => {
    expect(words('Mae {{count}} <a href="https://example.org/x">ddolen</a> yn Cydwella: e-bost i’r ysgol')).toEqual([
      'Mae',
      'ddolen',
      'yn',
      'e-bost',
      'i’r',
      'ysgol',
    ]);
    expect(known(spell, "sy'n")).toBe(true);
    expect(known(spell, 'cwestiynau’r')).toBe(true);
    expect(known(spell, 'e-bost')).toBe(true);
  });
});
