import { describe, expect, it } from 'vitest';
import { cleanOtherLanguage, forReader, missingFields, otherOf, textIn } from './paired-text.ts';

const welsh = { language: 'cy', otherLanguage: { title: 'Attendance' } };

describe('paired texts', () => {
  it('shows a reader the version in their language when there is one', () => {
    expect(forReader(welsh, 'Presenoldeb', 'title', 'en')).toEqual({ text: 'Attendance', lang: 'en', marked: false });
    expect(forReader(welsh, 'Presenoldeb', 'title', 'cy')).toEqual({ text: 'Presenoldeb', lang: 'cy', marked: false });
  });

  it('shows the original marked with its language when the reader’s version is missing', () => {
    expect(forReader(welsh, 'Disgrifiad', 'body', 'en')).toEqual({ text: 'Disgrifiad', lang: 'cy', marked: true });
    expect(forReader(welsh, '', 'body', 'en')).toEqual({ text: '', lang: 'cy', marked: false });
    expect(forReader({ language: 'en', otherLanguage: { title: '  ' } }, 'Reading', 'title', 'cy').marked).toBe(true);
  });

  it('names the fields that lack the other language, ignoring empty originals', () => {
    expect(missingFields(welsh, { title: 'Presenoldeb', body: 'Testun', learners: '' })).toEqual(['body']);
    expect(missingFields({ language: 'en', otherLanguage: null }, { title: 'Reading' })).toEqual(['title']);
  });

  it('reads a text in a given language only where it exists', () => {
    expect(textIn(welsh, 'Presenoldeb', 'title', 'cy')).toBe('Presenoldeb');
    expect(textIn(welsh, 'Presenoldeb', 'title', 'en')).toBe('Attendance');
    expect(textIn(welsh, 'Testun', 'body', 'en')).toBe('');
    expect(otherOf('cy')).toBe('en');
    expect(otherOf('en')).toBe('cy');
  });

  it('stores only named, non-empty, trimmed fields', () => {
    expect(cleanOtherLanguage({ title: ' Attendance ', body: '', extra: 'x' }, ['title', 'body'])).toEqual({
      title: 'Attendance',
    });
  });
});
