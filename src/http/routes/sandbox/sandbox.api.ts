import { errorCodes, type FastifyRequest } from "fastify";
import { DomainError } from "../../../domain/shared/domain-error.ts";
import { validateSubmission } from "../../../sandbox/checks/validate-submission.ts";
import { DEFAULT_XML_LIMITS } from "../../../sandbox/soap/safe-xml.ts";
import type { AppScope } from "../../app-scope.ts";
import { ValidationReport } from "./sandbox.schema.ts";

export const VALIDATE_URL = "/api/v1/sandbox/validate";
export const XML_MEDIA_TYPES = ["application/xml", "text/xml", "application/soap+xml"];
/** The XML limit of the parser itself: anything larger is refused before it is read in full. */
export const MAX_SUBMISSION_BYTES = DEFAULT_XML_LIMITS.maxBytes;

const mediaTypeOf = (request: FastifyRequest) => (request.headers["content-type"] ?? "").split(";")[0]?.trim().toLowerCase() ?? "";

const unsupported = (request: FastifyRequest) =>
  new errorCodes.FST_ERR_CTP_INVALID_MEDIA_TYPE(`${request.headers["content-type"] ?? "(none)"}; send ${XML_MEDIA_TYPES.join(", ")}`);

/**
 * The validator for senders who cannot call the emulator yet: the XML in, the conformance checks
 * out. A document that fails is still a 200 (the report is the answer); only a body we will not
 * read gets an HTTP error (413 over 5 MB, 415 for anything but XML, 401 without a token).
 */
export function sandboxApi({ app, api }: AppScope) {
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
      "Validate a deliverSecure SOAP envelope or a bare SealedDelivery. Send the XML itself as the body (Content-Type application/xml, text/xml or application/soap+xml, at most 5 MB); failing checks still answer 200",
    tag: "sandbox",
    access: "authenticated",
    response: { status: 200, schema: ValidationReport },
    handler: async ({ request, now }) => {
      if (!XML_MEDIA_TYPES.includes(mediaTypeOf(request)) || typeof request.body !== "string") throw unsupported(request);
      return { checks: validateSubmission(request.body, { now }) };
    },
  });
}
