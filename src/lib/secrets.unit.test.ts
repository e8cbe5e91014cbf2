import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { derivePurposeKeys } from './secrets.ts';

const secret = 'an operator secret of at least thirty-two characters';

describe('purpose-bound keys', () => {
  it('gives each use its own key, none of them the secret itself', () => {
    const keys = derivePurposeKeys(secret);
    expect(keys.cookies.equals(keys.attachmentLinks)).toBe(false);
    for (const key of Object.values(keys)) {
      expect(key).toHaveLength(32);
      expect(key.equals(Buffer.from(secret))).toBe(false);
    }
  });

  it('derives the same keys from the same secret, so signatures outlive a restart', () => {
    const first = derivePurposeKeys(secret);
    const again = derivePurposeKeys(secret);
    expect(again.cookies.equals(first.cookies)).toBe(true);
    expect(again.attachmentLinks.equals(first.attachmentLinks)).toBe(true);
  });

  it('keeps its labels: a changed label would void every signed cookie and link in flight', () => {
    const keys = derivePurposeKeys(secret);
    expect(keys.cookies.toString('hex')).toBe('1fa9910ae6d998e680e3f974a3456724e196cfe9ba66cfdb36066f0b3fb5ae55');
    expect(keys.attachmentLinks.toString('hex')).toBe(
      'd52d305de9f5e4b8d53f496f3bd171229e14623bed078638e3bf32d55d834252',
    );
  });

  it('derives other keys from another secret', () => {
    const keys = derivePurposeKeys(secret);
    const other = derivePurposeKeys(`${secret}!`);
    expect(other.cookies.equals(keys.cookies)).toBe(false);
    expect(other.attachmentLinks.equals(keys.attachmentLinks)).toBe(false);
  });

  it('makes a signature for one use worthless for another', () => {
    const keys = derivePurposeKeys(secret);
    const sign = (key: Buffer, value: string) => createHmac('sha256', key).update(value).digest('base64url');
    expect(sign(keys.attachmentLinks, 'payload')).not.toBe(sign(keys.cookies, 'payload'));
  });
});
