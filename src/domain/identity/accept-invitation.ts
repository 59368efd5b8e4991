import type { Database } from "../../db/database.ts";
import { findUsableInvitation, markInvitationUsed } from "../../db/repositories/credential-repository.ts";
import { findUserById, updateUser } from "../../db/repositories/user-repository.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { DomainError } from "../shared/domain-error.ts";
import { hashPassword } from "./password.ts";
import { hashSecretToken } from "./secret-token.ts";

export const INVITATION_TTL_MS = 7 * 86_400_000;

/** Checks that a one-time link is still usable, without using it (to show the set-password form). */
export async function checkInvitation({ db, token, now }: { db: Database; token: string; now: Date }) {
  const invitation = await findUsableInvitation(db, hashSecretToken(token), now);
  if (!invitation) throw new DomainError("INVITATION_INVALID", "invitation link is unknown, used or expired");
  const user = await findUserById(db, invitation.userId);
  if (!user) throw new DomainError("INVITATION_INVALID", "invitation link is unknown, used or expired");
  return { email: user.email, name: user.name };
}

/** Sets the member's password through a one-time link; the link cannot be used twice. */
export async function acceptInvitation({ db, token, password, now }: { db: Database; token: string; password: string; now: Date }) {
  const passwordHash = await hashPassword(password);
  return db.transaction(async (tx) => {
    const invitation = await findUsableInvitation(tx, hashSecretToken(token), now);
    if (!invitation) throw new DomainError("INVITATION_INVALID", "invitation link is unknown, used or expired");
    await markInvitationUsed(tx, invitation.id, now);
    const user = await updateUser(tx, invitation.userId, { passwordHash });
    if (!user) throw new DomainError("INVITATION_INVALID", "invitation link is unknown, used or expired");
    await recordAudit(
      tx,
      null,
      { action: "user.set_password", entityType: "user", entityId: user.id, after: { invitationId: invitation.id } },
      now,
    );
    return user;
  });
}
