import { findOrganisationByNumber } from "../../db/repositories/organisation-repository.ts";
import { findUserByEmail, insertUser, updateUser } from "../../db/repositories/user-repository.ts";
import { authorize } from "../access/policy.ts";
import type { OrganisationRole, SystemRole } from "../access/roles.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { hashPassword } from "../identity/password.ts";
import { insertMembership } from "../members/add-membership.ts";
import { DomainError } from "../shared/domain-error.ts";
import type { UseCaseContext } from "../shared/use-case.ts";

export type CreateUserInput = {
  email: string;
  name: string;
  password: string;
  systemRoles: SystemRole[];
  membership?: { organisationNumber: string; roles: OrganisationRole[] } | undefined;
};

/**
 * Creates an account with a password (the CLI's admin:create and user:create). Only an admin may;
 * an existing e-mail is refused rather than silently changed.
 */
export async function createUser({ db, actor, now, input }: UseCaseContext & { input: CreateUserInput }) {
  authorize(actor, { action: "organisation:create" });
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    if (await findUserByEmail(tx, input.email)) {
      throw new DomainError("EMAIL_TAKEN", `a user with e-mail ${input.email} exists`, {
        fields: [{ path: ["email"], code: "email_taken", message: "e-mail already registered" }],
      });
    }
    const organisation = input.membership ? await findOrganisationByNumber(tx, input.membership.organisationNumber) : undefined;
    if (input.membership && !organisation) {
      throw new DomainError("NOT_FOUND", `no organisation with number ${input.membership.organisationNumber}`, {
        fields: [{ path: ["organisation"], code: "unknown_organisation", message: "no such organisation" }],
      });
    }
    const user = await insertUser(tx, { email: input.email, name: input.name, passwordHash, systemRoles: input.systemRoles });
    await recordAudit(tx, actor, { action: "user.create", entityType: "user", entityId: user.id, after: user }, now);
    if (organisation && input.membership) {
      await insertMembership(tx, actor, now, { userId: user.id, organisationId: organisation.id, roles: input.membership.roles });
    }
    return { id: user.id, email: user.email };
  });
}

/** Grants system roles to an existing account (admin:create on an e-mail that exists). */
export async function grantSystemRoles({ db, actor, now, email, roles }: UseCaseContext & { email: string; roles: SystemRole[] }) {
  authorize(actor, { action: "organisation:create" });
  return db.transaction(async (tx) => {
    const user = await findUserByEmail(tx, email);
    if (!user) throw new DomainError("NOT_FOUND", `no user with e-mail ${email}`);
    const systemRoles = [...new Set([...user.systemRoles, ...roles])];
    const after = await updateUser(tx, user.id, { systemRoles });
    await recordAudit(tx, actor, { action: "user.grant_roles", entityType: "user", entityId: user.id, before: user, after }, now);
    return { id: user.id, email: user.email };
  });
}
