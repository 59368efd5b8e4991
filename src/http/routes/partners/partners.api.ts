import { addPartner } from "../../../domain/partners/add-partner.ts";
import { listPartners } from "../../../domain/partners/list-partners.ts";
import { PartnerInput } from "../../../domain/partners/partner-input.ts";
import { removePartner } from "../../../domain/partners/remove-partner.ts";
import type { AppScope } from "../../app-scope.ts";
import { InitiativeParams } from "../initiatives/initiatives.schema.ts";
import { Partner, PartnerList, PartnerParams } from "./partners.schema.ts";

/** An initiative's samverkansparter: who receives the partners' message after each milestone decision. */
export function partnersApi({ db, api }: AppScope) {
  api({
    method: "GET",
    url: "/api/v1/initiatives/:initiativeId/partners",
    summary: "The initiative's samverkansparter: organisations in Ansluta and external parties with an e-mail address",
    tag: "initiatives",
    access: "authenticated",
    params: InitiativeParams,
    response: { status: 200, schema: PartnerList },
    handler: async ({ actor, params }) => {
      const { partners, canManage } = await listPartners({ db, actor, initiativeId: params.initiativeId });
      return { partners, canManage };
    },
  });

  api({
    method: "POST",
    url: "/api/v1/initiatives/:initiativeId/partners",
    summary:
      "Name a samverkanspart (the initiative's team): another organisation by organisationsnummer, or an external party by name and e-mail",
    tag: "initiatives",
    access: "authenticated",
    params: InitiativeParams,
    body: PartnerInput,
    conflict: "ALREADY_EXISTS when the initiative already names this organisation or e-mail address",
    response: { status: 201, schema: Partner },
    handler: async ({ actor, params, body, now }) => addPartner({ db, actor, now, initiativeId: params.initiativeId, input: body }),
  });

  api({
    method: "DELETE",
    url: "/api/v1/initiatives/:initiativeId/partners/:partnerId",
    summary: "Remove a samverkanspart (the initiative's team); messages already sent to it keep it as their recipient",
    tag: "initiatives",
    access: "authenticated",
    params: PartnerParams,
    response: { status: 204 },
    handler: async ({ actor, params, now }) => {
      await removePartner({ db, actor, now, initiativeId: params.initiativeId, partnerId: params.partnerId });
    },
  });
}
