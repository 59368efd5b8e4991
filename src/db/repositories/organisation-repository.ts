import { eq, sql } from "drizzle-orm";
import type { OrganisationKind } from "../../domain/access/roles.ts";
import type { Database } from "../database.ts";
import { preparedFor } from "../prepared.ts";
import { organisations } from "../schema.ts";

export type OrganisationRow = typeof organisations.$inferSelect;

export const findOrganisationById = async (db: Database, id: string) =>
  (await db.select().from(organisations).where(eq(organisations.id, id)).limit(1))[0];

export const findOrganisationByNumber = async (db: Database, number: string) =>
  (await db.select().from(organisations).where(eq(organisations.number, number)).limit(1))[0];

const allOrganisations = preparedFor((db) => db.select().from(organisations).orderBy(organisations.name).prepare("organisations_all"));
const organisationsByIds = preparedFor((db) =>
  db
    .select()
    .from(organisations)
    .where(sql`${organisations.id} = any(${sql.placeholder("ids")}::uuid[])`)
    .orderBy(organisations.name)
    .prepare("organisations_by_ids"),
);

/** Every organisation, or those with the given ids, by name (prepared: a page's organisation list reads it). */
export const listOrganisations = async (db: Database, onlyIds?: string[]): Promise<OrganisationRow[]> =>
  onlyIds ? (onlyIds.length ? organisationsByIds(db).execute({ ids: onlyIds }) : []) : allOrganisations(db).execute();

export async function insertOrganisation(
  db: Database,
  values: { name: string; number: string; kind: OrganisationKind; county?: string | null },
): Promise<OrganisationRow> {
  const [row] = await db.insert(organisations).values(values).returning();
  if (!row) throw new Error("insert organisations returned nothing");
  return row;
}

/** The organisation's row under a row lock, so a change to its settings is judged on what is stored now. */
export const lockOrganisation = async (db: Database, id: string) =>
  (await db.select().from(organisations).where(eq(organisations.id, id)).for("update"))[0];

export async function updateOrganisationSettings(
  db: Database,
  id: string,
  values: { requiresSecondApprover?: boolean; county?: string | null; signInProviderId?: string | null },
): Promise<OrganisationRow> {
  const [row] = await db.update(organisations).set(values).where(eq(organisations.id, id)).returning();
  if (!row) throw new Error("update organisations changed nothing");
  return row;
}
