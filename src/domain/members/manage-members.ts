import { and, eq, sql } from "drizzle-orm";
import { findMembership, membersOfOrganisation } from "../../db/repositories/user-repository.ts";
import { memberships } from "../../db/schema.ts";
import { authorize } from "../access/policy.ts";
import type { OrganisationRole } from "../access/roles.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { notFound } from "../shared/domain-error.ts";
import type { UseCaseContext } from "../shared/use-case.ts";

export async function listMembers({ db, actor, organisationId }: Pick<UseCaseContext, "db" | "actor"> & { organisationId: string }) {
  authorize(actor, { action: "members:read", organisationId });
  return (await membersOfOrganisation(db, organisationId)).map((m) => ({ ...m, joinedAt: m.joinedAt.toISOString() }));
}

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
    const before = await findMembership(tx, userId, organisationId);
    if (!before) throw notFound("member");
    const [after] = await tx
      .update(memberships)
      .set({ roles })
      .where(and(eq(memberships.userId, userId), eq(memberships.organisationId, organisationId)))
      .returning();
    await recordAudit(
      tx,
      actor,
      { action: "membership.update", entityType: "membership", entityId: `${organisationId}:${userId}`, organisationId, before, after },
      now,
    );
    return { userId, roles };
  });
}

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
    await tx.delete(memberships).where(sql`${memberships.userId} = ${userId} and ${memberships.organisationId} = ${organisationId}`);
    await recordAudit(
      tx,
      actor,
      { action: "membership.delete", entityType: "membership", entityId: `${organisationId}:${userId}`, organisationId, before },
      now,
    );
  });
}
