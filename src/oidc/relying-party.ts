import * as client from "openid-client";
import type { OidcLoginAttemptRow, OidcProviderRow } from "../db/repositories/oidc-repository.ts";
import { CLIENT_SECRET_PURPOSE } from "../domain/oidc/manage-providers.ts";
import { isLoopbackUrl } from "../domain/oidc/provider-rules.ts";
import type { VerifiedClaims, VerifiedSignIn } from "../domain/oidc/sign-in-rules.ts";
import type { SecretBox } from "../secrets/secret-box.ts";

/**
 * Ansluta as an OpenID Connect relying party, through openid-client (certified): discovery, the
 * authorization request with PKCE (S256), state and nonce, and the code exchange whose ID token
 * openid-client verifies (issuer, audience, expiry, nonce, and, with its non-repudiation checks on,
 * the signature against the provider's JWKS).
 * Ansluta reads claims only from a token that passed those checks.
 */
export type RelyingParty = {
  /** Where to send the browser; throws ProviderUnreachableError when the provider cannot be asked. */
  authorizationUrl(provider: OidcProviderRow, attempt: OidcLoginAttemptRow, redirectUri: string): Promise<URL>;
  /** The verified ID token's claims for the callback at `callbackUrl`; throws ProviderUnreachableError or TokenRejectedError. */
  exchange(provider: OidcProviderRow, attempt: OidcLoginAttemptRow, callbackUrl: URL): Promise<VerifiedSignIn>;
  /**
   * Where to send the browser to end its session at the provider (RP-initiated logout), then back to
   * `returnTo`; null when the provider offers no end-session endpoint or cannot be asked now.
   */
  logoutUrl(provider: OidcProviderRow, idToken: string | null, returnTo: string): Promise<URL | null>;
};

/** The provider did not answer in time, could not be reached, or answered what is not OpenID Connect. */
export class ProviderUnreachableError extends Error {}
/** The provider answered, but the code or the ID token did not pass the checks. */
export class TokenRejectedError extends Error {}

export type RelyingPartyOptions = {
  secrets: SecretBox;
  /** Per HTTP request to the provider (discovery, JWKS, token endpoint). */
  timeoutSeconds?: number;
  /** How long a discovered configuration is used before it is fetched again. */
  cacheSeconds?: number;
};

const networkFailure = (e: unknown) =>
  e instanceof Error &&
  (e.name === "TimeoutError" || e.name === "AbortError" || (e instanceof TypeError && /fetch failed/i.test(e.message)));

const problemOf = (e: unknown) => (e instanceof Error ? `${(e as { code?: string }).code ?? e.name}: ${e.message}` : String(e));

export function relyingParty({ secrets, timeoutSeconds = 5, cacheSeconds = 300 }: RelyingPartyOptions): RelyingParty {
  const cache = new Map<string, { config: client.Configuration; until: number }>();

  async function configuration(provider: OidcProviderRow): Promise<client.Configuration> {
    // The sealed secret is in the key, so a changed registration is discovered afresh.
    const key = [provider.id, provider.issuer, provider.clientId, provider.clientSecret].join("\n");
    const cached = cache.get(key);
    if (cached && cached.until > Date.now()) return cached.config;
    const issuer = new URL(provider.issuer);
    try {
      const config = await client.discovery(
        issuer,
        provider.clientId,
        secrets.open(provider.clientSecret, CLIENT_SECRET_PURPOSE),
        undefined,
        {
          timeout: timeoutSeconds,
          // The ID token's signature is checked against the provider's JWKS too, not left to TLS alone
          // (openid-client's default for a token from the token endpoint). Plain HTTP only to this
          // machine (provider-rules.ts): development and the tests' provider.
          execute: [client.enableNonRepudiationChecks, ...(isLoopbackUrl(issuer) ? [client.allowInsecureRequests] : [])],
        },
      );
      cache.set(key, { config, until: Date.now() + cacheSeconds * 1000 });
      return config;
    } catch (e) {
      throw new ProviderUnreachableError(`discovery at ${provider.issuer} failed: ${problemOf(e)}`, { cause: e });
    }
  }

  return {
    async authorizationUrl(provider, attempt, redirectUri) {
      const config = await configuration(provider);
      return client.buildAuthorizationUrl(config, {
        redirect_uri: redirectUri,
        scope: provider.scopes,
        state: attempt.state,
        nonce: attempt.nonce,
        code_challenge: await client.calculatePKCECodeChallenge(attempt.codeVerifier),
        code_challenge_method: "S256",
      });
    },

    async exchange(provider, attempt, callbackUrl) {
      const config = await configuration(provider);
      let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>;
      try {
        tokens = await client.authorizationCodeGrant(config, callbackUrl, {
          pkceCodeVerifier: attempt.codeVerifier,
          expectedState: attempt.state,
          expectedNonce: attempt.nonce,
          idTokenExpected: true,
        });
      } catch (e) {
        if (networkFailure(e))
          throw new ProviderUnreachableError(`the token request to ${provider.issuer} failed: ${problemOf(e)}`, { cause: e });
        throw new TokenRejectedError(problemOf(e), { cause: e });
      }
      const idClaims = tokens.claims();
      if (!idClaims || !tokens.id_token) throw new TokenRejectedError("the token response has no ID token");
      // Some providers put e-mail or groups only in userinfo (the core spec's default for scope
      // claims): ask it for what the ID token lacks. The ID token's own claims win; userinfo is
      // checked to be about the same subject (openid-client refuses another `sub`).
      const wanted = ["email", ...(provider.membershipClaim ? [provider.membershipClaim] : [])];
      let all: Record<string, unknown> = { ...idClaims };
      if (wanted.some((claim) => !(claim in idClaims)) && tokens.access_token && config.serverMetadata().userinfo_endpoint) {
        try {
          const info = await client.fetchUserInfo(config, tokens.access_token, idClaims.sub);
          all = { ...info, ...idClaims };
        } catch (e) {
          if (networkFailure(e))
            throw new ProviderUnreachableError(`the userinfo request to ${provider.issuer} failed: ${problemOf(e)}`, { cause: e });
          throw new TokenRejectedError(`userinfo: ${problemOf(e)}`, { cause: e });
        }
      }
      return { claims: claimsOf(idClaims.iss, idClaims.sub, all), idToken: tokens.id_token };
    },

    async logoutUrl(provider, idToken, returnTo) {
      let config: client.Configuration;
      try {
        config = await configuration(provider);
      } catch {
        return null;
      }
      if (!config.serverMetadata().end_session_endpoint) return null;
      return client.buildEndSessionUrl(config, {
        post_logout_redirect_uri: returnTo,
        ...(idToken ? { id_token_hint: idToken } : {}),
      });
    },
  };
}

/** The claims Ansluta reads, from a token that passed the checks (and the userinfo answer about the same subject). */
function claimsOf(issuer: string, subject: string, all: Record<string, unknown>): VerifiedClaims {
  const verified = all.email_verified;
  return {
    issuer,
    subject,
    email: typeof all.email === "string" ? all.email : null,
    emailVerified: typeof verified === "boolean" ? verified : verified === "true" ? true : verified === "false" ? false : null,
    name: typeof all.name === "string" ? all.name : null,
    all,
  };
}
