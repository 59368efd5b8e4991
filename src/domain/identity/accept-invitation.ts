import type { Database } from "../../db/database.ts";
import { claimInvitation, findUsableInvitation, type InvitationRow } from "../../db/repositories/credential-repository.ts";
import { insertMembershipUnlessExists } from "../../db/repositories/membership-repository.ts";
import { findOrganisationById } from "../../db/repositories/organisation-repository.ts";
import {
  findUserByEmail,
  insertUserUnlessExists,
  lockUserByEmail,
  type UserRow,
  updateUser,
} from "../../db/repositories/user-repository.ts";
import type { Actor } from "../access/actor.ts";
import { isOrganisationRole, type OrganisationRole } from "../access/roles.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { DomainError } from "../shared/domain-error.ts";
import { hashPassword } from "./password.ts";
import { hashSecretToken } from "./secret-token.ts";

export const INVITATION_TTL_MS = 7 * 86_400_000;

const invalid = () => new DomainError("INVITATION_INVALID", "invitation link is unknown, used, withdrawn or expired");

/**
 * What the holder of a link needs to see before accepting: whom it invites, to which organisation,
 * and whether the address already has an account (then she signs in with it instead of choosing a
 * password). Only the holder of the link — the owner of the mailbox — learns this.
 */
export type InvitationPreview = {
  email: string;
  name: string;
  organisationId: string;
  organisationName: string;
  roles: OrganisationRole[];
  /** The address has an account with a password: accepting needs signing in as it. */
  signInRequired: boolean;
};

async function usableInvitation(db: Database, token: string, now: Date): Promise<InvitationRow & { organisationId: string }> {
  const invitation = await findUsableInvitation(db, hashSecretToken(token), now);
  if (!invitation?.organisationId) throw invalid();
  return { ...invitation, organisationId: invitation.organisationId };
}

/** Checks that a one-time link is still usable, without using it. */
export async function checkInvitation({ db, token, now }: { db: Database; token: string; now: Date }): Promise<InvitationPreview> {
  const invitation = await usableInvitation(db, token, now);
  const organisation = await findOrganisationById(db, invitation.organisationId);
  if (!organisation) throw invalid();
  const account = await findUserByEmail(db, invitation.email);
  return {
    email: invitation.email,
    name: invitation.name,
    organisationId: organisation.id,
    organisationName: organisation.name,
    roles: invitation.roles.filter(isOrganisationRole),
    signInRequired: Boolean(account?.passwordHash),
  };
}

/** The person accepting, for the audit log, before an Actor can be loaded for her. */
const asActor = (user: UserRow): Actor => ({
  userId: user.id,
  email: user.email,
  name: user.name,
  locale: user.locale,
  systemRoles: [],
  memberships: new Map(),
  organisations: [],
});

const passwordRequired = () =>
  new DomainError("VALIDATION_FAILED", "choose a password", {
    fields: [{ path: ["password"], code: "required", message: "choose a password" }],
  });

/**
 * Accepts an invitation and makes the membership it offers.
 * - No account for the address: the holder of the link chooses its password and the account is made.
 * - An account without a password (made before invitations belonged to an organisation): the same.
 * - An account with a password: only its owner, signed in, accepts; the link never changes a password.
 * Signed in as anyone else, the link is refused. Of two acceptances of one link, one wins.
 */
export async function acceptInvitation({
  db,
  token,
  password,
  actor,
  now,
}: {
  db: Database;
  token: string;
  password: string | null;
  /** Who is signed in where the link was opened, if anyone. */
  actor: Actor | null;
  now: Date;
}): Promise<{ user: UserRow; organisationId: string; joined: boolean }> {
  const tokenHash = hashSecretToken(token);
  const preview = await usableInvitation(db, token, now);
  if (actor && actor.email !== preview.email) {
    throw new DomainError("INVITATION_WRONG_ACCOUNT", "the invitation is for another e-mail address: sign out first");
  }
  // Hashing takes a while: do it before the transaction, and only when a password may be set.
  const passwordHash = password && !actor ? await hashPassword(password) : null;
  return db.transaction(async (tx) => {
    // Lock the address's account (if any) so that a concurrent acceptance cannot set its password too.
    let user: UserRow | undefined = await lockUserByEmail(tx, preview.email);
    if (!user) {
      if (!passwordHash) throw passwordRequired();
      const created = await insertUserUnlessExists(tx, { email: preview.email, name: preview.name, passwordHash, systemRoles: [] });
      // Someone made the account between our look and our insert: it has a password now.
      if (!created) throw new DomainError("INVITATION_SIGN_IN_REQUIRED", "the address has an account: sign in to accept");
      user = created;
      await recordAudit(tx, asActor(user), { action: "user.create", entityType: "user", entityId: user.id, after: user }, now);
    } else if (user.passwordHash === null) {
      if (actor && actor.userId !== user.id) throw new DomainError("INVITATION_WRONG_ACCOUNT", "signed in as someone else");
      if (!passwordHash) throw passwordRequired();
      user = (await updateUser(tx, user.id, { passwordHash })) ?? user;
      await recordAudit(tx, asActor(user), { action: "user.set_password", entityType: "user", entityId: user.id }, now);
    } else {
      if (!actor) throw new DomainError("INVITATION_SIGN_IN_REQUIRED", "the address has an account: sign in to accept");
      if (actor.userId !== user.id) throw new DomainError("INVITATION_WRONG_ACCOUNT", "signed in as someone else");
    }

    const claimed = await claimInvitation(tx, { tokenHash, userId: user.id, now });
    if (!claimed?.organisationId) throw invalid();
    const roles = claimed.roles.filter(isOrganisationRole);
    const membership = await insertMembershipUnlessExists(tx, {
      userId: user.id,
      organisationId: claimed.organisationId,
      roles,
      createdAt: now,
    });
    const person = asActor(user);
    if (membership) {
      await recordAudit(
        tx,
        person,
        {
          action: "membership.create",
          entityType: "membership",
          entityId: `${claimed.organisationId}:${user.id}`,
          organisationId: claimed.organisationId,
          after: { ...membership, invitationId: claimed.id, invitedBy: claimed.invitedBy },
        },
        now,
      );
    }
    await recordAudit(
      tx,
      person,
      {
        action: "invitation.accept",
        entityType: "invitation",
        entityId: claimed.id,
        organisationId: claimed.organisationId,
        after: { userId: user.id, roles, joined: Boolean(membership) },
      },
      now,
    );
    return { user, organisationId: claimed.organisationId, joined: Boolean(membership) };
  });
}
