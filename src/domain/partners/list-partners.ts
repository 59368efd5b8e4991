import { partnersOf } from "../../db/repositories/communication-repository.ts";
import { listOrganisations } from "../../db/repositories/organisation-repository.ts";
import { can } from "../access/policy.ts";
import { readableInitiative } from "../initiatives/read-initiatives.ts";
import { formatOrganisationNumber } from "../organisations/organisation-number.ts";
import type { UseCaseContext } from "../shared/use-case.ts";
import { partnerView } from "./partner-view.ts";

/**
 * The initiative's samverkansparter, for those who may read the initiative; `canManage` for its
 * team. With `candidates`, the team also gets the other organisations in Ansluta to choose from:
 * their names and organisationsnummer, public facts, and nothing of their own data.
 */
export async function listPartners({
  db,
  actor,
  initiativeId,
  candidates = false,
}: Pick<UseCaseContext, "db" | "actor"> & { initiativeId: string; candidates?: boolean }) {
  const initiative = await readableInitiative({ db, actor }, initiativeId);
  const partners = (await partnersOf(db, initiative.id)).map(partnerView);
  const canManage = can(actor, { action: "initiative:work", organisationId: initiative.organisationId });
  const named = new Set(partners.map((p) => p.organisationId));
  const others =
    candidates && canManage
      ? (await listOrganisations(db))
          .filter((o) => o.id !== initiative.organisationId && !named.has(o.id))
          .map((o) => ({ number: o.number, label: `${o.name} (${formatOrganisationNumber(o.number)})` }))
      : [];
  return {
    initiative: { id: initiative.id, name: initiative.name, organisationId: initiative.organisationId },
    partners,
    canManage,
    candidates: others,
  };
}
