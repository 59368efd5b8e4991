import type { Database } from "../../db/database.ts";
import type { ActorMembershipRow } from "../../db/repositories/actor-repository.ts";
import { findUserById, membershipsOfUser, type UserRow } from "../../db/repositories/user-repository.ts";
import type { Actor } from "../access/actor.ts";
import { isOrganisationRole, isSystemRole } from "../access/roles.ts";

type ActorUser = Pick<UserRow, "email" | "name" | "locale" | "systemRoles"> & { userId: string };

/** The actor from a user and her memberships (ordered by organisation name), however they were read. */
export function actorOf(user: ActorUser, memberships: readonly ActorMembershipRow[]): Actor {
  return {
    userId: user.userId,
    email: user.email,
    name: user.name,
    locale: user.locale,
    systemRoles: user.systemRoles.filter(isSystemRole),
    memberships: new Map(memberships.map((m) => [m.organisationId, m.roles.filter(isOrganisationRole)])),
    organisations: memberships.map((m) => ({ id: m.organisationId, name: m.organisationName, number: m.organisationNumber })),
  };
}

export async function loadActor(db: Database, userOrId: string | UserRow): Promise<Actor | undefined> {
  const user = typeof userOrId === "string" ? await findUserById(db, userOrId) : userOrId;
  if (!user) return undefined;
  return actorOf({ ...user, userId: user.id }, await membershipsOfUser(db, user.id));
}
