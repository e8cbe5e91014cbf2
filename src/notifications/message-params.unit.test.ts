import { describe, expect, it } from 'vitest';
import { paramsIn } from './message-params.ts';

describe('a message’s params in the reader’s language', () => {
  const params = { la: 'Cardiff', laCy: 'Caerdydd', round: 'LA plans 2026', roundCy: '', deadline: '2026-10-31' };

  it('gives a Welsh reader the Welsh name where there is one, and the name as written otherwise', () => {
    expect(paramsIn('cy', params)).toEqual({ la: 'Caerdydd', round: 'LA plans 2026', deadline: '2026-10-31' });
  });

  it('gives an English reader the English names', () => {
    expect(paramsIn('en', params)).toEqual({ la: 'Cardiff', round: 'LA plans 2026', deadline: '2026-10-31' });
  });

  it('keeps a param that merely ends in Cy when it has no English partner', () => {
    expect(paramsIn('en', { schoolCy: 'Ysgol' })).toEqual({ schoolCy: 'Ysgol' });
  });
});
