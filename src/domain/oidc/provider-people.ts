import {
  claimMappingsOf,
  deleteClaimMapping,
  deleteLinkGrant,
  deleteUserIdentity,
  findOidcProvider,
  identitiesAt,
  insertClaimMapping,
  linkGrantsOf,
  upsertLinkGrant,
} from "../../db/repositories/oidc-repository.ts";
import { findOrganisationByNumber } from "../../db/repositories/organisation-repository.ts";
import { findUserByEmail, findUserById } from "../../db/repositories/user-repository.ts";
import { isSystemActor } from "../access/actor.ts";
import { authorize } from "../access/policy.ts";
import type { OrganisationRole } from "../access/roles.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { DomainError } from "../shared/domain-error.ts";
import type { UseCaseContext } from "../shared/use-case.ts";
import { type ProviderView, providerView } from "./manage-providers.ts";
import type { ClaimMappingInput } from "./provider-rules.ts";

/**
 * Who a provider lets in and as what (issue 15), managed by system administrators: the claim values
 * that give memberships, the administrator's leave to link an existing password account, and the
 * accounts linked through the provider. Every change is in the audit log.
 */

/** How long an administrator's leave to link an account stands before the person has signed in. */
export const LINK_GRANT_DAYS = 14;
/** Linked accounts shown per page on the provider's page. */
export const IDENTITIES_PAGE_SIZE = 25;

const fieldError = (field: string, code: string) =>
  new DomainError("VALIDATION_FAILED", `${field}: ${code}`, { fields: [{ path: [field], code, message: code }] });

const noProvider = () => new DomainError("NOT_FOUND", "no such identity provider");

export type ProviderPeople = {
  provider: ProviderView;
  mappings: { id: string; claimValue: string; organisationId: string; organisationName: string; roles: OrganisationRole[] }[];
  grants: { userId: string; email: string; name: string; expiresAt: Date }[];
  identities: {
    total: number;
    page: number;
    rows: { subject: string; userId: string; email: string; name: string; createdAt: Date; lastLoginAt: Date | null }[];
  };
};

/** The provider's page: its registration, claim mappings, open link grants and a page of the accounts linked through it. */
export async function providerPeople({
  db,
  actor,
  now,
  providerId,
  page,
}: UseCaseContext & { providerId: string; page: number }): Promise<ProviderPeople> {
  authorize(actor, { action: "identity-providers:manage" });
  const row = await findOidcProvider(db, providerId);
  if (!row) throw noProvider();
  const [mappings, grants, identities] = await Promise.all([
    claimMappingsOf(db, providerId),
    linkGrantsOf(db, providerId, now),
    identitiesAt(db, row.issuer, { limit: IDENTITIES_PAGE_SIZE, offset: (page - 1) * IDENTITIES_PAGE_SIZE }),
  ]);
  return {
    provider: providerView(row),
    mappings: mappings.map((m) => ({ ...m, roles: m.roles as OrganisationRole[] })),
    grants,
    identities: { ...identities, page },
  };
}

export async function addClaimMapping({
  db,
  actor,
  now,
  providerId,
  input,
}: UseCaseContext & { providerId: string; input: ClaimMappingInput }) {
  authorize(actor, { action: "identity-providers:manage" });
  return db.transaction(async (tx) => {
    if (!(await findOidcProvider(tx, providerId))) throw noProvider();
    const organisation = await findOrganisationByNumber(tx, input.organisationNumber);
    if (!organisation) throw fieldError("organisationNumber", "no_such_organisation");
    const row = await insertClaimMapping(tx, {
      providerId,
      claimValue: input.claimValue,
      organisationId: organisation.id,
      roles: input.roles,
      createdAt: now,
    });
    if (!row) throw fieldError("claimValue", "mapping_exists");
    await recordAudit(
      tx,
      actor,
      {
        action: "oidc_claim_mapping.create",
        entityType: "oidc_provider",
        entityId: providerId,
        organisationId: organisation.id,
        after: row,
      },
      now,
    );
    return row;
  });
}

export async function removeClaimMapping({
  db,
  actor,
  now,
  providerId,
  mappingId,
}: UseCaseContext & { providerId: string; mappingId: string }) {
  authorize(actor, { action: "identity-providers:manage" });
  await db.transaction(async (tx) => {
    const removed = await deleteClaimMapping(tx, providerId, mappingId);
    if (!removed) throw new DomainError("NOT_FOUND", "no such claim mapping");
    await recordAudit(
      tx,
      actor,
      {
        action: "oidc_claim_mapping.delete",
        entityType: "oidc_provider",
        entityId: providerId,
        organisationId: removed.organisationId,
        before: removed,
      },
      now,
    );
  });
}

/**
 * An administrator's leave for the account with this address to be linked at its next sign-in with
 * the provider (for LINK_GRANT_DAYS), when the provider vouches for the same address. Nobody grants
 * it to herself: an administrator links her own account from Inställningar, with her password.
 */
export async function grantLink({ db, actor, now, providerId, email }: UseCaseContext & { providerId: string; email: string }) {
  authorize(actor, { action: "identity-providers:manage" });
  return db.transaction(async (tx) => {
    if (!(await findOidcProvider(tx, providerId))) throw noProvider();
    const user = await findUserByEmail(tx, email.trim().toLowerCase());
    if (!user) throw fieldError("email", "no_such_account");
    if (user.id === actor.userId) throw fieldError("email", "own_account");
    const grant = {
      userId: user.id,
      providerId,
      grantedBy: isSystemActor(actor) ? null : actor.userId,
      createdAt: now,
      expiresAt: new Date(now.getTime() + LINK_GRANT_DAYS * 86_400_000),
    };
    await upsertLinkGrant(tx, grant);
    await recordAudit(tx, actor, { action: "oidc_link_grant.create", entityType: "user", entityId: user.id, after: grant }, now);
    return { userId: user.id, email: user.email };
  });
}

export async function revokeLinkGrant({ db, actor, now, providerId, userId }: UseCaseContext & { providerId: string; userId: string }) {
  authorize(actor, { action: "identity-providers:manage" });
  await db.transaction(async (tx) => {
    const removed = await deleteLinkGrant(tx, userId, providerId);
    if (!removed) throw new DomainError("NOT_FOUND", "no such link grant");
    await recordAudit(tx, actor, { action: "oidc_link_grant.delete", entityType: "user", entityId: userId, before: removed }, now);
  });
}

/**
 * Unlinks an account from its identity at the provider: the next sign-in there is a first one again
 * (a new account, or refused where the address has one). The account and its memberships stay.
 */
export async function unlinkIdentity({ db, actor, now, providerId, subject }: UseCaseContext & { providerId: string; subject: string }) {
  authorize(actor, { action: "identity-providers:manage" });
  return db.transaction(async (tx) => {
    const provider = await findOidcProvider(tx, providerId);
    if (!provider) throw noProvider();
    const removed = await deleteUserIdentity(tx, provider.issuer, subject);
    if (!removed) throw new DomainError("NOT_FOUND", "no such linked identity");
    await recordAudit(
      tx,
      actor,
      { action: "user_identity.unlink", entityType: "user", entityId: removed.userId, before: { ...removed, providerId } },
      now,
    );
    const owner = await findUserById(tx, removed.userId);
    return { ...removed, email: owner?.email ?? removed.subject };
  });
}
