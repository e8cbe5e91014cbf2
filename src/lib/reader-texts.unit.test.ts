import { describe, expect, it } from 'vitest';
import { readerTexts, withReaderTexts } from './reader-texts.ts';

const welsh = {
  language: 'cy',
  otherLanguage: { title: 'Attendance' },
  title: 'Presenoldeb',
  body: 'Testun',
  learners: '',
};

describe('reader texts', () => {
  it('gives each field the version in the reader’s language, or the original marked', () => {
    expect(readerTexts(welsh, ['title', 'body', 'learners'], 'en')).toEqual({
      title: { text: 'Attendance', lang: 'en', marked: false },
      body: { text: 'Testun', lang: 'cy', marked: true },
      learners: { text: '', lang: 'cy', marked: false },
    });
    expect(readerTexts(welsh, ['title'], 'cy').title).toEqual({ text: 'Presenoldeb', lang: 'cy', marked: false });
  });

  it('keeps the record and puts its reader texts beside it', () => {
    const row = withReaderTexts(welsh, ['title'], 'en');
    expect(row.title).toBe('Presenoldeb');
    expect(row.rt.title.text).toBe('Attendance');
  });
});
