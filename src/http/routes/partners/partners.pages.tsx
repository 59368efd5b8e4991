import { z } from "zod";
import type { Actor } from "../../../domain/access/actor.ts";
import { addPartner } from "../../../domain/partners/add-partner.ts";
import { listPartners } from "../../../domain/partners/list-partners.ts";
import { PartnerInput } from "../../../domain/partners/partner-input.ts";
import { removePartner } from "../../../domain/partners/remove-partner.ts";
import { forbidden } from "../../../domain/shared/domain-error.ts";
import { format } from "../../../i18n/index.ts";
import { EMPTY_PARTNER, type PartnerFormValues, PartnersPage, partnersHref } from "../../../ui/pages/partners/partners-page.tsx";
import type { AppScope } from "../../app-scope.ts";
import { str } from "../../form.ts";
import { redirect } from "../../page-route.ts";

const InitiativeParams = z.object({ initiativeId: z.uuid() });
const PartnerParams = InitiativeParams.extend({ partnerId: z.uuid() });

/** The page where the initiative's team names its samverkansparter. */
export function partnersPages({ page, db }: AppScope) {
  const load = ({ actor, params }: { actor: Actor; params: { initiativeId: string } }) =>
    listPartners({ db, actor, initiativeId: params.initiativeId, candidates: true });

  page({
    method: "GET",
    url: "/initiatives/:initiativeId/partners",
    access: "session",
    params: InitiativeParams,
    load,
    render:
      ({ loaded }) =>
      (ctx) => <PartnersPage ctx={ctx} {...loaded} />,
  });

  page({
    method: "POST",
    url: "/initiatives/:initiativeId/partners",
    access: "session",
    params: InitiativeParams,
    // Only the team hears what was wrong with the form; anyone else is refused before it is read.
    load: async (input) => {
      const loaded = await load(input);
      if (!loaded.canManage) throw forbidden("not in the team");
      return loaded;
    },
    form: {
      read: (values): PartnerFormValues & { kind: string } => {
        const kind = str(values, "kind");
        return kind === "organisation"
          ? { ...EMPTY_PARTNER, kind, organisationNumber: str(values, "organisationNumber") }
          : { ...EMPTY_PARTNER, kind, name: str(values, "name"), email: str(values, "email") };
      },
      schema: PartnerInput,
    },
    render:
      ({ loaded, form }) =>
      (ctx) => <PartnersPage ctx={ctx} {...loaded} values={form?.values} errors={form?.errors} />,
    handle: async ({ actor, now, m, params, data }) => {
      const added = await addPartner({ db, actor, now, initiativeId: params.initiativeId, input: data });
      return redirect(partnersHref(params.initiativeId), format(m.partners.added, { name: added.name }));
    },
  });

  page({
    method: "POST",
    url: "/initiatives/:initiativeId/partners/:partnerId/delete",
    access: "session",
    params: PartnerParams,
    handle: async ({ actor, now, m, params }) => {
      await removePartner({ db, actor, now, initiativeId: params.initiativeId, partnerId: params.partnerId });
      return redirect(partnersHref(params.initiativeId), m.partners.removed);
    },
  });
}
