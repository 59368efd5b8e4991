import { deleteMembership, lockMembership, updateMembershipRoles } from "../../db/repositories/membership-repository.ts";
import { findMembership, membersOfOrganisation } from "../../db/repositories/user-repository.ts";
import { authorize, authorizeRoleChange } from "../access/policy.ts";
import type { OrganisationRole } from "../access/roles.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { notFound } from "../shared/domain-error.ts";
import type { UseCaseContext } from "../shared/use-case.ts";

export async function listMembers({ db, actor, organisationId }: Pick<UseCaseContext, "db" | "actor"> & { organisationId: string }) {
  authorize(actor, { action: "members:read", organisationId });
  return (await membersOfOrganisation(db, organisationId)).map((m) => ({ ...m, joinedAt: m.joinedAt.toISOString() }));
}

/**
 * Replaces a member's roles. Every role added or taken away must be one the actor may grant, and
 * nobody changes their own (see authorizeRoleChange). The membership row is locked so that two
 * changes at once are applied one after the other and each audit entry shows what it replaced.
 */
export async function setMemberRoles({
  db,
  actor,
  now,
  organisationId,
  userId,
  roles,
}: UseCaseContext & { organisationId: string; userId: string; roles: OrganisationRole[] }) {
  authorize(actor, { action: "members:manage", organisationId });
  return db.transaction(async (tx) => {
    const before = await lockMembership(tx, userId, organisationId);
    if (!before) throw notFound("member");
    authorizeRoleChange(actor, { organisationId, userId, before: before.roles as OrganisationRole[], after: roles });
    const after = await updateMembershipRoles(tx, userId, organisationId, roles);
    await recordAudit(
      tx,
      actor,
      { action: "membership.update", entityType: "membership", entityId: `${organisationId}:${userId}`, organisationId, before, after },
      now,
    );
    return { userId, roles };
  });
}

/** Removes a member: taking away every role she holds, so the actor must be able to grant each of them. */
export async function removeMember({
  db,
  actor,
  now,
  organisationId,
  userId,
}: UseCaseContext & { organisationId: string; userId: string }) {
  authorize(actor, { action: "members:manage", organisationId });
  await db.transaction(async (tx) => {
    const before = await findMembership(tx, userId, organisationId);
    if (!before) throw notFound("member");
    authorizeRoleChange(actor, { organisationId, userId, before: before.roles as OrganisationRole[], after: [] });
    // Of two removals at once only the one that deleted the row records it.
    if (!(await deleteMembership(tx, userId, organisationId))) throw notFound("member");
    await recordAudit(
      tx,
      actor,
      { action: "membership.delete", entityType: "membership", entityId: `${organisationId}:${userId}`, organisationId, before },
      now,
    );
  });
}
