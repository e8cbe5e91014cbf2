// A real OpenID Connect provider (oidc-provider) on a loopback port, for the single sign-on tests and
// the browser journey: a client registered for Cydwella, another for some other service, and
// accounts whose claims (email, email_verified) each test sets. Sign-in at the provider goes through
// its development login form (any password), and consent is given as a school's tenant would.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { type Configuration } from 'oidc-provider';

export type TestClaims = { email?: string; email_verified?: boolean; name?: string };
type TokenBody = Record<string, unknown>;

export type TestOidcProvider = {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The provider's accounts, by subject: set one's claims before signing in as it. */
  accounts: Map<string, TestClaims>;
  /** The OIDC_* settings that point the app at this provider. */
  env(names?: { en: string; cy: string }): Record<string, string>;
  /** Changes the next token response Cydwella receives (an ID token for someone else, a broken one). */
  tamperNextTokenResponse(change: (body: TokenBody) => void | Promise<void>): void;
  /**
   * Signs in at the provider as `subject` from an authorisation URL, as a browser would, and returns
   * the URL the provider sends the person back to (Cydwella's callback, with code and state).
   */
  signIn(authorizationUrl: string, subject: string): Promise<URL>;
  /** A real ID token for the other service's client, with the nonce given: right issuer, wrong audience. */
  idTokenForOtherClient(subject: string, nonce: string): Promise<string>;
  close(): Promise<void>;
};

const CLIENT = { id: 'cydwella', secret: 'cydwella-test-client-secret' };
const OTHER = { id: 'another-service', secret: 'another-service-secret', redirect: 'http://another.test/callback' };

class CookieJar {
  private readonly cookies = new Map<string, string>();
  keep(response: Response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const index = pair.indexOf('=');
      const value = pair.slice(index + 1);
      if (value === '' || /expires=Thu, 01 Jan 1970/i.test(line)) this.cookies.delete(pair.slice(0, index));
      else this.cookies.set(pair.slice(0, index), value);
    }
  }
  header() {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}

export async function startOidcProvider(options: {
  redirectUris: string[];
  /** How long its ID tokens last; short, so a test can outlive one by moving the app's clock. */
  idTokenSeconds?: number;
}): Promise<TestOidcProvider> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const accounts = new Map<string, TestClaims>();
  let tamper: ((body: TokenBody) => void | Promise<void>) | null = null;

  const configuration: Configuration = {
    clients: [
      {
        client_id: CLIENT.id,
        client_secret: CLIENT.secret,
        redirect_uris: options.redirectUris,
        response_types: ['code'],
        grant_types: ['authorization_code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
      {
        client_id: OTHER.id,
        client_secret: OTHER.secret,
        redirect_uris: [OTHER.redirect],
        response_types: ['code'],
        grant_types: ['authorization_code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    findAccount: (_ctx, sub) => {
      const claims = accounts.get(sub);
      return claims ? { accountId: sub, claims: () => ({ sub, ...claims }) } : undefined;
    },
    // Consent given for every client, as an organisation's tenant does for its own services.
    loadExistingGrant: async (ctx) => {
      const { Grant } = ctx.oidc.provider;
      const grant = new Grant({ clientId: ctx.oidc.client!.clientId, accountId: ctx.oidc.session!.accountId! });
      grant.addOIDCScope('openid email profile');
      await grant.save();
      return grant;
    },
    features: { devInteractions: { enabled: true } },
    cookies: { keys: ['test-provider-cookie-key'] },
    ttl: { IdToken: options.idTokenSeconds ?? 60 },
  };
  const provider = new Provider(issuer, configuration);
  provider.use(async (ctx, next) => {
    await next();
    if (ctx.path === '/token' && ctx.status === 200 && tamper && ctx.body && typeof ctx.body === 'object') {
      const change = tamper;
      tamper = null;
      await change(ctx.body as TokenBody);
    }
  });
  server.on('request', provider.callback());

  async function signIn(authorizationUrl: string, subject: string): Promise<URL> {
    const jar = new CookieJar();
    let url = new URL(authorizationUrl);
    for (let step = 0; step < 10; step += 1) {
      if (url.origin !== issuer) return url;
      let response = await fetch(url, { redirect: 'manual', headers: { cookie: jar.header() } });
      jar.keep(response);
      if (response.status === 200 && url.pathname.startsWith('/interaction/')) {
        response = await fetch(url, {
          method: 'POST',
          redirect: 'manual',
          headers: { cookie: jar.header(), 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ prompt: 'login', login: subject, password: 'any' }),
        });
        jar.keep(response);
      }
      const location = response.headers.get('location');
      if (!location) throw new Error(`the provider stopped at ${url.href} with ${response.status}`);
      url = new URL(location, url);
    }
    throw new Error('the provider sent the browser round in circles');
  }

  async function idTokenForOtherClient(subject: string, nonce: string): Promise<string> {
    const start = new URL('/auth', issuer);
    start.search = new URLSearchParams({
      client_id: OTHER.id,
      redirect_uri: OTHER.redirect,
      response_type: 'code',
      scope: 'openid email',
      nonce,
      code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
      code_challenge_method: 'S256',
    }).toString();
    const back = await signIn(start.href, subject);
    const code = back.searchParams.get('code');
    if (!code) throw new Error(`no code for the other client: ${back.href}`);
    const response = await fetch(new URL('/token', issuer), {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from(`${OTHER.id}:${OTHER.secret}`).toString('base64')}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        code,
        redirect_uri: OTHER.redirect,
        code_verifier: 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk',
      }),
    });
    const body = (await response.json()) as { id_token?: string };
    if (!body.id_token) throw new Error(`no ID token for the other client: ${JSON.stringify(body)}`);
    return body.id_token;
  }

  return {
    issuer,
    clientId: CLIENT.id,
    clientSecret: CLIENT.secret,
    accounts,
    env: (names = { en: 'Hwb', cy: 'Hwb' }) => ({
      OIDC_ISSUER: issuer,
      OIDC_CLIENT_ID: CLIENT.id,
      OIDC_CLIENT_SECRET: CLIENT.secret,
      OIDC_NAME_EN: names.en,
      OIDC_NAME_CY: names.cy,
    }),
    tamperNextTokenResponse(change) {
      tamper = change;
    },
    signIn,
    idTokenForOtherClient,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
