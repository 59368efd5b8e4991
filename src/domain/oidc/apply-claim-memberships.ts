import type { Database } from "../../db/database.ts";
import { deleteMembership, insertMembershipRow, updateMembershipRoles } from "../../db/repositories/membership-repository.ts";
import { claimMappingsOf, lockMembershipsIn, type OidcProviderRow } from "../../db/repositories/oidc-repository.ts";
import { SYSTEM_ACTOR } from "../access/actor.ts";
import type { OrganisationRole } from "../access/roles.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { claimValues, type MembershipChange, membershipsFromClaims } from "./claim-memberships.ts";
import type { VerifiedClaims } from "./sign-in-rules.ts";

/**
 * Gives the person, at a sign-in, the memberships her provider's claim says (membershipsFromClaims),
 * inside the sign-in's transaction: each change written with an audit entry naming the provider, the
 * claim and its values. A provider without a membership claim, or a token without the claim, changes
 * nothing. Her user row is locked first, so two sign-ins at once apply one after the other.
 */
export async function applyClaimMemberships(
  tx: Database,
  { provider, claims, userId, now }: { provider: OidcProviderRow; claims: VerifiedClaims; userId: string; now: Date },
): Promise<MembershipChange[]> {
  if (!provider.membershipClaim) return [];
  const values = claimValues(claims.all, provider.membershipClaim);
  if (values === null) return [];
  const mappings = (await claimMappingsOf(tx, provider.id)).map((m) => ({ ...m, roles: m.roles as OrganisationRole[] }));
  if (!mappings.length) return [];
  const current = await lockMembershipsIn(tx, userId, [...new Set(mappings.map((m) => m.organisationId))]);
  const changes = membershipsFromClaims({ mappings, values, current });
  const via = { providerId: provider.id, claim: provider.membershipClaim, values };
  for (const change of changes) {
    const { organisationId } = change;
    const entity = { entityType: "membership", entityId: `${organisationId}:${userId}`, organisationId } as const;
    if (change.kind === "create") {
      const row = await insertMembershipRow(tx, { userId, organisationId, roles: change.after, createdAt: now });
      await recordAudit(tx, SYSTEM_ACTOR, { action: "membership.create", ...entity, after: { ...row, via } }, now);
    } else if (change.kind === "update") {
      await updateMembershipRoles(tx, userId, organisationId, change.after);
      await recordAudit(
        tx,
        SYSTEM_ACTOR,
        { action: "membership.update", ...entity, before: { roles: change.before }, after: { roles: change.after, via } },
        now,
      );
    } else {
      await deleteMembership(tx, userId, organisationId);
      await recordAudit(
        tx,
        SYSTEM_ACTOR,
        { action: "membership.delete", ...entity, before: { roles: change.before }, after: { via } },
        now,
      );
    }
  }
  return changes;
}
