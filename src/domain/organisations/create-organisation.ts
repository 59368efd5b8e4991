import { findOrganisationByNumber, insertOrganisation } from "../../db/repositories/organisation-repository.ts";
import { authorize } from "../access/policy.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { DomainError } from "../shared/domain-error.ts";
import type { UseCaseContext } from "../shared/use-case.ts";
import type { OrganisationInput } from "./organisation-input.ts";
import { organisationView } from "./organisation-view.ts";

export async function createOrganisation({ db, actor, now, input }: UseCaseContext & { input: OrganisationInput }) {
  authorize(actor, { action: "organisation:create" });
  const row = await db.transaction(async (tx) => {
    if (await findOrganisationByNumber(tx, input.number)) {
      throw new DomainError("ORGANISATION_NUMBER_TAKEN", "an organisation with this number exists", {
        fields: [{ path: ["number"], code: "orgnr_taken", message: "organisation number already registered" }],
      });
    }
    const created = await insertOrganisation(tx, input);
    await recordAudit(
      tx,
      actor,
      { action: "organisation.create", entityType: "organisation", entityId: created.id, organisationId: created.id, after: created },
      now,
    );
    return created;
  });
  return organisationView(actor, row);
}
