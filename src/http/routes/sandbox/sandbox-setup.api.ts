import { z } from "zod";
import { addOwnRecipient } from "../../../domain/sandbox/add-own-recipient.ts";
import { addTrustedCa } from "../../../domain/sandbox/add-trusted-ca.ts";
import { disableSandboxEnvironment } from "../../../domain/sandbox/disable-sandbox-environment.ts";
import { enableSandboxEnvironment } from "../../../domain/sandbox/enable-sandbox-environment.ts";
import { getSandboxEnvironment } from "../../../domain/sandbox/get-sandbox-environment.ts";
import { listOwnRecipients } from "../../../domain/sandbox/list-own-recipients.ts";
import { listTrustedCas } from "../../../domain/sandbox/list-trusted-cas.ts";
import { OwnRecipientInput } from "../../../domain/sandbox/own-recipient-input.ts";
import { removeOwnRecipient } from "../../../domain/sandbox/remove-own-recipient.ts";
import { removeTrustedCa } from "../../../domain/sandbox/remove-trusted-ca.ts";
import { sandboxEnvironmentView } from "../../../domain/sandbox/sandbox-environment-view.ts";
import type { AppScope } from "../../app-scope.ts";
import { emulatorLocation, sandboxOperators } from "./emulator-location.ts";
import { SandboxInitiativeParams, SandboxOrganisationParams } from "./sandbox.schema.ts";
import {
  OwnRecipient,
  OwnRecipientParams,
  SandboxEnvironment,
  SandboxEnvironmentInput,
  TrustedCa,
  TrustedCaInput,
  TrustedCaParams,
} from "./sandbox-setup.schema.ts";

/** What an initiative and its organisation set up for testing: the environment, uploaded test CAs, own recipients. */
export function sandboxSetupApi({ api, db, config }: AppScope) {
  const ENVIRONMENT_URL = "/api/v1/initiatives/:initiativeId/sandbox/environment";

  api({
    method: "GET",
    url: ENVIRONMENT_URL,
    summary:
      "The initiative's test environment in the emulator: whether it is enabled, its addresses and WSDLs (projektledare or deltagare). Never enabled: 200 with enabled false and slug null",
    tag: "sandbox",
    access: "authenticated",
    params: SandboxInitiativeParams,
    response: { status: 200, schema: SandboxEnvironment },
    handler: async ({ actor, params }) => {
      const { environment } = await getSandboxEnvironment({ db, actor, initiativeId: params.initiativeId });
      return sandboxEnvironmentView(environment, emulatorLocation(config), sandboxOperators(config));
    },
  });

  api({
    method: "PUT",
    url: ENVIRONMENT_URL,
    summary:
      "Enable (the first time: create, with a new address) or disable the initiative's test environment, and set or clear the förmedlare allowed to call for the organisation (projektledare or deltagare)",
    tag: "sandbox",
    access: "authenticated",
    params: SandboxInitiativeParams,
    body: SandboxEnvironmentInput,
    response: { status: 200, schema: SandboxEnvironment },
    handler: async ({ actor, params, body, now }) => {
      const options = { db, actor, now, initiativeId: params.initiativeId, intermediaryOrgNr: body.intermediaryOrgNr };
      const environment = body.enabled ? await enableSandboxEnvironment(options) : await disableSandboxEnvironment(options);
      return sandboxEnvironmentView(environment, emulatorLocation(config), sandboxOperators(config));
    },
  });

  const CAS_URL = "/api/v1/organisations/:organisationId/sandbox/trusted-cas";

  api({
    method: "GET",
    url: CAS_URL,
    summary: "The test CAs the organisation uploaded, oldest first (projektledare or deltagare)",
    tag: "sandbox",
    access: "authenticated",
    params: SandboxOrganisationParams,
    response: { status: 200, schema: z.object({ trustedCas: z.array(TrustedCa) }) },
    handler: async ({ actor, params }) => ({ trustedCas: await listTrustedCas({ db, actor, organisationId: params.organisationId }) }),
  });

  api({
    method: "POST",
    url: CAS_URL,
    summary:
      "Upload a test CA whose client certificates the organisation's environments accept (projektledare or deltagare): one PEM CA certificate, not expired, at most 16 kB, never a private key; the same CA twice is 409",
    tag: "sandbox",
    access: "authenticated",
    params: SandboxOrganisationParams,
    body: TrustedCaInput,
    response: { status: 201, schema: TrustedCa },
    handler: async ({ actor, params, body, now }) =>
      addTrustedCa({ db, actor, now, organisationId: params.organisationId, certificatePem: body.certificatePem }),
  });

  api({
    method: "DELETE",
    url: `${CAS_URL}/:caId`,
    summary: "Stop trusting an uploaded test CA (projektledare or deltagare)",
    tag: "sandbox",
    access: "authenticated",
    params: TrustedCaParams,
    response: { status: 204 },
    handler: async ({ actor, params, now }) =>
      removeTrustedCa({ db, actor, now, organisationId: params.organisationId, caId: params.caId }),
  });

  const RECIPIENTS_URL = "/api/v1/organisations/:organisationId/sandbox/recipients";

  api({
    method: "GET",
    url: RECIPIENTS_URL,
    summary: "The organisation's own synthetic recipients, each with the decision a conformant sender makes (projektledare or deltagare)",
    tag: "sandbox",
    access: "authenticated",
    params: SandboxOrganisationParams,
    response: { status: 200, schema: z.object({ recipients: z.array(OwnRecipient) }) },
    handler: async ({ actor, params }) => ({ recipients: await listOwnRecipients({ db, actor, organisationId: params.organisationId }) }),
  });

  api({
    method: "POST",
    url: RECIPIENTS_URL,
    summary:
      "Add an own synthetic recipient (projektledare or deltagare): only synthetic numbers (people born 1800–1839 or 2090–2099, organisations 16 + group digit 4); Secure needs an operator, Not has none; the same number twice is 409",
    tag: "sandbox",
    access: "authenticated",
    params: SandboxOrganisationParams,
    body: OwnRecipientInput,
    response: { status: 201, schema: OwnRecipient },
    handler: async ({ actor, params, body, now }) =>
      addOwnRecipient({ db, actor, now, organisationId: params.organisationId, input: body }),
  });

  api({
    method: "DELETE",
    url: `${RECIPIENTS_URL}/:recipientRowId`,
    summary: "Remove an own synthetic recipient (projektledare or deltagare)",
    tag: "sandbox",
    access: "authenticated",
    params: OwnRecipientParams,
    response: { status: 204 },
    handler: async ({ actor, params, now }) =>
      removeOwnRecipient({ db, actor, now, organisationId: params.organisationId, recipientRowId: params.recipientRowId }),
  });
}
