import { describe, expect, it } from 'vitest';
import { hashRecoveryCode, newRecoveryCodes, normaliseRecoveryCode, RECOVERY_CODE_COUNT } from './recovery-codes.ts';

describe('recovery codes', () => {
  it('are ten different 80-bit codes in groups of four', () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(RECOVERY_CODE_COUNT);
    expect(new Set(codes).size).toBe(RECOVERY_CODE_COUNT);
    for (const code of codes) expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
  });
  it('match however they are typed, and nothing else does', () => {
    const [code] = newRecoveryCodes();
    const hash = hashRecoveryCode(normaliseRecoveryCode(code!)!);
    expect(hashRecoveryCode(normaliseRecoveryCode(code!.toLowerCase().replace(/-/g, ' '))!)).toBe(hash);
    expect(normaliseRecoveryCode('ABCD-EFGH')).toBeNull();
    expect(normaliseRecoveryCode('ABCD-EFGH-JKMN-PQR!')).toBeNull();
    expect(normaliseRecoveryCode('1234-5678-9ABC-DEFG')).toBe('123456789ABCDEFG');
  });
});
