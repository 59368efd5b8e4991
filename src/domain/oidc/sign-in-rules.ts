import { servesEmail } from "./provider-rules.ts";

/** What a verified ID token says about the person (openid-client has checked signature, issuer, audience, expiry, nonce). */
export type VerifiedClaims = {
  issuer: string;
  subject: string;
  email: string | null;
  /** `email_verified`; null when the token does not say (Entra ID leaves it out). */
  emailVerified: boolean | null;
  name: string | null;
  /** Every claim the token (and userinfo) carried, for the provider's membership claim. */
  all: Readonly<Record<string, unknown>>;
};

/** A finished code exchange: who the person is, and the ID token to hint with at logout. */
export type VerifiedSignIn = { claims: VerifiedClaims; idToken: string };

/** Why a sign-in with a provider was refused: each has its own page text and audit entry. */
export type SignInRefusal =
  /** No `state`, or one Ansluta never gave out, or gave to another browser's sign-in. */
  | "state_missing"
  | "state_unknown"
  | "state_expired"
  /** The provider was removed or turned off since the sign-in began. */
  | "provider_unavailable"
  /** The provider could not be reached or answered what is not OpenID Connect. */
  | "provider_unreachable"
  /** The person cancelled, or the provider refused, at the provider (`error` in the callback). */
  | "provider_refused"
  /** The code exchange or the ID token failed openid-client's checks. */
  | "token_invalid"
  | "email_missing"
  | "email_unverified"
  /** The address is outside the e-mail domains the provider is registered for. */
  | "email_domain_not_served"
  /** A password account has this address: linking it needs its owner signed in, or an administrator. */
  | "account_exists"
  /** Linking from the account page, but the identity belongs to another account already. */
  | "identity_taken"
  /** Linking from the account page, but the browser is no longer signed in as the one who asked. */
  | "link_session_lost";

export type SignInDecision =
  | { kind: "sign_in"; userId: string }
  | { kind: "create"; email: string; name: string }
  | { kind: "link"; userId: string }
  /**
   * An administrator allowed the account with this address to be linked at its next sign-in with the
   * provider, or the account's organisation signs its members in with this provider.
   */
  | { kind: "link_granted"; userId: string }
  | { kind: "refuse"; reason: SignInRefusal; userId?: string };

/**
 * Who the verified person is here. The identity (issuer + subject) decides first: a linked identity
 * signs its account in whatever its e-mail says today. Unlinked, a new account is made only for a
 * verified address (or, where the token does not say, one in the provider's registered domains)
 * that the provider is registered to vouch for and that no account has: an address
 * alone never hands over an existing account. Asked from the account page (`linkTo`), the identity
 * is linked to that account unless another has it.
 */
export function decideSignIn(input: {
  claims: VerifiedClaims;
  provider: { emailDomains: readonly string[] };
  /** The account the identity is linked to, if any. */
  linkedUserId: string | null;
  /** The account that has the token's address, if any. */
  emailOwnerId: string | null;
  /** Whether that account may be linked to this provider: an administrator's leave, or its organisation signs in with it. */
  linkGranted?: boolean;
  /** The signed-in account that asked to link this identity (from the account page), if any. */
  linkTo: string | null;
}): SignInDecision {
  const { claims, linkedUserId, emailOwnerId, linkTo } = input;
  if (linkTo !== null) {
    if (linkedUserId !== null && linkedUserId !== linkTo) return { kind: "refuse", reason: "identity_taken", userId: linkTo };
    return linkedUserId === linkTo ? { kind: "sign_in", userId: linkTo } : { kind: "link", userId: linkTo };
  }
  if (linkedUserId !== null) return { kind: "sign_in", userId: linkedUserId };
  if (!claims.email) return { kind: "refuse", reason: "email_missing" };
  // A token that does not say is believed only from a provider registered for the address's domain.
  const vouched = claims.emailVerified ?? input.provider.emailDomains.length > 0;
  if (!vouched) return { kind: "refuse", reason: "email_unverified" };
  if (!servesEmail(input.provider, claims.email)) return { kind: "refuse", reason: "email_domain_not_served" };
  if (emailOwnerId !== null) {
    return input.linkGranted
      ? { kind: "link_granted", userId: emailOwnerId }
      : { kind: "refuse", reason: "account_exists", userId: emailOwnerId };
  }
  const email = claims.email.toLowerCase();
  return { kind: "create", email, name: claims.name?.trim() || email.split("@")[0] || email };
}
