import { and, eq } from "drizzle-orm";
import type { OrganisationRole } from "../../domain/access/roles.ts";
import type { Database } from "../database.ts";
import { memberships } from "../schema.ts";

export type MembershipRow = typeof memberships.$inferSelect;
type NewMembership = { userId: string; organisationId: string; roles: OrganisationRole[]; createdAt: Date };

const ofMember = (userId: string, organisationId: string) =>
  and(eq(memberships.userId, userId), eq(memberships.organisationId, organisationId));

export async function insertMembershipRow(tx: Database, values: NewMembership): Promise<MembershipRow> {
  const [row] = await tx.insert(memberships).values(values).returning();
  if (!row) throw new Error("insert memberships returned nothing");
  return row;
}

/** Undefined when the person is a member already (of two inserts at once, one makes the row). */
export const insertMembershipUnlessExists = async (tx: Database, values: NewMembership): Promise<MembershipRow | undefined> =>
  (await tx.insert(memberships).values(values).onConflictDoNothing().returning())[0];

/** Reads the membership and holds its row lock until the transaction ends. */
export const lockMembership = async (tx: Database, userId: string, organisationId: string): Promise<MembershipRow | undefined> =>
  (await tx.select().from(memberships).where(ofMember(userId, organisationId)).for("update"))[0];

export const updateMembershipRoles = async (
  tx: Database,
  userId: string,
  organisationId: string,
  roles: OrganisationRole[],
): Promise<MembershipRow | undefined> =>
  (await tx.update(memberships).set({ roles }).where(ofMember(userId, organisationId)).returning())[0];

/** False when there was no row to delete (another removal got there first). */
export const deleteMembership = async (tx: Database, userId: string, organisationId: string): Promise<boolean> =>
  (await tx.delete(memberships).where(ofMember(userId, organisationId)).returning()).length > 0;
