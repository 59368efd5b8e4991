import type { Database } from "../../db/database.ts";
import { findUserById, membershipsOfUser, type UserRow } from "../../db/repositories/user-repository.ts";
import type { Actor } from "../access/actor.ts";
import { isSystemRole } from "../access/roles.ts";

export async function loadActor(db: Database, userOrId: string | UserRow): Promise<Actor | undefined> {
  const user = typeof userOrId === "string" ? await findUserById(db, userOrId) : userOrId;
  if (!user) return undefined;
  const memberships = await membershipsOfUser(db, user.id);
  return {
    userId: user.id,
    email: user.email,
    name: user.name,
    locale: user.locale,
    systemRoles: user.systemRoles.filter(isSystemRole),
    memberships: new Map(memberships.map((m) => [m.organisationId, m.roles])),
    organisations: memberships.map((m) => ({ id: m.organisationId, name: m.organisationName, number: m.organisationNumber })),
  };
}
