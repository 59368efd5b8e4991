import { sandboxEnvironments } from "../../src/db/schema.ts";
import { newEnvironmentSlug } from "../../src/domain/sandbox/environment-slug.ts";
import type { TestWorld } from "./test-world.ts";

/**
 * A new initiative of organisation A with a test environment written straight to the table, as
 * enabling one leaves it (enabling through the API and the pages is tested in sandbox-setup-*), under
 * a fresh slug so that no two tests share an environment.
 */
export async function seedTestEnvironment(world: TestWorld, options: { name?: string; enabled?: boolean } = {}) {
  const initiative = await world.seedInitiative(options.name ? { name: options.name } : {});
  const [environment] = await world.db
    .insert(sandboxEnvironments)
    .values({ initiativeId: initiative.id, organisationId: world.orgA.id, slug: newEnvironmentSlug(), enabled: options.enabled ?? true })
    .returning();
  if (!environment) throw new Error("no environment written");
  return { initiative, environment };
}
