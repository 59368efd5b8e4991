import type { FastifyReply, FastifyRequest } from "fastify";
import type { Actor } from "../../../domain/access/actor.ts";
import { authorize } from "../../../domain/access/policy.ts";
import { readableInitiative } from "../../../domain/initiatives/read-initiatives.ts";
import { addPartner } from "../../../domain/partners/add-partner.ts";
import { listPartners } from "../../../domain/partners/list-partners.ts";
import { PartnerInput } from "../../../domain/partners/partner-input.ts";
import { removePartner } from "../../../domain/partners/remove-partner.ts";
import { DomainError } from "../../../domain/shared/domain-error.ts";
import { format, messagesFor } from "../../../i18n/index.ts";
import type { FormErrors } from "../../../ui/page-context.ts";
import { EMPTY_PARTNER, type PartnerFormValues, PartnersPage, partnersHref } from "../../../ui/pages/partners/partners-page.tsx";
import type { AppScope } from "../../app-scope.ts";
import { setFlash } from "../../cookies.ts";
import { formValues, parseForm, str, toFormErrors } from "../../form.ts";
import { pathId } from "../../path-id.ts";
import { requireSession, sendPage } from "../../render.ts";

type InitiativeParams = { Params: { initiativeId: string } };
type PartnerParams = { Params: { initiativeId: string; partnerId: string } };

/** A use case's refusal with field problems, as the form shows it: 400 for invalid input, 409 for a duplicate. */
function rejection(e: unknown): { errors: FormErrors; status: number } {
  if (!(e instanceof DomainError) || !e.details.fields) throw e;
  return { errors: toFormErrors(e.details.fields), status: e.code === "ALREADY_EXISTS" ? 409 : 400 };
}

/** The page where the initiative's team names its samverkansparter. */
export function partnersPages({ app, db }: AppScope) {
  const show = async (
    request: FastifyRequest,
    reply: FastifyReply,
    actor: Actor,
    initiativeId: string,
    rejected?: { values: PartnerFormValues; errors: FormErrors; status: number },
  ) => {
    const { initiative, partners, canManage, candidates } = await listPartners({ db, actor, initiativeId, candidates: true });
    return sendPage(
      request,
      reply,
      (ctx) => (
        <PartnersPage
          ctx={ctx}
          initiative={initiative}
          partners={partners}
          canManage={canManage}
          candidates={candidates}
          {...(rejected ? { values: rejected.values, errors: rejected.errors } : {})}
        />
      ),
      rejected?.status ?? 200,
    );
  };

  app.get<InitiativeParams>("/initiatives/:initiativeId/partners", async (request, reply) => {
    const auth = requireSession(request, reply);
    if (!auth) return reply;
    return show(request, reply, auth.actor, pathId(request.params.initiativeId));
  });

  app.post<InitiativeParams>("/initiatives/:initiativeId/partners", async (request, reply) => {
    const auth = requireSession(request, reply);
    if (!auth) return reply;
    const initiativeId = pathId(request.params.initiativeId);
    // Only the team hears what was wrong with the form; anyone else is refused before it is read.
    const initiative = await readableInitiative({ db, actor: auth.actor }, initiativeId);
    authorize(auth.actor, { action: "initiative:work", organisationId: initiative.organisationId });
    const posted = formValues(request.body);
    const kind = str(posted, "kind");
    const values: PartnerFormValues = {
      ...EMPTY_PARTNER,
      ...(kind === "organisation"
        ? { organisationNumber: str(posted, "organisationNumber") }
        : { name: str(posted, "name"), email: str(posted, "email") }),
    };
    const parsed = parseForm(PartnerInput, { kind, ...values });
    if (!parsed.ok) return show(request, reply, auth.actor, initiativeId, { values, errors: parsed.errors, status: 400 });
    try {
      const added = await addPartner({ db, actor: auth.actor, now: request.now, initiativeId, input: parsed.data });
      setFlash(request, reply, format(messagesFor(request.locale).partners.added, { name: added.name }));
      return reply.redirect(partnersHref(initiativeId), 303);
    } catch (e) {
      return show(request, reply, auth.actor, initiativeId, { values, ...rejection(e) });
    }
  });

  app.post<PartnerParams>("/initiatives/:initiativeId/partners/:partnerId/delete", async (request, reply) => {
    const auth = requireSession(request, reply);
    if (!auth) return reply;
    const initiativeId = pathId(request.params.initiativeId);
    await removePartner({ db, actor: auth.actor, now: request.now, initiativeId, partnerId: pathId(request.params.partnerId) });
    setFlash(request, reply, messagesFor(request.locale).partners.removed);
    return reply.redirect(partnersHref(initiativeId), 303);
  });
}
