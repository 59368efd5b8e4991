import { findEnvironmentOfInitiative } from "../../db/repositories/sandbox-setup-repository.ts";
import { authorize } from "../access/policy.ts";
import { readableInitiative } from "../initiatives/read-initiatives.ts";
import type { UseCaseContext } from "../shared/use-case.ts";

/**
 * The initiative's test environment, null when it was never enabled. For those who use the
 * sandbox: an outsider gets 404 for the initiative, a reader without the role 403.
 */
export async function getSandboxEnvironment({ db, actor, initiativeId }: Omit<UseCaseContext, "now"> & { initiativeId: string }) {
  const initiative = await readableInitiative({ db, actor }, initiativeId);
  authorize(actor, { action: "sandbox:use", organisationId: initiative.organisationId });
  return { initiative, environment: (await findEnvironmentOfInitiative(db, initiative.id)) ?? null };
}
