import { insertInvitation, revokePendingInvitations } from "../../db/repositories/credential-repository.ts";
import { findOrganisationById } from "../../db/repositories/organisation-repository.ts";
import { findMembership, findUserByEmail } from "../../db/repositories/user-repository.ts";
import { format, messagesFor } from "../../i18n/index.ts";
import { isSystemActor } from "../access/actor.ts";
import { authorizeRoleChange } from "../access/policy.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { INVITATION_TTL_MS } from "../identity/accept-invitation.ts";
import { hashSecretToken, newSecretToken } from "../identity/secret-token.ts";
import { queueMail } from "../mail/queue-mail.ts";
import { DomainError, notFound } from "../shared/domain-error.ts";
import type { UseCaseContext } from "../shared/use-case.ts";
import type { InviteMemberInput } from "./member-input.ts";

const mailText = messagesFor("sv").invitationMail;

/**
 * Invites a person, by e-mail address, to join the organisation with roles. Nothing about the
 * person's account changes here: the membership is made when she accepts, and the one-time link
 * goes only to her mailbox — never to the one who invites — because holding the link is what
 * proves she owns the address. The answer is the same whether or not the address already has an
 * account (in this or any other organisation), so inviting cannot be used to find out.
 * A new invitation to the same address replaces the organisation's earlier pending ones.
 */
export async function inviteMember({
  db,
  actor,
  now,
  organisationId,
  input,
  publicUrl,
}: UseCaseContext & { organisationId: string; input: InviteMemberInput; publicUrl: string }) {
  const email = input.email.toLowerCase();
  return db.transaction(async (tx) => {
    const organisation = await findOrganisationById(tx, organisationId);
    if (!organisation) throw notFound("organisation");
    const existing = await findUserByEmail(tx, email);
    authorizeRoleChange(actor, { organisationId, userId: existing?.id ?? null, before: [], after: input.roles });
    // Someone who is already an active member is visible on the members page anyway; a member who
    // never chose a password (invited before invitations were per organisation) may be invited again.
    if (existing?.passwordHash && (await findMembership(tx, existing.id, organisationId))) {
      throw new DomainError("ALREADY_MEMBER", "already a member", {
        fields: [{ path: ["email"], code: "already_member", message: "this person is already a member" }],
      });
    }
    const replaced = await revokePendingInvitations(tx, { organisationId, email, now });
    const token = newSecretToken();
    const invitation = await insertInvitation(tx, {
      tokenHash: hashSecretToken(token),
      organisationId,
      email,
      name: input.name,
      roles: input.roles,
      invitedBy: isSystemActor(actor) ? null : actor.userId,
      createdAt: now,
      expiresAt: new Date(now.getTime() + INVITATION_TTL_MS),
    });
    const view = {
      invitationId: invitation.id,
      email,
      name: invitation.name,
      roles: input.roles,
      expiresAt: invitation.expiresAt.toISOString(),
    };
    await recordAudit(
      tx,
      actor,
      {
        action: "invitation.create",
        entityType: "invitation",
        entityId: invitation.id,
        organisationId,
        after: { ...view, replaced: replaced.map((r) => r.id) },
      },
      now,
    );
    const [base] = publicUrl.split(/\/+$/);
    await queueMail(
      tx,
      {
        to: email,
        subject: format(mailText.subject, { organisation: organisation.name }),
        text: [
          format(mailText.greeting, { name: input.name }),
          "",
          format(mailText.invited, { organisation: organisation.name }),
          mailText.account,
          mailText.validity,
          "",
          `${base}/invitation/${token}`,
          "",
        ].join("\n"),
      },
      now,
    );
    return view;
  });
}
