import { pendingInvitationsOf, revokeInvitation } from "../../db/repositories/credential-repository.ts";
import { authorize } from "../access/policy.ts";
import { isOrganisationRole } from "../access/roles.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { notFound } from "../shared/domain-error.ts";
import type { UseCaseContext } from "../shared/use-case.ts";

/** The organisation's invitations that nobody has answered yet, for those who manage its members. */
export async function listPendingInvitations({ db, actor, now, organisationId }: UseCaseContext & { organisationId: string }) {
  authorize(actor, { action: "members:manage", organisationId });
  return (await pendingInvitationsOf(db, organisationId, now)).map((i) => ({
    invitationId: i.id,
    email: i.email,
    name: i.name,
    roles: i.roles.filter(isOrganisationRole),
    createdAt: i.createdAt.toISOString(),
    expiresAt: i.expiresAt.toISOString(),
  }));
}

/** Withdraws a pending invitation: its link stops working at once. */
export async function withdrawInvitation({
  db,
  actor,
  now,
  organisationId,
  invitationId,
}: UseCaseContext & { organisationId: string; invitationId: string }) {
  authorize(actor, { action: "members:manage", organisationId });
  await db.transaction(async (tx) => {
    const revoked = await revokeInvitation(tx, { organisationId, invitationId, now });
    if (!revoked) throw notFound("invitation");
    await recordAudit(
      tx,
      actor,
      {
        action: "invitation.withdraw",
        entityType: "invitation",
        entityId: invitationId,
        organisationId,
        before: { email: revoked.email, roles: revoked.roles },
      },
      now,
    );
  });
}
