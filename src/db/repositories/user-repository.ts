import { and, eq, inArray, sql } from "drizzle-orm";
import type { OrganisationRole, SystemRole } from "../../domain/access/roles.ts";
import { membershipKey } from "../../domain/reviews/review-rules.ts";
import type { Database } from "../database.ts";
import { memberships, organisations, users } from "../schema.ts";

export type UserRow = typeof users.$inferSelect;

export const findUserByEmail = async (db: Database, email: string) =>
  (await db.select().from(users).where(eq(users.email, email.toLowerCase())).limit(1))[0];

/** Reads the account with the address, if any, and holds its row lock until the transaction ends. */
export const lockUserByEmail = async (tx: Database, email: string): Promise<UserRow | undefined> =>
  (await tx.select().from(users).where(eq(users.email, email.toLowerCase())).for("update"))[0];

/** Undefined when an account with the address was made meanwhile. */
export const insertUserUnlessExists = async (
  tx: Database,
  values: { email: string; name: string; passwordHash: string; systemRoles: SystemRole[] },
): Promise<UserRow | undefined> =>
  (
    await tx
      .insert(users)
      .values({ ...values, email: values.email.toLowerCase() })
      .onConflictDoNothing()
      .returning()
  )[0];

export const findUserById = async (db: Database, id: string) => (await db.select().from(users).where(eq(users.id, id)).limit(1))[0];

export async function insertUser(
  db: Database,
  values: { email: string; name: string; passwordHash: string | null; systemRoles: SystemRole[]; locale?: "sv" | "en" },
): Promise<UserRow> {
  const [row] = await db
    .insert(users)
    .values({ ...values, email: values.email.toLowerCase() })
    .returning();
  if (!row) throw new Error("insert users returned nothing");
  return row;
}

export async function updateUser(
  db: Database,
  id: string,
  patch: Partial<Pick<UserRow, "name" | "passwordHash" | "locale" | "systemRoles">>,
): Promise<UserRow | undefined> {
  return (await db.update(users).set(patch).where(eq(users.id, id)).returning())[0];
}

export type MembershipView = {
  organisationId: string;
  organisationNumber: string;
  organisationName: string;
  roles: OrganisationRole[];
};

export async function membershipsOfUser(db: Database, userId: string): Promise<MembershipView[]> {
  const rows = await db
    .select({
      organisationId: memberships.organisationId,
      organisationNumber: organisations.number,
      organisationName: organisations.name,
      roles: memberships.roles,
    })
    .from(memberships)
    .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
    .where(eq(memberships.userId, userId))
    .orderBy(organisations.name);
  return rows.map((r) => ({ ...r, roles: r.roles as OrganisationRole[] }));
}

export async function findMembership(db: Database, userId: string, organisationId: string) {
  return (
    await db
      .select()
      .from(memberships)
      .where(and(eq(memberships.userId, userId), eq(memberships.organisationId, organisationId)))
      .limit(1)
  )[0];
}

export async function membersOfOrganisation(db: Database, organisationId: string) {
  const rows = await db
    .select({
      userId: users.id,
      email: users.email,
      name: users.name,
      roles: memberships.roles,
      hasPassword: users.passwordHash,
      joinedAt: memberships.createdAt,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.organisationId, organisationId))
    .orderBy(users.name);
  return rows.map(({ hasPassword, ...r }) => ({ ...r, roles: r.roles as OrganisationRole[], active: hasPassword !== null }));
}

export const usersByIds = (db: Database, ids: string[]) =>
  ids.length ? db.select().from(users).where(inArray(users.id, ids)) : Promise.resolve([]);

export const findAnyUser = async (db: Database) => (await db.select({ id: users.id }).from(users).limit(1))[0];

/** The e-mail addresses of every account holding the system role. */
export const emailsWithSystemRole = async (db: Database, role: SystemRole): Promise<string[]> =>
  (await db.select({ email: users.email }).from(users).where(sql`${role} = any(${users.systemRoles})`)).map((r) => r.email);

/** Which of these people are members of which of these organisations now, as membershipKey pairs. */
export async function membershipsAmong(db: Database, organisationIds: readonly string[], userIds: readonly string[]): Promise<Set<string>> {
  if (!organisationIds.length || !userIds.length) return new Set();
  const rows = await db
    .select({ organisationId: memberships.organisationId, userId: memberships.userId })
    .from(memberships)
    .where(and(inArray(memberships.organisationId, [...new Set(organisationIds)]), inArray(memberships.userId, [...new Set(userIds)])));
  return new Set(rows.map((r) => membershipKey(r.organisationId, r.userId)));
}

/** Which of these people are members of the organisation now. */
export async function membersAmong(db: Database, organisationId: string, userIds: readonly string[]): Promise<Set<string>> {
  const pairs = await membershipsAmong(db, [organisationId], userIds);
  return new Set(userIds.filter((id) => pairs.has(membershipKey(organisationId, id))));
}
