import type { FastifyReply, FastifyRequest } from "fastify";
import type { Actor } from "../../../domain/access/actor.ts";
import { getOrganisation } from "../../../domain/organisations/read-organisations.ts";
import { addOwnRecipient } from "../../../domain/sandbox/add-own-recipient.ts";
import { addTrustedCa } from "../../../domain/sandbox/add-trusted-ca.ts";
import { issueSandboxCertificate } from "../../../domain/sandbox/issue-sandbox-certificate.ts";
import { listOwnRecipients } from "../../../domain/sandbox/list-own-recipients.ts";
import { listTrustedCas } from "../../../domain/sandbox/list-trusted-cas.ts";
import { OwnRecipientInput } from "../../../domain/sandbox/own-recipient-input.ts";
import { removeOwnRecipient } from "../../../domain/sandbox/remove-own-recipient.ts";
import { removeTrustedCa } from "../../../domain/sandbox/remove-trusted-ca.ts";
import { readSandboxCaCertificate } from "../../../domain/sandbox/sandbox-authority.ts";
import { sandboxCertificateBundle, sandboxCertificateFileName } from "../../../domain/sandbox/sandbox-certificate-bundle.ts";
import { PRIVATE_KEY_BLOCK } from "../../../domain/sandbox/trusted-ca-certificate.ts";
import { DomainError } from "../../../domain/shared/domain-error.ts";
import { format, messagesFor } from "../../../i18n/index.ts";
import type { FormErrors } from "../../../ui/page-context.ts";
import { ownRecipientsHref, trustedCasHref } from "../../../ui/pages/sandbox/environment-parts.tsx";
import { EMPTY_OWN_RECIPIENT, type OwnRecipientFormValues, OwnRecipientsPage } from "../../../ui/pages/sandbox/own-recipients-page.tsx";
import { TrustedCasPage } from "../../../ui/pages/sandbox/trusted-cas-page.tsx";
import type { AppScope } from "../../app-scope.ts";
import { setFlash } from "../../cookies.ts";
import { formValues, list, parseForm, str, toFormErrors } from "../../form.ts";
import { pathId } from "../../path-id.ts";
import { requireSession, sendPage } from "../../render.ts";
import { sandboxOperators } from "./emulator-location.ts";

type OrgParams = { Params: { organisationId: string } };
type RecipientParams = { Params: { organisationId: string; recipientRowId: string } };
type CaParams = { Params: { organisationId: string; caId: string } };

/** A use case's refusal with field problems, as the form shows it: 400 for invalid input, 409 for a duplicate. */
function rejection(e: unknown): { errors: FormErrors; status: number } {
  if (!(e instanceof DomainError) || !e.details.fields) throw e;
  return { errors: toFormErrors(e.details.fields), status: e.code === "ALREADY_EXISTS" ? 409 : 400 };
}

/** The pages where an organisation manages its own synthetic recipients and uploaded test CAs. */
export function sandboxSetupPages({ app, db, config, secrets }: AppScope) {
  // The installation's test CA for a browser session; the API has its own (/api/v1/sandbox/ca.pem).
  app.get("/sandbox/ca.pem", async (request, reply) => {
    if (!requireSession(request, reply)) return reply;
    const caCertificatePem = await readSandboxCaCertificate(db);
    return reply
      .type("application/x-pem-file")
      .header("content-disposition", 'attachment; filename="ansluta-test-ca.pem"')
      .send(caCertificatePem);
  });

  // A new test client certificate as one PEM file (key, certificate, CA): the browser's way to what
  // POST /api/v1/organisations/:id/sandbox/certificate gives. The key is in this answer only.
  app.post<OrgParams>("/organisations/:organisationId/sandbox/certificate.pem", async (request, reply) => {
    const auth = requireSession(request, reply);
    if (!auth) return reply;
    const organisationId = pathId(request.params.organisationId);
    const issued = await issueSandboxCertificate({ db, actor: auth.actor, now: request.now, secrets, organisationId });
    const organisation = await getOrganisation({ db, actor: auth.actor, organisationId });
    return reply
      .type("application/x-pem-file")
      .header("content-disposition", `attachment; filename="${sandboxCertificateFileName(organisation.number)}"`)
      .header("cache-control", "no-store")
      .send(sandboxCertificateBundle(issued, organisation.name));
  });

  const showRecipients = async (
    request: FastifyRequest,
    reply: FastifyReply,
    actor: Actor,
    organisationId: string,
    rejected?: { values: OwnRecipientFormValues; errors: FormErrors; status: number },
  ) => {
    const organisation = await getOrganisation({ db, actor, organisationId });
    const recipients = await listOwnRecipients({ db, actor, organisationId });
    return sendPage(
      request,
      reply,
      (ctx) => (
        <OwnRecipientsPage
          ctx={ctx}
          organisation={organisation}
          recipients={recipients}
          operators={sandboxOperators(config)}
          {...(rejected ? { values: rejected.values, errors: rejected.errors } : {})}
        />
      ),
      rejected?.status ?? 200,
    );
  };

  app.get<OrgParams>("/organisations/:organisationId/sandbox/recipients", async (request, reply) => {
    const auth = requireSession(request, reply);
    if (!auth) return reply;
    return showRecipients(request, reply, auth.actor, pathId(request.params.organisationId));
  });

  app.post<OrgParams>("/organisations/:organisationId/sandbox/recipients", async (request, reply) => {
    const auth = requireSession(request, reply);
    if (!auth) return reply;
    const organisationId = pathId(request.params.organisationId);
    // Authorised before the form is read, so only those who may use the sandbox hear what was wrong with it.
    await listOwnRecipients({ db, actor: auth.actor, organisationId });
    const posted = formValues(request.body);
    const values: OwnRecipientFormValues = {
      recipientId: str(posted, "recipientId"),
      label: str(posted, "label"),
      accountType: str(posted, "accountType") || EMPTY_OWN_RECIPIENT.accountType,
      operatorId: str(posted, "operatorId"),
      options: list(posted, "options"),
      operatorBehaviour: str(posted, "operatorBehaviour") || EMPTY_OWN_RECIPIENT.operatorBehaviour,
    };
    const parsed = parseForm(OwnRecipientInput, {
      ...values,
      operatorId: values.operatorId || null,
      pending: values.options.includes("pending"),
      senderAccepted: values.options.includes("senderAccepted"),
    });
    if (!parsed.ok) return showRecipients(request, reply, auth.actor, organisationId, { values, errors: parsed.errors, status: 400 });
    try {
      const added = await addOwnRecipient({ db, actor: auth.actor, now: request.now, organisationId, input: parsed.data });
      setFlash(request, reply, format(messagesFor(request.locale).sandboxSetup.recipientAdded, { recipientId: added.recipientId }));
      return reply.redirect(ownRecipientsHref(organisationId), 303);
    } catch (e) {
      return showRecipients(request, reply, auth.actor, organisationId, { values, ...rejection(e) });
    }
  });

  app.post<RecipientParams>("/organisations/:organisationId/sandbox/recipients/:recipientRowId/delete", async (request, reply) => {
    const auth = requireSession(request, reply);
    if (!auth) return reply;
    const organisationId = pathId(request.params.organisationId);
    await removeOwnRecipient({
      db,
      actor: auth.actor,
      now: request.now,
      organisationId,
      recipientRowId: pathId(request.params.recipientRowId),
    });
    setFlash(request, reply, messagesFor(request.locale).sandboxSetup.recipientRemoved);
    return reply.redirect(ownRecipientsHref(organisationId), 303);
  });

  const showTrustedCas = async (
    request: FastifyRequest,
    reply: FastifyReply,
    actor: Actor,
    organisationId: string,
    rejected?: { certificatePem: string; errors: FormErrors; status: number },
  ) => {
    const organisation = await getOrganisation({ db, actor, organisationId });
    const trustedCas = await listTrustedCas({ db, actor, organisationId });
    return sendPage(
      request,
      reply,
      (ctx) => (
        <TrustedCasPage
          ctx={ctx}
          organisation={organisation}
          trustedCas={trustedCas}
          {...(rejected ? { certificatePem: rejected.certificatePem, errors: rejected.errors } : {})}
        />
      ),
      rejected?.status ?? 200,
    );
  };

  app.get<OrgParams>("/organisations/:organisationId/sandbox/trusted-cas", async (request, reply) => {
    const auth = requireSession(request, reply);
    if (!auth) return reply;
    return showTrustedCas(request, reply, auth.actor, pathId(request.params.organisationId));
  });

  app.post<OrgParams>("/organisations/:organisationId/sandbox/trusted-cas", async (request, reply) => {
    const auth = requireSession(request, reply);
    if (!auth) return reply;
    const organisationId = pathId(request.params.organisationId);
    await listTrustedCas({ db, actor: auth.actor, organisationId });
    const certificatePem = str(formValues(request.body), "certificatePem");
    if (certificatePem.trim() === "") {
      return showTrustedCas(request, reply, auth.actor, organisationId, {
        certificatePem,
        errors: [{ field: "certificatePem", code: "required" }],
        status: 400,
      });
    }
    try {
      await addTrustedCa({ db, actor: auth.actor, now: request.now, organisationId, certificatePem });
      setFlash(request, reply, messagesFor(request.locale).sandboxSetup.caAdded);
      return reply.redirect(trustedCasHref(organisationId), 303);
    } catch (e) {
      const refused = rejection(e);
      // A key pasted by mistake is not sent back into the page (or the browser's form history).
      const keptPem = PRIVATE_KEY_BLOCK.test(certificatePem) ? "" : certificatePem;
      return showTrustedCas(request, reply, auth.actor, organisationId, { certificatePem: keptPem, ...refused });
    }
  });

  app.post<CaParams>("/organisations/:organisationId/sandbox/trusted-cas/:caId/delete", async (request, reply) => {
    const auth = requireSession(request, reply);
    if (!auth) return reply;
    const organisationId = pathId(request.params.organisationId);
    await removeTrustedCa({ db, actor: auth.actor, now: request.now, organisationId, caId: pathId(request.params.caId) });
    setFlash(request, reply, messagesFor(request.locale).sandboxSetup.caRemoved);
    return reply.redirect(trustedCasHref(organisationId), 303);
  });
}
