import { insertPartner, partnersOf } from "../../db/repositories/communication-repository.ts";
import { lockInitiative } from "../../db/repositories/initiative-repository.ts";
import { findOrganisationByNumber } from "../../db/repositories/organisation-repository.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { workableInitiative } from "../initiatives/read-initiatives.ts";
import { DomainError } from "../shared/domain-error.ts";
import type { UseCaseContext } from "../shared/use-case.ts";
import type { PartnerInput } from "./partner-input.ts";
import { partnerView } from "./partner-view.ts";

const invalid = (path: string, code: string, message: string) =>
  new DomainError("VALIDATION_FAILED", message, { fields: [{ path: [path], code, message }] });

/**
 * Names a samverkanspart of the initiative: the team's work. One organisation or e-mail address
 * once per initiative, never the initiative's own organisation (it is told as "den egna
 * verksamheten"). Under the initiative's row lock, so two people adding the same partner at once
 * add it once; the other hears ALREADY_EXISTS.
 */
export async function addPartner({ db, actor, now, initiativeId, input }: UseCaseContext & { initiativeId: string; input: PartnerInput }) {
  const initiative = await workableInitiative({ db, actor }, initiativeId);
  const organisation = input.kind === "organisation" ? await findOrganisationByNumber(db, input.organisationNumber) : null;
  if (input.kind === "organisation") {
    if (!organisation) {
      throw invalid(
        "organisationNumber",
        "partner_unknown_organisation",
        "no organisation with this organisationsnummer uses Ansluta; name it as an external party with an e-mail address",
      );
    }
    if (organisation.id === initiative.organisationId) {
      throw invalid("organisationNumber", "partner_own_organisation", "the initiative's own organisation is not its samverkanspart");
    }
  }
  return db.transaction(async (tx) => {
    await lockInitiative(tx, initiative.id);
    const existing = await partnersOf(tx, initiative.id);
    const duplicate = organisation
      ? existing.some((p) => p.partnerOrganisationId === organisation.id)
      : input.kind === "external" && existing.some((p) => p.email === input.email);
    if (duplicate) {
      const path = input.kind === "organisation" ? "organisationNumber" : "email";
      throw new DomainError("ALREADY_EXISTS", "the initiative already names this samverkanspart", {
        fields: [{ path: [path], code: "partner_duplicate", message: "already a samverkanspart of the initiative" }],
      });
    }
    const row = await insertPartner(
      tx,
      organisation
        ? { initiativeId: initiative.id, partnerOrganisationId: organisation.id, createdAt: now, createdBy: actor.userId }
        : {
            initiativeId: initiative.id,
            name: input.kind === "external" ? input.name : null,
            email: input.kind === "external" ? input.email : null,
            createdAt: now,
            createdBy: actor.userId,
          },
    );
    const view = partnerView({
      ...row,
      organisationName: organisation?.name ?? null,
      organisationNumber: organisation?.number ?? null,
    });
    await recordAudit(
      tx,
      actor,
      {
        action: "initiative.partner.add",
        entityType: "initiative_partner",
        entityId: row.id,
        organisationId: initiative.organisationId,
        after: view,
      },
      now,
    );
    return view;
  });
}
