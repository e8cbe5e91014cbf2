import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { plain } from './output-document.ts';
import { withPassages, writtenFor } from './passages.ts';

// A stand-in translator: the keys these tests use, interpolated as i18next does with escaping off.
const TEXTS: Record<string, string> = {
  'outputs.sdp.priority': 'Blaenoriaeth {{number}}: {{title}}',
  'outputs.governors.overdueItem': '{{action}} ({{lead}}, erbyn {{date}})',
  'common.writtenIn.en': "wedi'i ysgrifennu yn Saesneg",
  'common.writtenIn.cy': "wedi'i ysgrifennu yn Gymraeg",
};
const t = ((key: string, values: Record<string, unknown> = {}) =>
  (TEXTS[key] ?? key).replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name]))) as unknown as TFunction;
const cy = writtenFor(t, 'cy');

describe('passages in a document of one language', () => {
  it('takes the version in the document language, tagged with it and unmarked', () => {
    expect(cy({ language: 'en', otherLanguage: { title: 'Gwella darllen' } }, 'Improve reading', 'title')).toEqual([
      { text: 'Gwella darllen', lang: 'cy' },
    ]);
  });

  it('shows the original with its language and a note in the document language when there is no version', () => {
    expect(cy({ language: 'en', otherLanguage: {} }, 'Improve reading', 'title')).toEqual([
      { text: 'Improve reading', lang: 'en' },
      { text: " (wedi'i ysgrifennu yn Saesneg)", note: true },
    ]);
    expect(cy({ language: 'en', otherLanguage: { title: '  ' } }, 'Improve reading', 'title')).toHaveLength(2);
    expect(cy({ language: 'en', otherLanguage: {} }, '', 'title')).toEqual([]);
  });

  it('puts passages into an interface text, each keeping its language, the rest in the document language', () => {
    const spans = withPassages(
      t,
      'outputs.governors.overdueItem',
      { lead: 'Siân', date: '30 Tachwedd' },
      { action: cy({ language: 'en', otherLanguage: {} }, 'Train staff', 'description') },
    );
    expect(spans).toEqual([
      { text: 'Train staff', lang: 'en' },
      { text: " (wedi'i ysgrifennu yn Saesneg)", note: true },
      { text: ' (Siân, erbyn 30 Tachwedd)' },
    ]);
    expect(
      plain(withPassages(t, 'outputs.sdp.priority', { number: 2 }, { title: [{ text: 'Presenoldeb', lang: 'cy' }] })),
    ).toBe('Blaenoriaeth 2: Presenoldeb');
  });
});
