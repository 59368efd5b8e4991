import { findOrganisationById, listOrganisations } from "../../db/repositories/organisation-repository.ts";
import { authorize, can } from "../access/policy.ts";
import { notFound } from "../shared/domain-error.ts";
import type { UseCaseContext } from "../shared/use-case.ts";
import { organisationView } from "./organisation-view.ts";

type Ctx = Pick<UseCaseContext, "db" | "actor">;

/** Every organisation for admin and förvaltningsgrupp; for everyone else, their own. */
export async function listVisibleOrganisations({ db, actor }: Ctx) {
  const rows = can(actor, { action: "organisation:list-all" })
    ? await listOrganisations(db)
    : await listOrganisations(db, [...actor.memberships.keys()]);
  return rows.map((o) => organisationView(actor, o));
}

export async function getOrganisation({ db, actor, organisationId }: Ctx & { organisationId: string }) {
  authorize(actor, { action: "organisation:read", organisationId });
  const row = await findOrganisationById(db, organisationId);
  if (!row) throw notFound("organisation");
  return organisationView(actor, row);
}
