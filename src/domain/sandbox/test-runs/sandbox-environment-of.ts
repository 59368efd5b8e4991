import { findEnvironmentOfInitiative } from "../../../db/repositories/sandbox-setup-repository.ts";
import { authorize } from "../../access/policy.ts";
import { readableInitiative } from "../../initiatives/read-initiatives.ts";
import type { UseCaseContext } from "../../shared/use-case.ts";

/**
 * The initiative and its test environment (null until the initiative enables one), for someone
 * who uses the sandbox: an outsider gets 404 for the initiative, a member without the role 403.
 */
export async function sandboxEnvironmentOf({ db, actor }: Pick<UseCaseContext, "db" | "actor">, initiativeId: string) {
  const initiative = await readableInitiative({ db, actor }, initiativeId);
  authorize(actor, { action: "sandbox:use", organisationId: initiative.organisationId });
  const environment = (await findEnvironmentOfInitiative(db, initiative.id)) ?? null;
  return { initiative, environment };
}
