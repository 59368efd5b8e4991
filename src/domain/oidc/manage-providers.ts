import {
  deleteOidcProvider,
  findOidcProvider,
  identitiesOfUser,
  insertOidcProvider,
  listOidcProviders,
  lockOidcProvider,
  type OidcProviderRow,
  updateOidcProvider,
} from "../../db/repositories/oidc-repository.ts";
import type { SecretBox } from "../../secrets/secret-box.ts";
import { authorize } from "../access/policy.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { DomainError } from "../shared/domain-error.ts";
import type { UseCaseContext } from "../shared/use-case.ts";
import { domainOf, type ProviderInput, type ProviderUpdate } from "./provider-rules.ts";

/** The purpose a provider's client secret is sealed for (src/secrets/secret-box.ts): its table.column. */
export const CLIENT_SECRET_PURPOSE = "oidc_providers.client_secret";

/** A provider as pages, the audit log and the CLI see it: never its client secret. */
export type ProviderView = Omit<OidcProviderRow, "clientSecret">;

export const providerView = ({ clientSecret: _secret, ...rest }: OidcProviderRow): ProviderView => rest;

export async function registerProvider({
  db,
  actor,
  now,
  secrets,
  input,
}: UseCaseContext & { secrets: SecretBox; input: ProviderInput }): Promise<ProviderView> {
  authorize(actor, { action: "identity-providers:manage" });
  return db.transaction(async (tx) => {
    const row = await insertOidcProvider(tx, {
      issuer: input.issuer,
      clientId: input.clientId,
      clientSecret: secrets.seal(input.clientSecret, CLIENT_SECRET_PURPOSE),
      scopes: input.scopes,
      displayName: input.displayName,
      emailDomains: input.emailDomains,
      createdAt: now,
    });
    const view = providerView(row);
    await recordAudit(tx, actor, { action: "oidc_provider.create", entityType: "oidc_provider", entityId: row.id, after: view }, now);
    return view;
  });
}

export async function listProviders({ db, actor }: Omit<UseCaseContext, "now">): Promise<ProviderView[]> {
  authorize(actor, { action: "identity-providers:manage" });
  return (await listOidcProviders(db)).map(providerView);
}

/** A provider by id for signing in with it, whoever asks (the login routes are public); undefined when there is none. */
export const findProvider = (db: UseCaseContext["db"], providerId: string) => findOidcProvider(db, providerId);

/** What the login page offers: the enabled providers' names, read from the database alone (no provider is asked). */
export async function enabledProviders(db: UseCaseContext["db"]): Promise<{ id: string; displayName: string }[]> {
  return (await listOidcProviders(db)).filter((p) => p.enabled).map((p) => ({ id: p.id, displayName: p.displayName }));
}

/**
 * The enabled provider registered for the address's e-mail domain, if any (the first by name): where
 * the login form sends a person who gives only her address (issue 15). Judged on the domain alone,
 * never on whether an account exists, so the answer tells nobody who has an account.
 */
export async function providerServing(db: UseCaseContext["db"], email: string): Promise<{ id: string; displayName: string } | undefined> {
  const domain = domainOf(email.trim());
  if (!domain) return undefined;
  const p = (await listOidcProviders(db)).find((p) => p.enabled && p.emailDomains.includes(domain));
  return p && { id: p.id, displayName: p.displayName };
}

export async function setProviderEnabled({
  db,
  actor,
  now,
  providerId,
  enabled,
}: UseCaseContext & { providerId: string; enabled: boolean }) {
  authorize(actor, { action: "identity-providers:manage" });
  return db.transaction(async (tx) => {
    const before = await findOidcProvider(tx, providerId);
    if (!before) throw new DomainError("NOT_FOUND", "no such identity provider");
    const after = await updateOidcProvider(tx, providerId, { enabled });
    if (!after) throw new DomainError("NOT_FOUND", "no such identity provider");
    await recordAudit(
      tx,
      actor,
      {
        action: enabled ? "oidc_provider.enable" : "oidc_provider.disable",
        entityType: "oidc_provider",
        entityId: providerId,
        before: providerView(before),
        after: providerView(after),
      },
      now,
    );
    return providerView(after);
  });
}

/** Removes the provider and the sign-ins under way with it; the identities linked through it stay, so putting it back restores them. */
export async function removeProvider({ db, actor, now, providerId }: UseCaseContext & { providerId: string }) {
  authorize(actor, { action: "identity-providers:manage" });
  return db.transaction(async (tx) => {
    const removed = await deleteOidcProvider(tx, providerId);
    if (!removed) throw new DomainError("NOT_FOUND", "no such identity provider");
    await recordAudit(
      tx,
      actor,
      { action: "oidc_provider.remove", entityType: "oidc_provider", entityId: providerId, before: providerView(removed) },
      now,
    );
    return providerView(removed);
  });
}

export type AccountSignIn = {
  /** The identities linked to the account: which issuer, since when. */
  identities: { issuer: string; createdAt: Date }[];
  /** The enabled providers the account may link to. */
  providers: { id: string; displayName: string }[];
};

/** What the account page shows about signing in through a provider: the caller's own identities, and the providers to link. */
export async function accountSignIn({ db, actor }: Omit<UseCaseContext, "now">): Promise<AccountSignIn> {
  const identities = (await identitiesOfUser(db, actor.userId)).map((i) => ({ issuer: i.issuer, createdAt: i.createdAt }));
  return { identities, providers: await enabledProviders(db) };
}

/**
 * Changes a registration (ProviderUpdate: not the issuer). An empty client secret keeps the sealed
 * one. Under the row's lock; audited without the secret, with whether it was replaced.
 */
export async function updateProvider({
  db,
  actor,
  now,
  secrets,
  providerId,
  input,
}: UseCaseContext & { secrets: SecretBox; providerId: string; input: ProviderUpdate }): Promise<ProviderView> {
  authorize(actor, { action: "identity-providers:manage" });
  return db.transaction(async (tx) => {
    const before = await lockOidcProvider(tx, providerId);
    if (!before) throw new DomainError("NOT_FOUND", "no such identity provider");
    const newSecret = input.clientSecret !== "";
    const after = await updateOidcProvider(tx, providerId, {
      clientId: input.clientId,
      displayName: input.displayName,
      emailDomains: input.emailDomains,
      scopes: input.scopes,
      membershipClaim: input.membershipClaim,
      ...(newSecret ? { clientSecret: secrets.seal(input.clientSecret, CLIENT_SECRET_PURPOSE) } : {}),
    });
    if (!after) throw new DomainError("NOT_FOUND", "no such identity provider");
    await recordAudit(
      tx,
      actor,
      {
        action: "oidc_provider.update",
        entityType: "oidc_provider",
        entityId: providerId,
        before: providerView(before),
        after: { ...providerView(after), clientSecretReplaced: newSecret },
      },
      now,
    );
    return providerView(after);
  });
}
