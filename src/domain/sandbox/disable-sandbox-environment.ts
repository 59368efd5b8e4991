import { findEnvironmentOfInitiative, updateEnvironment } from "../../db/repositories/sandbox-setup-repository.ts";
import { authorize } from "../access/policy.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { readableInitiative } from "../initiatives/read-initiatives.ts";
import type { OrganisationNumber } from "../organisations/organisation-number.ts";
import type { UseCaseContext } from "../shared/use-case.ts";

/**
 * Closes the initiative's test environment: the emulator refuses its calls from then on, and the
 * row, its slug and its recorded calls stay for the report. Disabling an environment that was
 * never enabled changes nothing and records nothing (null is returned).
 */
export async function disableSandboxEnvironment({
  db,
  actor,
  now,
  initiativeId,
  intermediaryOrgNr,
}: UseCaseContext & { initiativeId: string; intermediaryOrgNr?: OrganisationNumber | null | undefined }) {
  const initiative = await readableInitiative({ db, actor }, initiativeId);
  authorize(actor, { action: "sandbox:use", organisationId: initiative.organisationId });
  return db.transaction(async (tx) => {
    const before = await findEnvironmentOfInitiative(tx, initiative.id);
    if (!before) return null;
    const after = await updateEnvironment(tx, before.id, {
      enabled: false,
      intermediaryOrgNr: intermediaryOrgNr === undefined ? before.intermediaryOrgNr : intermediaryOrgNr,
      updatedAt: now,
    });
    await recordAudit(
      tx,
      actor,
      {
        action: "sandbox.environment.disable",
        entityType: "sandbox_environment",
        entityId: after.id,
        organisationId: initiative.organisationId,
        before,
        after,
      },
      now,
    );
    return after;
  });
}
