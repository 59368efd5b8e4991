import type { PartnerRow } from "../../db/repositories/communication-repository.ts";
import { formatOrganisationNumber } from "../organisations/organisation-number.ts";

export type PartnerView =
  | { id: string; kind: "organisation"; organisationId: string; organisationNumber: string; name: string; email: null }
  | { id: string; kind: "external"; organisationId: null; organisationNumber: null; name: string; email: string };

export function partnerView(p: PartnerRow): PartnerView {
  return p.partnerOrganisationId
    ? {
        id: p.id,
        kind: "organisation",
        organisationId: p.partnerOrganisationId,
        organisationNumber: formatOrganisationNumber(p.organisationNumber ?? ""),
        name: p.organisationName ?? "",
        email: null,
      }
    : { id: p.id, kind: "external", organisationId: null, organisationNumber: null, name: p.name ?? "", email: p.email ?? "" };
}
