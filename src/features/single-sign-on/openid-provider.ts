// The OpenID Connect provider, through openid-client: the authorisation code flow with PKCE, state
// and nonce. openid-client validates the ID token (signature, issuer, audience, times, nonce); this
// file decides what counts as the provider being down (a clear page, password sign-in unaffected)
// and reads the claims we need, from the ID token or, where a provider keeps them there, userinfo.
import * as client from 'openid-client';
import type { OidcConfig } from '../../config.ts';
import { secondsAheadOfSystem, type Clock } from '../../lib/clock.ts';
import type { PendingSignIn } from './pending-sign-in.ts';
import type { ProviderIdentity } from './single-sign-on-service.ts';

export const CALLBACK_PATH = '/sign-in/sso/callback';
// A provider that has not answered in this time is treated as down: the person is waiting.
const TIMEOUT_SECONDS = 10;

/** `unavailable`: the provider could not be reached; `failed`: it answered, but not with anything we accept. */
export class ProviderProblem extends Error {
  readonly kind: 'unavailable' | 'failed';
  constructor(kind: 'unavailable' | 'failed', cause: unknown) {
    super(`single sign-on ${kind}`, { cause });
    this.kind = kind;
  }
}

function classify(error: unknown): ProviderProblem {
  if (error instanceof ProviderProblem) return error;
  // fetch's own failure (refused, reset, DNS) is a TypeError; openid-client names its timeouts.
  const code = (error as { code?: unknown } | null)?.code;
  const unreachable = error instanceof TypeError || code === 'OAUTH_TIMEOUT' || code === 'OAUTH_ABORT';
  return new ProviderProblem(unreachable ? 'unavailable' : 'failed', error);
}

export type OpenIdProvider = {
  /** Where to send the person, and what to remember until they come back. */
  start(next: string): Promise<{ url: string; pending: PendingSignIn }>;
  /** Redeems the code in the callback's URL and validates the ID token; throws ProviderProblem. */
  finish(callbackUrl: URL, pending: PendingSignIn): Promise<ProviderIdentity>;
};

export function openIdProvider(settings: OidcConfig, publicUrl: string, clock: Clock): OpenIdProvider {
  const redirectUri = `${publicUrl}${CALLBACK_PATH}`;
  const insecure = new URL(settings.issuer).protocol === 'http:'; // only on loopback (src/config.ts)
  let metadata: Promise<client.ServerMetadata> | null = null;
  let jwks: client.ExportedJWKSCache | undefined;

  // Discovered once and kept; a failed discovery is forgotten, so the next sign-in tries again.
  function serverMetadata(): Promise<client.ServerMetadata> {
    metadata ??= client
      .discovery(new URL(settings.issuer), settings.clientId, settings.clientSecret, undefined, {
        execute: insecure ? [client.allowInsecureRequests] : [],
        timeout: TIMEOUT_SECONDS,
      })
      .then((found) => found.serverMetadata())
      .catch((error: unknown) => {
        metadata = null;
        throw classify(error);
      });
    return metadata;
  }

  // A configuration per sign-in, so the token's times are judged on the app's clock.
  async function configuration(): Promise<client.Configuration> {
    const config = new client.Configuration(
      await serverMetadata(),
      settings.clientId,
      {
        client_secret: settings.clientSecret,
        [client.clockSkew]: secondsAheadOfSystem(clock),
        [client.clockTolerance]: settings.clockToleranceSeconds,
      },
      client.ClientSecretBasic(settings.clientSecret),
    );
    if (insecure) client.allowInsecureRequests(config);
    config.timeout = TIMEOUT_SECONDS;
    if (jwks) client.setJwksCache(config, jwks);
    return config;
  }

  return {
    async start(next) {
      const config = await configuration();
      const pending = {
        state: client.randomState(),
        nonce: client.randomNonce(),
        verifier: client.randomPKCECodeVerifier(),
        next,
      };
      const url = client.buildAuthorizationUrl(config, {
        redirect_uri: redirectUri,
        scope: 'openid email profile',
        state: pending.state,
        nonce: pending.nonce,
        code_challenge: await client.calculatePKCECodeChallenge(pending.verifier),
        code_challenge_method: 'S256',
      });
      return { url: url.href, pending };
    },

    async finish(callbackUrl, pending) {
      const config = await configuration();
      try {
        const tokens = await client.authorizationCodeGrant(config, callbackUrl, {
          pkceCodeVerifier: pending.verifier,
          expectedState: pending.state,
          expectedNonce: pending.nonce,
          idTokenExpected: true,
        });
        jwks = client.getJwksCache(config) ?? jwks;
        const claims = tokens.claims()!;
        let { email, email_verified: emailVerified } = claims;
        // Many providers keep these claims for userinfo when the ID token is not asked for them.
        if (email === undefined || emailVerified === undefined) {
          const info = await client.fetchUserInfo(config, tokens.access_token, claims.sub);
          email ??= info.email;
          emailVerified ??= info.email_verified;
        }
        return {
          issuer: claims.iss,
          subject: claims.sub,
          email: typeof email === 'string' && email.trim() !== '' ? email.trim() : null,
          emailVerified: emailVerified === true,
        };
      } catch (error) {
        throw classify(error);
      }
    },
  };
}
