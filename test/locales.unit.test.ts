import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ROLE_NAMES, SCOPE_TYPES } from '../src/policy/roles.ts';
import { NAV_KEYS } from '../src/views/navigation.ts';
import { PERMISSIONS } from '../src/policy/policy.ts';
const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const catalogue = (lang: string) =>
  JSON.parse(fs.readFileSync(path.join(root, 'locales', `${lang}.json`), 'utf8')) as unknown;

/** Every leaf as a dotted key (array items by index). */
function flatten(value: unknown, prefix = '', out = new Map<string, unknown>()): Map<string, unknown> {
  if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  } else {
    out.set(prefix, value);
  }
  return out;
}

const PLURAL = /_(zero|one|two|few|many|other)$/;
const WELSH_FORMS = ['zero', 'one', 'two', 'few', 'many', 'other'];
const base = (key: string) => key.replace(PLURAL, '');
const placeholders = (value: unknown) => new Set([...String(value).matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]!));

const en = flatten(catalogue('en'));
const cy = flatten(catalogue('cy'));
const enBase = new Set([...en.keys()].map(base));
const cyBase = new Set([...cy.keys()].map(base));

describe('the English and Welsh catalogues', () => {
  it('have the same keys, counting plural forms as one', () => {
    expect(
      [...enBase].filter((k) => !cyBase.has(k)),
      'missing in cy.json',
    ).toEqual([]);
    expect(
      [...cyBase].filter((k) => !enBase.has(k)),
      'missing in en.json',
    ).toEqual([]);
  });

  it('have no empty values', () => {
    for (const [lang, entries] of [
      ['en', en],
      ['cy', cy],
    ] as const) {
      const empty = [...entries].filter(([, v]) => typeof v !== 'string' || v.trim() === '').map(([k]) => k);
      expect(empty, `empty or non-text values in ${lang}.json`).toEqual([]);
    }
  });

  it('give every English plural both forms and every Welsh plural all six', () => {
    const plurals = new Set([...en.keys(), ...cy.keys()].filter((k) => PLURAL.test(k)).map(base));
    expect(plurals.size).toBeGreaterThan(0);
    for (const key of plurals) {
      expect(
        ['one', 'other'].filter((f) => !en.has(`${key}_${f}`)),
        `en ${key}`,
      ).toEqual([]);
      expect(
        WELSH_FORMS.filter((f) => !cy.has(`${key}_${f}`)),
        `cy ${key}`,
      ).toEqual([]);
    }
  });

  it('use the same placeholders in both languages', () => {
    for (const key of enBase) {
      const plural = en.has(`${key}_other`);
      const english = placeholders(en.get(plural ? `${key}_other` : key));
      const forms = plural ? WELSH_FORMS.map((f) => `${key}_${f}`) : [key];
      for (const form of forms) {
        const welsh = placeholders(cy.get(form));
        // A plural form may leave the number out ("Dim defnyddwyr"): {{count}} only chooses the form.
        if (plural) {
          english.delete('count');
          welsh.delete('count');
        }
        expect([...welsh].sort(), form).toEqual([...english].sort());
      }
    }
  });
});

function sourceFiles(extension: string): string[] {
  return (fs.readdirSync(path.join(root, 'src'), { recursive: true }) as string[])
    .filter((f) => f.endsWith(extension) && !f.endsWith(`.test${extension}`))
    .map((f) => path.join(root, 'src', f));
}

/** A text, or a group of texts (an object or list fetched whole), in both catalogues. */
const inCatalogue = (keys: Set<string>, key: string) => keys.has(key) || [...keys].some((k) => k.startsWith(`${key}.`));
const exists = (key: string) => inCatalogue(enBase, key) && inCatalogue(cyBase, key);

describe('keys used in the code', () => {
  const templates = sourceFiles('.njk').map((file) => ({ file, text: fs.readFileSync(file, 'utf8') }));
  const code = sourceFiles('.ts').map((file) => ({ file, text: fs.readFileSync(file, 'utf8') }));
  // The catalogue's top-level groups: a literal starting with one of them is taken as a key.
  const NAMESPACES = Object.keys(catalogue('en') as object).join('|');

  it('exist in both catalogues (t("...") in templates, catalogue-shaped literals in TypeScript)', () => {
    const used: { key: string; file: string }[] = [];
    for (const { file, text } of templates) {
      for (const m of text.matchAll(/\bt\(\s*(['"])([^'"]+)\1\s*(?=[,)])/g)) used.push({ key: m[2]!, file });
    }
    for (const { file, text } of code) {
      for (const m of text.matchAll(new RegExp(`(['"])((?:${NAMESPACES})\\.[\\w.-]+)\\1`, 'g')))
        used.push({ key: m[2]!, file });
    }
    expect(used.length).toBeGreaterThan(50);
    const permissions = new Set<string>(PERMISSIONS);
    const missing = used
      .filter((u) => !permissions.has(u.key) && !exists(u.key))
      .map((u) => `${u.key} (${path.relative(root, u.file)})`);
    expect(missing).toEqual([]);
  });

  // Keys built at run time: each prefix with every value it can be completed with.
  const DYNAMIC: Record<string, readonly string[]> = {
    'roles.': ROLE_NAMES,
    'scopes.': SCOPE_TYPES,
    'pages.users.errors.scopeUnknown.': SCOPE_TYPES,
    'chrome.nav.': NAV_KEYS,
    'errors.': [
      'bad-request',
      'csrf',
      'unauthorised',
      'forbidden',
      'not-found',
      'too-large',
      'too-many-requests',
      'server-error',
    ],
    'passwords.problems.': ['tooShort', 'tooLong', 'common', 'containsEmail', 'mismatch', 'wrongCurrent'],
    'pages.signIn.notices.': ['signedOut', 'passwordSet'],
  };

  it('builds keys only from prefixes that name a group in both catalogues', () => {
    const prefixes = new Set<string>();
    for (const { text } of templates) for (const m of text.matchAll(/(['"])([\w.-]+\.)\1\s*\+/g)) prefixes.add(m[2]!);
    for (const { text } of code)
      for (const m of text.matchAll(new RegExp(`\`((?:${NAMESPACES})\\.[\\w.-]*\\.)\\$\\{`, 'g'))) prefixes.add(m[1]!);
    for (const prefix of Object.keys(DYNAMIC))
      expect(prefixes, `${prefix} is no longer used: remove it from DYNAMIC`).toContain(prefix);
    // Prefixes not in DYNAMIC are checked this far only; the parity test covers the keys under them.
    expect([...prefixes].filter((p) => !exists(p.slice(0, -1)))).toEqual([]);
  });

  it.each(Object.entries(DYNAMIC))('has a key for every completion of %s', (prefix, completions) => {
    expect(completions.length).toBeGreaterThan(0);
    // errors.<reason> is a group (title and body); the others are single texts.
    const missing = completions.filter((c) => !exists(`${prefix}${c}`));
    expect(missing).toEqual([]);
    if (prefix === 'errors.')
      for (const c of completions) expect(exists(`errors.${c}.title`) && exists(`errors.${c}.body`), c).toBe(true);
  });
});
