import type { Database } from "../../db/database.ts";
import { initiatives, sandboxEnvironments } from "../../db/schema.ts";
import { methodV12 } from "../../method/v1.2/index.ts";

/**
 * For tests: an initiative of the organisation with a test environment, written straight to the
 * tables (the use cases that enable environments are tested on their own).
 */
export async function insertTestEnvironment(
  db: Database,
  input: { organisationId: string; slug: string; intermediaryOrgNr?: string; enabled?: boolean },
): Promise<{ id: string; initiativeId: string; slug: string }> {
  const [initiative] = await db
    .insert(initiatives)
    .values({ organisationId: input.organisationId, name: `Test environment ${input.slug}`, methodVersion: methodV12.version })
    .returning({ id: initiatives.id });
  if (!initiative) throw new Error("no initiative written");
  const [environment] = await db
    .insert(sandboxEnvironments)
    .values({
      initiativeId: initiative.id,
      organisationId: input.organisationId,
      slug: input.slug,
      intermediaryOrgNr: input.intermediaryOrgNr ?? null,
      enabled: input.enabled ?? true,
    })
    .returning({ id: sandboxEnvironments.id });
  if (!environment) throw new Error("no environment written");
  return { id: environment.id, initiativeId: initiative.id, slug: input.slug };
}
