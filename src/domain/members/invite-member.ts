import { insertInvitation } from "../../db/repositories/credential-repository.ts";
import { findOrganisationById } from "../../db/repositories/organisation-repository.ts";
import { findMembership, findUserByEmail, insertUser } from "../../db/repositories/user-repository.ts";
import { isSystemActor } from "../access/actor.ts";
import { authorize } from "../access/policy.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { INVITATION_TTL_MS } from "../identity/accept-invitation.ts";
import { hashSecretToken, newSecretToken } from "../identity/secret-token.ts";
import { queueMail } from "../mail/queue-mail.ts";
import { DomainError, notFound } from "../shared/domain-error.ts";
import type { UseCaseContext } from "../shared/use-case.ts";
import { insertMembership } from "./add-membership.ts";
import type { InviteMemberInput } from "./member-input.ts";

/**
 * Adds a person to an organisation. Someone new gets an account without a password and a
 * one-time link to choose one; someone who already has an account (a consultant in several
 * organisations) just gains the membership and is told by mail.
 */
export async function inviteMember({
  db,
  actor,
  now,
  organisationId,
  input,
  publicUrl,
}: UseCaseContext & { organisationId: string; input: InviteMemberInput; publicUrl: string }) {
  authorize(actor, { action: "members:manage", organisationId });
  return db.transaction(async (tx) => {
    const organisation = await findOrganisationById(tx, organisationId);
    if (!organisation) throw notFound("organisation");
    let user = await findUserByEmail(tx, input.email);
    if (user && (await findMembership(tx, user.id, organisationId))) {
      throw new DomainError("ALREADY_MEMBER", "already a member", {
        fields: [{ path: ["email"], code: "already_member", message: "this person is already a member" }],
      });
    }
    if (!user) {
      user = await insertUser(tx, { email: input.email, name: input.name, passwordHash: null, systemRoles: [] });
      await recordAudit(tx, actor, { action: "user.create", entityType: "user", entityId: user.id, after: user }, now);
    }
    await insertMembership(tx, actor, now, { userId: user.id, organisationId, roles: input.roles });

    let invitationUrl: string | null = null;
    if (user.passwordHash === null) {
      const token = newSecretToken();
      const [base] = publicUrl.split(/\/+$/);
      invitationUrl = `${base}/invitation/${token}`;
      await insertInvitation(tx, {
        tokenHash: hashSecretToken(token),
        userId: user.id,
        invitedBy: isSystemActor(actor) ? null : actor.userId,
        createdAt: now,
        expiresAt: new Date(now.getTime() + INVITATION_TTL_MS),
      });
    }
    await queueMail(
      tx,
      {
        to: user.email,
        subject: `Inbjudan till ${organisation.name} i Ansluta`,
        text: invitationUrl
          ? `Hej ${user.name}!\n\nDu har bjudits in till ${organisation.name} i Ansluta. Välj ditt lösenord via länken nedan. Länken fungerar en gång och gäller i sju dagar.\n\n${invitationUrl}\n`
          : `Hej ${user.name}!\n\nDu har lagts till i ${organisation.name} i Ansluta. Logga in som vanligt och byt organisation i sidhuvudet.\n`,
      },
      now,
    );
    return { userId: user.id, email: user.email, roles: input.roles, invitationUrl };
  });
}
