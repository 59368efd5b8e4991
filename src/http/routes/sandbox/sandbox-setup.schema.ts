import { z } from "zod";
import { organisationNumber } from "../../../domain/shared/field-rules.ts";

export const SandboxEnvironmentInput = z.object({
  enabled: z
    .boolean({ error: "required" })
    .meta({ description: "true opens the environment (creating it the first time), false closes it" }),
  intermediaryOrgNr: organisationNumber.nullable().optional().meta({
    description:
      "A förmedlare allowed to call for the organisation with its own certificate: ten digits (NNNNNN-NNNN accepted); null clears it, left out keeps it",
  }),
});

const Address = z.string().meta({
  description: "SANDBOX_PUBLIC_URL (by default https://{PUBLIC_URL's host, else localhost}:{SANDBOX_PORT}) + /e/{slug}/…",
});

export const SandboxEnvironment = z
  .object({
    enabled: z.boolean(),
    slug: z.string().nullable().meta({ description: "null until the environment is enabled the first time; kept when it is disabled" }),
    intermediaryOrgNr: z.string().nullable(),
    emulatorRunning: z
      .boolean()
      .meta({ description: "false when this installation does not run the emulator (SANDBOX_PORT unset): nothing answers the addresses" }),
    addresses: z
      .object({
        recipient: Address,
        authority: Address,
        services: z.array(z.object({ operatorId: z.string(), name: z.string(), url: Address })),
        wsdl: z.object({ recipient: Address, authority: Address, service: z.array(Address) }),
      })
      .nullable()
      .meta({ description: "Only while the environment is enabled and the emulator runs" }),
    updatedAt: z.string().nullable(),
  })
  .meta({
    description:
      "The initiative's test environment. An initiative that never enabled one answers 200 with enabled false and slug null, like a disabled one but without a slug",
  });

export const TrustedCaInput = z.object({
  certificatePem: z
    .string({ error: "required" })
    .min(1, { error: "required" })
    .meta({ description: "Exactly one PEM CA certificate (-----BEGIN CERTIFICATE-----), at most 16 kB. Never a private key" }),
});

export const TrustedCa = z
  .object({
    id: z.string(),
    subject: z.string(),
    fingerprint256: z.string(),
    validTo: z.string(),
    certificatePem: z.string(),
    createdAt: z.string(),
  })
  .meta({
    description: "A test CA the organisation uploaded: client certificates it issued are accepted in the organisation's environments",
  });

export const OwnRecipient = z
  .object({
    id: z.string(),
    recipientId: z.string(),
    label: z.string(),
    recipientKind: z.enum(["personnummer", "samordningsnummer", "organisation"]).nullable(),
    accountType: z.enum(["Secure", "Not"]),
    operatorId: z.string().nullable(),
    pending: z.boolean(),
    senderAccepted: z.boolean(),
    operatorBehaviour: z.enum(["delivered", "not-delivered", "fault", "timeout"]),
    expected: z
      .object({ deliver: z.boolean(), reason: z.enum(["sender-not-accepted", "mailbox-pending", "no-mailbox", "minor"]).optional() })
      .nullable()
      .meta({ description: "What a conformant sender does after isReachable for this recipient: deliver, or not and why" }),
    createdAt: z.string(),
  })
  .meta({ description: "An own synthetic recipient of the organisation, beside the fixed scenarios" });

export const TrustedCaParams = z.object({ organisationId: z.uuid({ error: "invalid_id" }), caId: z.uuid({ error: "invalid_id" }) });
export const OwnRecipientParams = z.object({
  organisationId: z.uuid({ error: "invalid_id" }),
  recipientRowId: z.uuid({ error: "invalid_id" }),
});
