import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { seal, unseal } from './sealed-text.ts';

describe('sealed text', () => {
  const key = randomBytes(32);
  it('opens with the same key and context, and hides the text', () => {
    const sealed = seal(key, 'JBSWY3DPEHPK3PXP', 'user-1');
    expect(sealed).not.toContain('JBSWY3DPEHPK3PXP');
    expect(unseal(key, sealed, 'user-1')).toBe('JBSWY3DPEHPK3PXP');
  });
  it('refuses another context, another key, an altered value and rubbish', () => {
    const sealed = seal(key, 'secret', 'user-1');
    expect(unseal(key, sealed, 'user-2')).toBeNull();
    expect(unseal(randomBytes(32), sealed, 'user-1')).toBeNull();
    const parts = sealed.split('.');
    parts[3] = Buffer.from('tampered').toString('base64url');
    expect(unseal(key, parts.join('.'), 'user-1')).toBeNull();
    for (const rubbish of ['', 'v1', 'v1.a.b', 'v2.a.b.c', 'v1.a.b.c.d', '....'])
      expect(unseal(key, rubbish, 'user-1')).toBeNull();
  });
});
