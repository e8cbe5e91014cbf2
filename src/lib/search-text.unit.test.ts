import { describe, expect, it } from 'vitest';
import { isWelshFormOf, searchKey, searchWords, welshForms, wordPattern } from './search-text.ts';

/** Whether a query finds a word of some text the way SQL matches (src/db/search-condition.ts). */
function finds(query: string, textWord: string): boolean {
  const word = searchKey(query);
  const text = searchKey(textWord);
  const { core, forms } = wordPattern(word);
  if (!text.includes(core)) return false;
  return text.includes(word) || forms.includes(text);
}

// [radical, soft, nasal, aspirate]; null where the mutation leaves the word alone.
const TABLE: [string, string | null, string | null, string | null][] = [
  ['Cymraeg', 'Gymraeg', 'Nghymraeg', 'Chymraeg'],
  ['Caerdydd', 'Gaerdydd', 'Nghaerdydd', 'Chaerdydd'],
  ['plant', 'blant', 'mhlant', 'phlant'],
  ['pennaeth', 'bennaeth', 'mhennaeth', 'phennaeth'],
  ['targedau', 'dargedau', 'nhargedau', 'thargedau'],
  ['gwaith', 'waith', 'ngwaith', null],
  ['gardd', 'ardd', 'ngardd', null],
  ['Gwynedd', 'Wynedd', 'Ngwynedd', null],
  ['blwyddyn', 'flwyddyn', 'mlwyddyn', null],
  ['bywyd', 'fywyd', 'mywyd', null],
  ['disgyblion', 'ddisgyblion', 'nisgyblion', null],
  ['mathemateg', 'fathemateg', null, null],
  ['llyfrau', 'lyfrau', null, null],
  ['rhieni', 'rieni', null, null],
];

describe('Welsh mutations in search', () => {
  for (const [radical, ...mutated] of TABLE) {
    const forms = [radical, ...mutated.filter((m): m is string => m !== null)];
    it(`every form of "${radical}" finds every other (${forms.join(', ')})`, () => {
      for (const query of forms) for (const word of forms) expect(finds(query, word), `${query} -> ${word}`).toBe(true);
    });
  }

  it('finds the h added before a vowel, both ways', () => {
    expect(finds('ysgol', 'hysgol')).toBe(true);
    expect(finds('hysgol', 'ysgol')).toBe(true);
    expect(finds('iaith', 'hiaith')).toBe(true);
    expect(finds('hiaith', 'iaith')).toBe(true);
  });

  it('ignores accents both ways', () => {
    expect(finds('Môn', 'Mon')).toBe(true);
    expect(finds('Mon', 'Môn')).toBe(true);
    expect(finds('tŷ', 'ty')).toBe(true);
    expect(finds('gwlan', 'wlân')).toBe(true); // soft mutation and a circumflex at once
    expect(finds('Wlân', 'gwlân')).toBe(true);
    expect(finds('cafe', 'Café')).toBe(true);
    expect(finds('naive', 'naïve')).toBe(true);
    expect(finds('gem', 'gêm')).toBe(true);
    expect(searchKey('ÂÊÎÔÛŴŶ äëïöü áéíóú àèìòù')).toBe('aeiouwy aeiou aeiou aeiou');
  });

  it('does not let a mutation turn one word into an unrelated one', () => {
    // p never mutates to f, and c never to ch by the soft mutation: no shared radical.
    expect(finds('pen', 'fen')).toBe(false);
    expect(finds('pennaeth', 'fennaeth')).toBe(false);
    // A guessed form matches whole words only, never inside another word ("cover" is not "governor").
    expect(finds('cover', 'governors')).toBe(false);
    expect(finds('bara', 'paratoi')).toBe(false);
    expect(finds('town', 'download')).toBe(false);
    // Words already normalised differ in more than their initial.
    expect(finds('Cymraeg', 'Cymreig')).toBe(false);
    expect(finds('plant', 'plentyn')).toBe(false);
  });

  it('leaves short words alone, where mutations collide with the commonest words', () => {
    expect(welshForms('mor')).toEqual([]); // would find every English "for"
    expect(welshForms('cyd')).toEqual([]); // every "i gyd"
    expect(finds('mor', 'for')).toBe(false);
    expect(finds('hyn', 'yn')).toBe(false);
    expect(finds('hand', 'and')).toBe(false); // "and" is too short to be a radical
    expect(finds('ci', 'chi')).toBe(false);
  });

  it('gives numbers and words outside the Welsh alphabet no forms', () => {
    expect(welshForms('6812345')).toEqual([]);
    expect(welshForms('cf104')).toEqual([]);
    expect(welshForms('αβγδε')).toEqual([]);
  });

  it('names the forms a query matches as whole words, leaving out those holding the word itself', () => {
    expect(welshForms('cymraeg').sort()).toEqual(['chymraeg', 'gymraeg', 'nghymraeg']);
    expect(welshForms('phlant')).toContain('plant');
    expect(welshForms('ysgol')).toEqual([]); // "hysgol" holds "ysgol": the plain match finds it
    expect(wordPattern('nghymraeg').core).toBe('ymraeg');
  });

  it('knows a whole word as another form of the query (for the local authorities, matched in code)', () => {
    expect(isWelshFormOf('penfro', 'benfro')).toBe(true); // Sir Benfro
    expect(isWelshFormOf('caerfyrddin', 'gaerfyrddin')).toBe(true); // Sir Gaerfyrddin
    expect(isWelshFormOf('dinbych', 'ddinbych')).toBe(true); // Sir Ddinbych
    expect(isWelshFormOf('penfro', 'penfro')).toBe(false);
    expect(isWelshFormOf('conwy', 'powys')).toBe(false);
  });

  it('splits a query into at most ten normalised words', () => {
    expect(searchWords("  Ysgol  Gymraeg Bro'r Môn! ")).toEqual(['ysgol', 'gymraeg', 'bror', 'mon']);
    expect(searchWords('a b c d e f g h i j k l')).toHaveLength(10);
  });
});
