import { lockOrganisation, updateOrganisationSettings as writeSettings } from "../../db/repositories/organisation-repository.ts";
import { authorize } from "../access/policy.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { notFound } from "../shared/domain-error.ts";
import type { UseCaseContext } from "../shared/use-case.ts";
import type { OrganisationSettingsInput } from "./organisation-input.ts";
import { organisationView } from "./organisation-view.ts";

/**
 * Changes how the organisation works (its administratör, its verksamhetsägare or a system
 * administrator). Under the row's lock, so the audit's "before" is what the change replaced; a
 * setting sent as it already is changes nothing and records nothing.
 */
export async function updateOrganisationSettings({
  db,
  actor,
  now,
  organisationId,
  input,
}: UseCaseContext & { organisationId: string; input: OrganisationSettingsInput }) {
  authorize(actor, { action: "organisation:settings", organisationId });
  const row = await db.transaction(async (tx) => {
    const before = await lockOrganisation(tx, organisationId);
    if (!before) throw notFound("organisation");
    const changed = {
      ...(input.requiresSecondApprover !== undefined && input.requiresSecondApprover !== before.requiresSecondApprover
        ? { requiresSecondApprover: input.requiresSecondApprover }
        : {}),
      ...(input.county !== undefined && input.county !== before.county ? { county: input.county } : {}),
    };
    const keys = Object.keys(changed) as (keyof typeof changed)[];
    if (keys.length === 0) return before;
    const after = await writeSettings(tx, organisationId, changed);
    await recordAudit(
      tx,
      actor,
      {
        action: "organisation.settings",
        entityType: "organisation",
        entityId: organisationId,
        organisationId,
        before: Object.fromEntries(keys.map((k) => [k, before[k]])),
        after: Object.fromEntries(keys.map((k) => [k, after[k]])),
      },
      now,
    );
    return after;
  });
  return organisationView(actor, row);
}
