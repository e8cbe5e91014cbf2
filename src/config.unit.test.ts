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

describe('OIDC_* (single sign-on)', () => {
  const base = { NODE_ENV: 'production', COOKIE_SECRET: 'x'.repeat(32) };
  const full = {
    OIDC_ISSUER: 'https://login.example.test/tenant/v2.0',
    OIDC_CLIENT_ID: 'cydwella',
    OIDC_CLIENT_SECRET: 'a secret',
    OIDC_NAME_EN: 'Hwb',
    OIDC_NAME_CY: 'Hwb',
  };

  it('is off when no issuer is set', () => {
    expect(loadConfig(base).oidc).toBeNull();
  });

  it('reads every part, with a small clock tolerance by default', () => {
    expect(loadConfig({ ...base, ...full }).oidc).toEqual({
      issuer: full.OIDC_ISSUER,
      clientId: 'cydwella',
      clientSecret: 'a secret',
      name: { en: 'Hwb', cy: 'Hwb' },
      clockToleranceSeconds: 30,
    });
  });

  it('refuses to start with a part missing, an issuer without https, or a large tolerance', () => {
    expect(() => loadConfig({ ...base, ...full, OIDC_CLIENT_SECRET: '' })).toThrow(/OIDC_CLIENT_SECRET must be set/);
    expect(() => loadConfig({ ...base, ...full, OIDC_ISSUER: 'http://login.example.test' })).toThrow(/https/);
    expect(() => loadConfig({ ...base, ...full, OIDC_ISSUER: 'not a url' })).toThrow(/must be a URL/);
    expect(() => loadConfig({ ...base, ...full, OIDC_CLOCK_TOLERANCE_SECONDS: '3600' })).toThrow(/at most 300/);
  });

  it('allows plain http only to a provider on this machine', () => {
    expect(loadConfig({ ...base, ...full, OIDC_ISSUER: 'http://127.0.0.1:4000' }).oidc?.issuer).toBe(
      'http://127.0.0.1:4000',
    );
  });
});

describe('COMPRESS', () => {
  const compress = (value: string | undefined) => loadConfig({ NODE_ENV: 'test', COMPRESS: value }).compress;

  it('is on unless turned off (for a proxy that compresses)', () => {
    expect(compress(undefined)).toBe(true);
    expect(compress('')).toBe(true);
    expect(compress('true')).toBe(true);
    expect(compress('false')).toBe(false);
  });

  it.each(['no', '0', 'TRUE'])('refuses "%s" at start-up', (value) => {
    expect(() => compress(value)).toThrow(/COMPRESS must be true or false/);
  });
});
