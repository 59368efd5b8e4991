import { z } from "zod";
import { exportFormats } from "../../../exports/export-file.ts";
import { CHECK_IDS } from "../../../sandbox/checks/check.ts";

export const CheckResult = z
  .object({
    id: z.enum(CHECK_IDS).meta({ description: "Stable id of the conformance check, e.g. delivery.single-recipient" }),
    status: z.enum(["pass", "fail", "warn"]),
    message: z.string().meta({ description: "Why, in English" }),
  })
  .meta({ description: "One conformance check's outcome" });

export const ValidationReport = z
  .object({ checks: z.array(CheckResult) })
  .meta({ description: "Every check that can be made from the submitted XML alone, in a fixed order" });

export const SandboxOrganisationParams = z.object({ organisationId: z.uuid({ error: "invalid_id" }) });

export const SandboxCertificate = z
  .object({
    certificatePem: z.string(),
    privateKeyPem: z.string().meta({ description: "The private key (PKCS#8 PEM), returned this once and not kept by Ansluta" }),
    caCertificatePem: z.string().meta({ description: "The installation's test CA, which also issued the emulator's server certificate" }),
    subject: z.string().meta({ description: "C=SE, O=…, CN=… + serialNumber=16<organisationsnummer>" }),
    serialNumber: z.string(),
    fingerprint256: z.string(),
    validTo: z.string(),
  })
  .meta({ description: "A test client certificate for calling the emulator over mutual TLS and signing deliveries" });

export const SandboxEventsQuery = z.object({ limit: z.coerce.number().int().min(1).max(500).default(50) });

export const SandboxEvent = z
  .object({
    id: z.string().meta({ description: "The call's id, also the CallId of any fault it was answered with" }),
    at: z.string(),
    endpoint: z.enum(["recipient", "authority", "service", "other"]),
    operation: z.string().nullable(),
    senderOrgNr: z.string().nullable(),
    recipientIds: z.array(z.string()),
    operatorId: z.string().nullable(),
    clientOrgNr: z.string().nullable().meta({ description: "16 + orgnr of an accepted client certificate" }),
    outcome: z.enum(["answered", "delivered", "not-delivered", "fault", "timeout", "refused"]),
    httpStatus: z.number().nullable(),
    durationMs: z.number(),
    faultCode: z.number().nullable(),
    reason: z.string().nullable(),
    checks: z.array(CheckResult),
    transId: z.string().nullable(),
  })
  .meta({ description: "One call the emulator received from the organisation's sender" });

export const SandboxInitiativeParams = z.object({ initiativeId: z.uuid({ error: "invalid_id" }) });

const Since = z.iso
  .datetime({ offset: true, error: "invalid" })
  .meta({ description: "Only calls received at or after this time (ISO 8601); all the organisation's calls when left out" });

export const ConformanceReportInput = z.object({ since: Since.optional() });

export const ConformanceReportQuery = z.object({
  format: z.enum(exportFormats, { error: "invalid_format" }).meta({ description: "docx or pdf (tagged, PDF/UA)" }),
  since: Since.optional(),
});

export const ConformanceReportCreated = z
  .object({
    deliverableId: z.string().meta({ description: "The initiative's testrapporter deliverable, created when it had none" }),
    version: z.number().meta({ description: "Its latest version: a new one only when a fastställd version changed" }),
    summary: z.object({ total: z.number(), passed: z.number(), failed: z.number(), notRun: z.number() }),
  })
  .meta({ description: "The conformance run, written into the testrapporter's conformance and performance sections" });
