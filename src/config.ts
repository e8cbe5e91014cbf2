import net from 'node:net';
import path from 'node:path';

/**
 * Every environment variable the app reads, validated once at boot.
 * Nothing else in src/ reads process.env: everything receives a Config.
 */
export type Config = {
  env: 'development' | 'test' | 'production';
  port: number;
  host: string;
  publicUrl: string;
  databaseUrl: string | null;
  pgliteDir: string;
  dataDir: string;
  cookieSecret: string;
  secureCookies: boolean;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  rateLimitPerMinute: number;
  signInRateLimitPerMinute: number;
  /** Requests a minute for each API token, whatever address it comes from. */
  apiTokenRateLimitPerMinute: number;
  bodyLimitBytes: number;
  /** Fastify's trustProxy: which X-Forwarded-For hops to believe for the client address. */
  trustProxy: TrustProxy;
  logLevel: string;
  smtp: SmtpConfig | null;
  /** Single sign-on with an OpenID Connect provider ("Sign in with Hwb"); null when it is off. */
  oidc: OidcConfig | null;
  loadDemoData: boolean;
  /** Roles with wide reach (src/policy/roles.ts) must use two-factor at password sign-in. */
  twoFactorRequired: boolean;
  /** Pages, styles and scripts sent gzip- or brotli-compressed; off when a proxy in front compresses. */
  compress: boolean;
};

export type OidcConfig = {
  /** The issuer identifier; its discovery document is at /.well-known/openid-configuration below it. */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The provider's name on the button and the account page, in each language. */
  name: { en: string; cy: string };
  /** How far the provider's clock may differ from ours when its tokens' times are checked. */
  clockToleranceSeconds: number;
};

/** false, a number of proxy hops, or the proxies' addresses and CIDR ranges (proxy-addr's names allowed). */
export type TrustProxy = false | number | string[];

export type SmtpConfig = {
  host: string;
  port: number;
  secure: boolean;
  user: string | null;
  password: string | null;
  from: string;
};

type Env = Record<string, string | undefined>;

const DEV_COOKIE_SECRET = 'development-only-cookie-secret-change-me-0123456789';

export function loadConfig(env: Env = process.env, cwd = process.cwd()): Config {
  const problems: string[] = [];
  const nodeEnv = env.NODE_ENV ?? 'development';
  if (!['development', 'test', 'production'].includes(nodeEnv)) {
    problems.push(`NODE_ENV must be development, test or production (got "${nodeEnv}")`);
  }
  const int = (name: string, fallback: number, min = 0): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min) {
      problems.push(`${name} must be a whole number of at least ${min} (got "${raw}")`);
      return fallback;
    }
    return value;
  };
  const port = int('PORT', 3000, 0);
  const databaseUrl = env.DATABASE_URL && env.DATABASE_URL !== '' ? env.DATABASE_URL : null;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    problems.push('DATABASE_URL must start with postgres:// or postgresql://');
  }
  const cookieSecret = env.COOKIE_SECRET ?? (nodeEnv === 'production' ? '' : DEV_COOKIE_SECRET);
  if (cookieSecret.length < 32) problems.push('COOKIE_SECRET must be set to at least 32 characters');
  const dataDir = path.resolve(cwd, env.DATA_DIR ?? 'data');
  const smtp = loadSmtp(env, problems, int);
  const trustProxy = loadTrustProxy(env.TRUST_PROXY, problems);
  const oidc = loadOidc(env, problems, int);
  const compress = env.COMPRESS || 'true';
  if (!['true', 'false'].includes(compress)) problems.push(`COMPRESS must be true or false (got "${compress}")`);
  if (problems.length > 0) {
    throw new Error(`Configuration problems:\n - ${problems.join('\n - ')}`);
  }
  const environment = nodeEnv as Config['env'];
  return {
    env: environment,
    port,
    host: env.HOST ?? '0.0.0.0',
    publicUrl: (env.PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/$/, ''),
    databaseUrl,
    pgliteDir: path.join(dataDir, 'pglite'),
    dataDir,
    cookieSecret,
    secureCookies: env.SECURE_COOKIES ? env.SECURE_COOKIES === 'true' : environment === 'production',
    sessionIdleMinutes: int('SESSION_IDLE_MINUTES', 60, 1),
    sessionAbsoluteHours: int('SESSION_ABSOLUTE_HOURS', 12, 1),
    rateLimitPerMinute: int('RATE_LIMIT_PER_MINUTE', 600, 1),
    signInRateLimitPerMinute: int('SIGN_IN_RATE_LIMIT_PER_MINUTE', 30, 1),
    apiTokenRateLimitPerMinute: int('API_TOKEN_RATE_LIMIT_PER_MINUTE', 120, 1),
    bodyLimitBytes: int('BODY_LIMIT_BYTES', 1024 * 1024, 1024),
    trustProxy,
    logLevel: env.LOG_LEVEL ?? (environment === 'test' ? 'silent' : 'info'),
    smtp,
    oidc,
    // Demo data never loads on a real server or in production (docs/ARCHITECTURE.md section 7).
    loadDemoData: databaseUrl === null && environment !== 'production' && env.DEMO_DATA !== 'false',
    // On unless turned off: only the test suite's own config turns it off, for its many LA officers.
    twoFactorRequired: env.TWO_FACTOR_REQUIRED !== 'false',
    // On unless turned off: compressing twice (here and at a proxy) only costs CPU.
    compress: compress === 'true',
  };
}

// proxy-addr's named ranges, which Fastify accepts beside addresses.
const NAMED_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);

function isAddressOrRange(value: string): boolean {
  if (NAMED_RANGES.has(value) || net.isIP(value) !== 0) return true;
  const [address = '', bits, ...rest] = value.split('/');
  const family = net.isIP(address);
  return (
    family !== 0 &&
    rest.length === 0 &&
    bits !== undefined &&
    /^\d{1,3}$/.test(bits) &&
    Number(bits) <= (family === 4 ? 32 : 128)
  );
}

/**
 * Off by default: believing X-Forwarded-For from anyone lets any client choose the address its
 * rate limits and sign-in lockouts are counted against. Behind a reverse proxy, name the proxy.
 */
function loadTrustProxy(raw: string | undefined, problems: string[]): TrustProxy {
  const value = raw?.trim() ?? '';
  if (value === '' || value === 'false' || value === '0') return false;
  if (/^\d+$/.test(value)) return Number(value);
  const entries = value.split(',').map((entry) => entry.trim());
  if (entries.every(isAddressOrRange)) return entries;
  problems.push(
    `TRUST_PROXY must be a number of proxy hops or a comma-separated list of proxy addresses or CIDR ranges (got "${value}")`,
  );
  return false;
}

function loadSmtp(env: Env, problems: string[], int: (n: string, f: number, m?: number) => number): SmtpConfig | null {
  if (!env.SMTP_HOST) return null;
  if (!env.SMTP_FROM) problems.push('SMTP_FROM must be set when SMTP_HOST is set');
  return {
    host: env.SMTP_HOST,
    port: int('SMTP_PORT', 587, 1),
    secure: env.SMTP_SECURE === 'true',
    user: env.SMTP_USER ?? null,
    password: env.SMTP_PASSWORD ?? null,
    from: env.SMTP_FROM ?? '',
  };
}

const OIDC_REQUIRED = ['OIDC_ISSUER', 'OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET', 'OIDC_NAME_EN', 'OIDC_NAME_CY'] as const;
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Off unless OIDC_ISSUER is set; then every part must be. The issuer must use https, but for one on
 * this machine (a provider run for development or tests), whose traffic never leaves it.
 */
function loadOidc(env: Env, problems: string[], int: (n: string, f: number, m?: number) => number): OidcConfig | null {
  if (!env.OIDC_ISSUER) return null;
  const missing = OIDC_REQUIRED.filter((name) => !env[name]?.trim());
  if (missing.length > 0) problems.push(`${missing.join(', ')} must be set when OIDC_ISSUER is set`);
  let issuer: URL | null = null;
  try {
    issuer = new URL(env.OIDC_ISSUER);
  } catch {
    problems.push(`OIDC_ISSUER must be a URL (got "${env.OIDC_ISSUER}")`);
  }
  if (issuer && issuer.protocol !== 'https:' && !(issuer.protocol === 'http:' && LOOPBACK_HOSTS.has(issuer.hostname)))
    problems.push('OIDC_ISSUER must use https');
  const clockToleranceSeconds = int('OIDC_CLOCK_TOLERANCE_SECONDS', 30, 0);
  if (clockToleranceSeconds > 300) problems.push('OIDC_CLOCK_TOLERANCE_SECONDS must be at most 300');
  return {
    issuer: env.OIDC_ISSUER,
    clientId: env.OIDC_CLIENT_ID?.trim() ?? '',
    clientSecret: env.OIDC_CLIENT_SECRET ?? '',
    name: { en: env.OIDC_NAME_EN?.trim() ?? '', cy: env.OIDC_NAME_CY?.trim() ?? '' },
    clockToleranceSeconds,
  };
}
