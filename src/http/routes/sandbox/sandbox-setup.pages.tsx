import { z } from "zod";
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
import { format } from "../../../i18n/index.ts";
import { ownRecipientsHref, trustedCasHref } from "../../../ui/pages/sandbox/environment-parts.tsx";
import { EMPTY_OWN_RECIPIENT, type OwnRecipientFormValues, OwnRecipientsPage } from "../../../ui/pages/sandbox/own-recipients-page.tsx";
import { TrustedCasPage } from "../../../ui/pages/sandbox/trusted-cas-page.tsx";
import type { AppScope } from "../../app-scope.ts";
import { list, str, toFormErrors } from "../../form.ts";
import { type FormState, type PageView, redirect } from "../../page-route.ts";
import { ids } from "../../path-id.ts";
import { sandboxOperators } from "./emulator-location.ts";

/** A use case's refusal with field problems, as the form shows it: 400 for invalid input, 409 for a duplicate. */
const rejection = (code: string) => (code === "ALREADY_EXISTS" ? 409 : 400);

/** The pages where an organisation manages its own synthetic recipients and uploaded test CAs. */
export function sandboxSetupPages({ page, db, config, secrets }: AppScope) {
  // The installation's test CA for a browser session; the API has its own (/api/v1/sandbox/ca.pem).
  page({
    method: "GET",
    url: "/sandbox/ca.pem",
    access: "session",
    handle: async ({ reply }) =>
      reply
        .type("application/x-pem-file")
        .header("content-disposition", 'attachment; filename="ansluta-test-ca.pem"')
        .send(await readSandboxCaCertificate(db)),
  });

  // A new test client certificate as one PEM file (key, certificate, CA): the browser's way to what
  // POST /api/v1/organisations/:id/sandbox/certificate gives. The key is in this answer only.
  page({
    method: "POST",
    url: "/organisations/:organisationId/sandbox/certificate.pem",
    access: "session",
    params: ids("organisationId"),
    handle: async ({ actor, now, reply, params: { organisationId } }) => {
      const issued = await issueSandboxCertificate({ db, actor, now, secrets, organisationId });
      const organisation = await getOrganisation({ db, actor, organisationId });
      return reply
        .type("application/x-pem-file")
        .header("content-disposition", `attachment; filename="${sandboxCertificateFileName(organisation.number)}"`)
        .header("cache-control", "no-store")
        .send(sandboxCertificateBundle(issued, organisation.name));
    },
  });

  const recipientsPage = async ({
    actor,
    params: { organisationId },
    form,
  }: {
    actor: Actor;
    params: { organisationId: string };
    form?: FormState<OwnRecipientFormValues> | undefined;
  }): Promise<PageView> => {
    const organisation = await getOrganisation({ db, actor, organisationId });
    const recipients = await listOwnRecipients({ db, actor, organisationId });
    return (ctx) => (
      <OwnRecipientsPage
        ctx={ctx}
        organisation={organisation}
        recipients={recipients}
        operators={sandboxOperators(config)}
        {...(form ? { values: form.values, errors: form.errors } : {})}
      />
    );
  };

  page({
    method: "GET",
    url: "/organisations/:organisationId/sandbox/recipients",
    access: "session",
    params: ids("organisationId"),
    render: recipientsPage,
  });

  page({
    method: "POST",
    url: "/organisations/:organisationId/sandbox/recipients",
    access: "session",
    params: ids("organisationId"),
    // Authorised before the form is read, so only those who may use the sandbox hear what was wrong with it.
    load: async ({ actor, params: { organisationId } }) => {
      await listOwnRecipients({ db, actor, organisationId });
    },
    form: {
      read: (posted): OwnRecipientFormValues => ({
        recipientId: str(posted, "recipientId"),
        label: str(posted, "label"),
        accountType: str(posted, "accountType") || EMPTY_OWN_RECIPIENT.accountType,
        operatorId: str(posted, "operatorId"),
        options: list(posted, "options"),
        operatorBehaviour: str(posted, "operatorBehaviour") || EMPTY_OWN_RECIPIENT.operatorBehaviour,
      }),
      schema: OwnRecipientInput,
      input: (values) => ({
        ...values,
        operatorId: values.operatorId || null,
        pending: values.options.includes("pending"),
        senderAccepted: values.options.includes("senderAccepted"),
      }),
    },
    render: recipientsPage,
    handle: async ({ actor, now, m, params: { organisationId }, data }) => {
      const added = await addOwnRecipient({ db, actor, now, organisationId, input: data });
      return redirect(ownRecipientsHref(organisationId), format(m.sandboxSetup.recipientAdded, { recipientId: added.recipientId }));
    },
    refused: (e) => (e.details.fields ? { errors: toFormErrors(e.details.fields), status: rejection(e.code) } : undefined),
  });

  page({
    method: "POST",
    url: "/organisations/:organisationId/sandbox/recipients/:recipientRowId/delete",
    access: "session",
    params: ids("organisationId", "recipientRowId"),
    handle: async ({ actor, now, m, params: { organisationId, recipientRowId } }) => {
      await removeOwnRecipient({ db, actor, now, organisationId, recipientRowId });
      return redirect(ownRecipientsHref(organisationId), m.sandboxSetup.recipientRemoved);
    },
  });

  const trustedCasPage = async ({
    actor,
    params: { organisationId },
    form,
  }: {
    actor: Actor;
    params: { organisationId: string };
    form?: FormState<{ certificatePem: string }> | undefined;
  }): Promise<PageView> => {
    const organisation = await getOrganisation({ db, actor, organisationId });
    const trustedCas = await listTrustedCas({ db, actor, organisationId });
    return (ctx) => (
      <TrustedCasPage
        ctx={ctx}
        organisation={organisation}
        trustedCas={trustedCas}
        {...(form ? { certificatePem: form.values.certificatePem, errors: form.errors } : {})}
      />
    );
  };

  page({
    method: "GET",
    url: "/organisations/:organisationId/sandbox/trusted-cas",
    access: "session",
    params: ids("organisationId"),
    render: trustedCasPage,
  });

  page({
    method: "POST",
    url: "/organisations/:organisationId/sandbox/trusted-cas",
    access: "session",
    params: ids("organisationId"),
    load: async ({ actor, params: { organisationId } }) => {
      await listTrustedCas({ db, actor, organisationId });
    },
    form: {
      read: (values) => ({ certificatePem: str(values, "certificatePem") }),
      schema: z.object({ certificatePem: z.string().refine((pem) => pem.trim() !== "", { error: "required" }) }),
    },
    render: trustedCasPage,
    handle: async ({ actor, now, m, params: { organisationId }, data: { certificatePem } }) => {
      await addTrustedCa({ db, actor, now, organisationId, certificatePem });
      return redirect(trustedCasHref(organisationId), m.sandboxSetup.caAdded);
    },
    // A key pasted by mistake is not sent back into the page (or the browser's form history).
    refused: (e, { shown }) =>
      e.details.fields
        ? {
            errors: toFormErrors(e.details.fields),
            status: rejection(e.code),
            values: { certificatePem: PRIVATE_KEY_BLOCK.test(shown.certificatePem) ? "" : shown.certificatePem },
          }
        : undefined,
  });

  page({
    method: "POST",
    url: "/organisations/:organisationId/sandbox/trusted-cas/:caId/delete",
    access: "session",
    params: ids("organisationId", "caId"),
    handle: async ({ actor, now, m, params: { organisationId, caId } }) => {
      await removeTrustedCa({ db, actor, now, organisationId, caId });
      return redirect(trustedCasHref(organisationId), m.sandboxSetup.caRemoved);
    },
  });
}
