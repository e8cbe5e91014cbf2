// Every kind's message names only what its events carry: a title's {{placeholder}} that no event
// gives would reach a reader as "{{need}}". EventInput's type makes services give EVENT_PARAMS;
// this holds both catalogues' titles to the same list, and the list to what the titles use.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EVENT_KIND_NAMES, EVENT_PARAMS } from './event-kinds.ts';

type Catalogue = { notifications: { kinds: Record<string, { title: string; name: string }> } };
const catalogue = (lang: string) =>
  JSON.parse(fs.readFileSync(new URL(`../../locales/${lang}.json`, import.meta.url), 'utf8')) as Catalogue;
const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]!).sort();

describe('the names each kind’s message needs', () => {
  for (const lang of ['en', 'cy']) {
    it(`are exactly those its ${lang} title uses, for every kind`, () => {
      const kinds = catalogue(lang).notifications.kinds;
      for (const kind of EVENT_KIND_NAMES) {
        expect(kinds[kind], `${lang}: ${kind}`).toBeDefined();
        expect(placeholders(kinds[kind]!.title), `${lang}: ${kind}`).toEqual([...EVENT_PARAMS[kind]].sort());
      }
    });
  }
});
