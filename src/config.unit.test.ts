import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';

const withProxy = (value: string | undefined) =>
  loadConfig({ NODE_ENV: 'production', COOKIE_SECRET: 'x'.repeat(32), TRUST_PROXY: value }).trustProxy;

describe('TRUST_PROXY', () => {
  it('is off unless set, in production too: X-Forwarded-For is believed only from a named proxy', () => {
    expect(withProxy(undefined)).toBe(false);
    expect(withProxy('')).toBe(false);
    expect(withProxy('false')).toBe(false);
    expect(withProxy('0')).toBe(false);
  });

  it('takes a number of proxy hops', () => {
    expect(withProxy('1')).toBe(1);
    expect(withProxy('2')).toBe(2);
  });

  it('takes proxy addresses and CIDR ranges, comma-separated', () => {
    expect(withProxy('127.0.0.1')).toEqual(['127.0.0.1']);
    expect(withProxy('10.0.0.0/8, 192.168.1.1,::1,fd00::/8,loopback')).toEqual([
      '10.0.0.0/8',
      '192.168.1.1',
      '::1',
      'fd00::/8',
      'loopback',
    ]);
  });

  it.each(['true', 'yes', '10.0.0.0/33', '10.0.0/8', 'proxy.example', '1.2.3.4,', '-1', '::1/129'])(
    'refuses %s at start-up',
    (value) => {
      expect(() => withProxy(value)).toThrow(/TRUST_PROXY must be/);
    },
  );
});
