import { describe, expect, it } from 'vitest';
import { containsUnsafeText, isUnsafeText } from './unsafe-text.ts';

describe('isUnsafeText', () => {
  it.each([
    ['NUL', '\u0000'],
    ['another C0 control', 'a\u001bb'],
    ['DEL', '\u007f'],
    ['a C1 control', '\u0085'],
    ['a lone high surrogate', 'a\ud800'],
    ['a lone low surrogate', '\udc00b'],
  ])('refuses %s', (_name, value) => expect(isUnsafeText(value)).toBe(true));

  it.each([
    ['tab, line feed and carriage return', 'a\tb\r\nc'],
    ['Welsh accents', 'Ysgol Gymraeg Bro Morgannwg: ŵ ŷ â'],
    ['an emoji (a surrogate pair)', 'Well done 👏'],
    ['the replacement character', '\ufffd'],
  ])('keeps %s', (_name, value) => expect(isUnsafeText(value)).toBe(false));
});

describe('containsUnsafeText', () => {
  it('looks into lists, nested objects and names', () => {
    expect(containsUnsafeText({ tags: ['a', 'b\u0000'] })).toBe(true);
    expect(containsUnsafeText({ 'ti\u0001tle': 'x' })).toBe(true);
    expect(containsUnsafeText({ a: { b: { c: '\u0002' } } })).toBe(true);
    expect(containsUnsafeText({ a: ['ok', { b: 'fine' }], n: 3, yes: true, none: null })).toBe(false);
  });

  it('reads a multipart part by its name, value and file name, not its stream or its link to the body', () => {
    const body: Record<string, unknown> = {};
    const field = { type: 'field', fieldname: 'title', value: 'Walk', fields: body };
    const file = {
      type: 'file',
      fieldname: 'attachments',
      filename: 'walk.pdf',
      file: { _readableState: { buffer: ['\u0000'] } },
      fields: body,
    };
    Object.assign(body, { title: field, attachments: file });
    expect(containsUnsafeText(body)).toBe(false);
    expect(containsUnsafeText({ title: { ...field, value: 'Walk\u0000' } })).toBe(true);
    expect(containsUnsafeText({ attachments: { ...file, filename: 'walk\u0007.pdf' } })).toBe(true);
  });

  it('skips buffers, whose bytes are a file, not text', () => {
    expect(containsUnsafeText({ content: Buffer.from([0, 1, 2]) })).toBe(false);
  });
});
