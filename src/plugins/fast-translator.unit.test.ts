import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { fastTranslator, templateOf } from './fast-translator.ts';

const resources = {
  greeting: 'Hello {{name}}, you have {{n}} new',
  plain: 'Plain text',
  items_one: 'One item',
  items_other: '{{count}} items',
  items2_one: '{{count}} item for {{who}}',
  items2_other: '{{count}} items for {{who}}',
  formatted: 'Total {{amount, number}}',
  unescaped: 'Raw {{- html}}',
  nested: 'See $t(plain)',
  spaced: 'Dates {{ start }} to {{ due }}',
};

async function both() {
  const instance = i18next.createInstance();
  await instance.init({
    resources: { en: { translation: resources } },
    lng: 'en',
    fallbackLng: false,
    interpolation: { escapeValue: false },
  });
  const slow = instance.getFixedT('en');
  const fast = fastTranslator(slow, (key) => instance.getResource('en', 'translation', key));
  return { slow, fast };
}

describe('fastTranslator gives what i18next gives', () => {
  const calls: [string, Record<string, unknown>?][] = [
    ['plain'],
    ['greeting', { name: 'Siân', n: 3 }],
    ['greeting', { name: null, n: 0 }],
    ['greeting', { name: '{{n}} $t(plain) <b>', n: 1 }],
    ['items', { count: 1 }],
    ['items', { count: 5 }],
    ['items2', { count: 2, who: 'Ysgol' }],
    ['formatted', { amount: 1200 }],
    ['unescaped', { html: '<i>x</i>' }],
    ['nested'],
    ['spaced', { start: '1 Medi', due: '2 Hydref' }],
    ['missing.key'],
    ['greeting', { name: 'only name' }],
    ['greeting', { name: 'x', n: 1, lng: 'en' }],
  ];
  it.each(calls)('%s %j', async (key, options) => {
    const { slow, fast } = await both();
    const expected = options === undefined ? slow(key) : slow(key, options as never);
    expect(options === undefined ? fast(key) : fast(key, options as never)).toBe(expected);
    // Asked again, from what it kept.
    expect(options === undefined ? fast(key) : fast(key, options as never)).toBe(expected);
  });

  it('splits only texts that insert plain names', () => {
    expect(templateOf('A {{x}} b {{ y }}')).toEqual({ texts: ['A ', ' b ', ''], names: ['x', 'y'] });
    expect(templateOf('Raw {{- html}}')).toBeNull();
    expect(templateOf('Total {{amount, number}}')).toBeNull();
    expect(templateOf('See $t(plain)')).toBeNull();
    expect(templateOf(undefined)).toBeNull();
  });
});
