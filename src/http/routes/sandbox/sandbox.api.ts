import { errorCodes, type FastifyRequest } from "fastify";
import { z } from "zod";
import { createConformanceReport } from "../../../domain/sandbox/create-conformance-report.ts";
import { issueSandboxCertificate } from "../../../domain/sandbox/issue-sandbox-certificate.ts";
import { readSandboxCaCertificate } from "../../../domain/sandbox/sandbox-authority.ts";
import { listSandboxEvents } from "../../../domain/sandbox/sandbox-events.ts";
import { DomainError } from "../../../domain/shared/domain-error.ts";
import { DEFAULT_XML_LIMITS } from "../../../sandbox/soap/safe-xml.ts";
import type { AppScope } from "../../app-scope.ts";
import { conformanceReportExport } from "./conformance-report-export.ts";
import {
  ConformanceReportCreated,
  ConformanceReportInput,
  ConformanceReportQuery,
  SandboxCertificate,
  SandboxEvent,
  SandboxEventsQuery,
  SandboxInitiativeParams,
  SandboxOrganisationParams,
  ValidationReport,
} from "./sandbox.schema.ts";

export const VALIDATE_URL = "/api/v1/sandbox/validate";
export const XML_MEDIA_TYPES = ["application/xml", "text/xml", "application/soap+xml"];
/** The XML limit of the parser itself: anything larger is refused before it is read in full. */
export const MAX_SUBMISSION_BYTES = DEFAULT_XML_LIMITS.maxBytes;

const mediaTypeOf = (request: FastifyRequest) => (request.headers["content-type"] ?? "").split(";")[0]?.trim().toLowerCase() ?? "";

const unsupported = (request: FastifyRequest) =>
  new errorCodes.FST_ERR_CTP_INVALID_MEDIA_TYPE(`${request.headers["content-type"] ?? "(none)"}; send ${XML_MEDIA_TYPES.join(", ")}`);

/**
 * The validator for senders who cannot call the emulator yet: the XML in, the conformance checks
 * out. A document that fails is still a 200 (the report is the answer), including one refused by
 * the XML limits (size, DTD, depth, element count). Only a body we will not read or check gets an
 * HTTP error: 413 over 5 MB, 415 for anything but XML, 401 without a token, 429
 * TOO_MANY_VALIDATIONS when the caller's organisation already has its most validations waiting
 * or running, 422 VALIDATION_TIMEOUT when checking it ran over the time budget. The checks run on
 * a validation worker (submission-validator.ts), never on the event loop.
 */
export function sandboxApi({ app, api, db, secrets, validateOnWorker }: AppScope) {
  app.addContentTypeParser(XML_MEDIA_TYPES, { parseAs: "string", bodyLimit: MAX_SUBMISSION_BYTES }, (request, body, done) => {
    // Only the validator takes XML; elsewhere it stays an unsupported media type.
    if (request.routeOptions.url !== VALIDATE_URL) done(unsupported(request), undefined);
    else done(null, body);
  });
  // Refuse anonymous callers before their body is read, so they cannot make the server buffer 5 MB.
  app.addHook("preParsing", async (request) => {
    if (request.routeOptions.url === VALIDATE_URL && !request.auth) throw new DomainError("UNAUTHENTICATED", "a bearer token is required");
  });

  api({
    method: "POST",
    url: VALIDATE_URL,
    summary:
      "Validate a deliverSecure SOAP envelope or a bare SealedDelivery. Send the XML itself as the body (Content-Type application/xml, text/xml or application/soap+xml, at most 5 MB and 10,000 elements); failing checks still answer 200. 429 TOO_MANY_VALIDATIONS (with Retry-After) when the organisation already has 8 validations waiting or running, 422 VALIDATION_TIMEOUT when checking the document ran over the time budget",
    tag: "sandbox",
    access: "authenticated",
    rawBody: { mediaTypes: XML_MEDIA_TYPES, maxBytes: MAX_SUBMISSION_BYTES },
    response: { status: 200, schema: ValidationReport },
    handler: async ({ request, now }) => {
      if (!XML_MEDIA_TYPES.includes(mediaTypeOf(request)) || typeof request.body !== "string") throw unsupported(request);
      if (!request.auth) throw new DomainError("UNAUTHENTICATED", "a bearer token is required");
      return { checks: await validateOnWorker(request.body, { auth: request.auth, now }) };
    },
  });

  api({
    method: "POST",
    url: "/api/v1/organisations/:organisationId/sandbox/certificate",
    summary:
      "Issue a test client certificate for the organisation (projektledare or deltagare), for mutual TLS to the emulator and for signing; the private key is in this answer only",
    tag: "sandbox",
    access: "authenticated",
    params: SandboxOrganisationParams,
    response: { status: 201, schema: SandboxCertificate },
    handler: async ({ actor, params, reply, now }) => {
      reply.header("cache-control", "no-store");
      return issueSandboxCertificate({ db, actor, now, secrets, organisationId: params.organisationId });
    },
  });

  api({
    method: "GET",
    url: "/api/v1/organisations/:organisationId/sandbox/events",
    summary: "The latest calls the emulator received from the organisation's sender, newest first (projektledare or deltagare)",
    tag: "sandbox",
    access: "authenticated",
    params: SandboxOrganisationParams,
    query: SandboxEventsQuery,
    response: { status: 200, schema: z.object({ events: z.array(SandboxEvent) }) },
    handler: async ({ actor, params, query }) => ({
      events: await listSandboxEvents({ db, actor, organisationId: params.organisationId, limit: query.limit }),
    }),
  });

  api({
    method: "POST",
    url: "/api/v1/initiatives/:initiativeId/sandbox/conformance-report",
    summary:
      "Evaluate the organisation's emulator calls (since the given time, else all) against the conformance cases MM-01–MM-15 and write the result into the initiative's testrapporter deliverable, created when it has none (projektledare or deltagare); it is not fastställd",
    tag: "sandbox",
    access: "authenticated",
    params: SandboxInitiativeParams,
    body: ConformanceReportInput,
    response: { status: 201, schema: ConformanceReportCreated },
    handler: async ({ actor, params, body, now }) =>
      createConformanceReport({ db, actor, now, initiativeId: params.initiativeId, since: body.since ? new Date(body.since) : undefined }),
  });

  api({
    method: "GET",
    url: "/api/v1/initiatives/:initiativeId/sandbox/conformance-report",
    summary:
      "The full conformance report of the organisation's emulator calls as a file (format=docx, or pdf: tagged PDF/UA), with Content-Disposition: attachment (projektledare or deltagare)",
    tag: "sandbox",
    access: "authenticated",
    params: SandboxInitiativeParams,
    query: ConformanceReportQuery,
    response: { status: 200 },
    handler: async ({ actor, params, query, request, reply, now }) => {
      const file = await conformanceReportExport({
        db,
        actor,
        locale: request.locale,
        now,
        initiativeId: params.initiativeId,
        since: query.since ? new Date(query.since) : undefined,
        format: query.format,
      });
      reply.type(file.contentType).header("content-disposition", file.contentDisposition).header("cache-control", "no-store");
      return file.body;
    },
  });

  api({
    method: "GET",
    url: "/api/v1/sandbox/ca.pem",
    summary: "The installation's test CA certificate (PEM): what a sender trusts for the emulator's server certificate",
    tag: "sandbox",
    access: "authenticated",
    response: { status: 200, files: ["application/x-pem-file"] },
    handler: async ({ reply }) => {
      reply.type("application/x-pem-file");
      return readSandboxCaCertificate(db);
    },
  });
}
