import { randomUUID, X509Certificate } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { createServer } from "node:https";
import type { AddressInfo } from "node:net";
import { performance } from "node:perf_hooks";
import type { TLSSocket } from "node:tls";
import type { Check } from "../checks/check.ts";
import { xmlChecks } from "../checks/document-checks.ts";
import { soapContentType } from "../checks/emulator-checks.ts";
import type { SenderRequestReading } from "../checks/validation-jobs.ts";
import { createValidationPool, type ValidationPool, ValidationRefused } from "../checks/validation-pool.ts";
import { DEFAULT_OPERATORS, type Operator, type OperatorKey } from "../recipients/scenarios.ts";
import { NS } from "../soap/namespaces.ts";
import { OPERATION_NAME_BYTES, operationInAction, operationNamedIn } from "../soap/operation-name.ts";
import type { DeliveryFacts, SenderRequest } from "../soap/requests.ts";
import { buildSoapFault } from "../soap/responses.ts";
import { DEFAULT_XML_LIMITS, tooLarge } from "../soap/safe-xml.ts";
import type { SoapFault } from "../soap/types.ts";
import { identifyClient } from "../tls/test-ca.ts";
import { type EmulatorEnvironment, ENVIRONMENT_SLUG_PATTERN, type EnvironmentResolver, environmentPath } from "./environment.ts";
import { identifyEnvironmentClient, trustedCertificates } from "./environment-client.ts";
import type { DeliveredMessage, EmulatorEvent, Endpoint, EventRecorder } from "./events.ts";
import { EMULATOR_ERROR_CODES } from "./fault-codes.ts";
import { type Answer, clientRefusedCheck, type EmulatorConfig, EmulatorState } from "./operations.ts";
import { httpsOrigin, reachableHost } from "./public-url.ts";
import { SCHEMA_FILES, type WsdlName, wsdlFor } from "./wsdl.ts";

/**
 * The Mina meddelanden v3 emulator as an HTTPS server with mutual TLS on its own port, serving
 * every initiative's test environment under its own prefix (environment.ts):
 *   POST /e/{slug}/Recipient/v3              isReachable, isRegistered (FaR)
 *   POST /e/{slug}/Authority                 getSenders
 *   POST /e/{slug}/Service/v3/{operatorId}   deliverSecure, one endpoint per simulated mailbox operator
 *   GET  …?wsdl, GET /schema/…               the WSDLs (addresses rewritten, wsdl.ts) and their XSDs
 * The TLS layer asks for a client certificate but lets every handshake through, so that a call
 * without an acceptable certificate is answered with a SOAP fault and recorded with the reason,
 * instead of vanishing as a TLS error the sender cannot read. The WSDLs and schemas need no client
 * certificate, so that stub generators can fetch them.
 *
 * Each environment has its own state (the lookups and message ids its senders made) and its own
 * caps on calls in progress, so one organisation's load cannot starve another's environment.
 * Every request body is parsed, and a delivery validated, on worker threads
 * (checks/validation-pool.ts), the environments taking turns for them, so that neither a costly
 * document nor a flood of deliveries blocks this event loop (which the web app shares), and one
 * environment's queue does not stand in front of another's.
 */

export type EmulatorOperator = { id: OperatorKey; name: string };

export type EnvironmentLimits = {
  /** Calls of one environment being read or answered at once; more are answered with a "busy" fault. */
  inFlight: number;
  /** Calls one environment's "timeout" operator holds at once; beyond that the timeout scenario faults at once. */
  held: number;
  /**
   * Calls of one environment being read and checked on a validation worker or waiting for one;
   * more are answered with a "busy" fault. max(16, 2 × workers) by default.
   */
  validations: number;
};

export const DEFAULT_ENVIRONMENT_LIMITS: Omit<EnvironmentLimits, "validations"> = { inFlight: 64, held: 16 };

export type StartEmulatorOptions = {
  /** This installation's test CA certificate (PEM); trusted for client certificates in every environment. */
  ca: string;
  serverCert: string;
  serverKey: string;
  host?: string;
  /**
   * The address senders reach the emulator at (https://host[:port], public-url.ts), which every
   * address it hands out starts with; by default https://{host (localhost for a wildcard)}:{port}.
   */
  publicUrl?: string;
  /** 0 picks a free port. */
  port?: number;
  operators: readonly EmulatorOperator[];
  /** The test environment a slug names, asked on every call (cache in the resolver, not here). */
  environments: EnvironmentResolver;
  recorder: EventRecorder;
  /** Larger request bodies are answered with a fault (5 MB by default: room for a 2 MB delivery in any envelope). */
  maxBodyBytes?: number;
  /** How long an operator that "times out" holds the call before closing it unanswered. */
  operatorTimeoutMs?: number;
  limits?: Partial<EnvironmentLimits>;
  /** Worker threads that read requests and validate deliveries; max(1, available cores − 1) by default. */
  validationWorkers?: number;
  /** A pool to read and validate with instead of its own (the app's, shared with the validator); whoever made it closes it. */
  validationPool?: ValidationPool;
  /**
   * The benchmark's floor: after the same TLS, environment, certificate and body handling, every
   * POST is answered 200 with an empty SOAP envelope, without parsing or checks.
   */
  answerEmpty?: true;
  now?: () => Date;
};

export type RunningEmulator = {
  /** The address senders reach it at (publicUrl), without a trailing slash; an environment's endpoints are under `${url}/e/{slug}`. */
  url: string;
  /** The port it listens on, which a publicUrl need not name. */
  port: number;
  close(): Promise<void>;
};

type Route = { endpoint: Exclude<Endpoint, "other">; operator: Operator | null };

const SERVED: Record<Route["endpoint"], readonly SenderRequest["operation"][]> = {
  recipient: ["isReachable", "isRegistered"],
  authority: ["getSenders"],
  service: ["deliverSecure"],
};

const WSDL_OF: Record<Route["endpoint"], WsdlName> = { recipient: "Recipient", authority: "Authority", service: "Service" };

const EMPTY_ENVELOPE = `<?xml version="1.0" encoding="UTF-8"?><soap:Envelope xmlns:soap="${NS.soap11}"><soap:Body/></soap:Envelope>`;

/** A body read in full, or its size and its first OPERATION_NAME_BYTES when it was over the limit. */
type BodyRead = { kind: "ok"; body: Buffer; bytes: number } | { kind: "too-large"; bytes: number; start: Buffer } | { kind: "aborted" };

function startOf(chunks: readonly Buffer[]): Buffer {
  const start: Buffer[] = [];
  let length = 0;
  for (const chunk of chunks) {
    if (length >= OPERATION_NAME_BYTES) break;
    start.push(chunk);
    length += chunk.length;
  }
  return Buffer.concat(start).subarray(0, OPERATION_NAME_BYTES);
}

/**
 * Reads a body of at most `max` bytes, keeping its first `keep` bytes (whole chunks) in memory.
 * Past `max` it keeps draining, discarding, so the sender gets its fault instead of a reset
 * mid-upload; a body beyond `4 × max` is not worth draining.
 */
function readBody(req: IncomingMessage, max: number, keep: number): Promise<BodyRead> {
  return new Promise((resolve) => {
    const declared = Number(req.headers["content-length"] ?? Number.NaN);
    if (declared > 4 * max) {
      req.socket.destroy();
      resolve({ kind: "aborted" });
      return;
    }
    const chunks: Buffer[] = [];
    let bytes = 0;
    req.on("data", (chunk: Buffer) => {
      bytes += chunk.length;
      if (bytes > 4 * max) req.socket.destroy();
      else if (bytes - chunk.length < keep && bytes <= max) chunks.push(chunk);
    });
    req.on("end", () =>
      resolve(bytes > max ? { kind: "too-large", bytes, start: startOf(chunks) } : { kind: "ok", body: Buffer.concat(chunks), bytes }),
    );
    req.on("close", () => resolve({ kind: "aborted" }));
  });
}

function resolveOperators(configured: readonly EmulatorOperator[]): Operator[] {
  return configured.map((o) => {
    const known = DEFAULT_OPERATORS.find((d) => d.key === o.id);
    if (!known) throw new Error(`unknown operator ${o.id}`);
    return { ...known, name: o.name };
  });
}

/** What a delivery carried, as the test-run view shows it. */
function messagesOf(delivery: DeliveryFacts): DeliveredMessage[] {
  return delivery.messages.map((m) => ({
    position: m.index,
    messageId: m.id ?? null,
    subject: m.subject ?? null,
    bodyContentType: m.body?.contentType ?? null,
    bodyBase64: m.body?.base64 ?? null,
    attachments: m.attachments.map((a) => ({
      filename: a.filename ?? null,
      contentType: a.contentType ?? null,
      checksum: a.checksum ?? null,
      base64: a.base64 ?? null,
    })),
  }));
}

/** One environment as the server keeps it between calls. */
type EnvironmentRuntime = {
  version: string;
  trusted: X509Certificate[];
  state: EmulatorState;
  inFlight: number;
  held: number;
  validations: number;
};

export async function startEmulator(options: StartEmulatorOptions): Promise<RunningEmulator> {
  const installationCa = new X509Certificate(options.ca);
  const operators = resolveOperators(options.operators);
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_XML_LIMITS.maxBytes;
  const xmlLimits = { ...DEFAULT_XML_LIMITS, maxBytes: maxBodyBytes };
  /** A body over the limit is never parsed, but fails the same check as one the parser refused for its size. */
  const sizeRefused = (bytes: number) => xmlChecks({ ok: false, bytes, refusal: tooLarge(bytes, xmlLimits) }, xmlLimits);
  const operatorTimeoutMs = options.operatorTimeoutMs ?? 30_000;
  const pool = options.validationPool ?? createValidationPool(options.validationWorkers ? { size: options.validationWorkers } : {});
  const limits: EnvironmentLimits = {
    ...DEFAULT_ENVIRONMENT_LIMITS,
    validations: Math.max(16, 2 * pool.size),
    ...options.limits,
  };
  const now = options.now ?? (() => new Date());
  let baseUrl = "";
  const environmentUrl = (slug: string) => baseUrl + environmentPath(slug);
  /** Per environment id; an environment's lookups and message ids outlive changes to its configuration. */
  const runtimes = new Map<string, EnvironmentRuntime>();
  /** Calls held by a "timeout" operator, each with what ends it; close() ends them at once. */
  const held = new Map<NodeJS.Timeout, () => void>();

  function configOf(environment: EmulatorEnvironment): EmulatorConfig {
    const senderId = `16${environment.orgnr}`;
    return {
      operators,
      senders: [{ id: senderId, name: environment.organisationName }],
      dispatchers: environment.intermediaryOrgNr ? [{ id: `16${environment.intermediaryOrgNr}`, senders: [senderId] }] : [],
      // An own recipient at an operator this installation does not run has nowhere to be reached.
      recipients: environment.recipients.filter((s) => !s.account.operator || operators.some((o) => o.key === s.account.operator)),
      serviceAdressFor: (operator) => `${environmentUrl(environment.slug)}/Service/v3/${encodeURIComponent(operator.key)}`,
    };
  }

  function runtimeOf(environment: EmulatorEnvironment): EnvironmentRuntime {
    const existing = runtimes.get(environment.id);
    if (existing?.version === environment.version) return existing;
    const trusted = trustedCertificates(installationCa, environment.trustedCAs);
    if (existing) {
      existing.state.reconfigure(configOf(environment));
      Object.assign(existing, { version: environment.version, trusted });
      return existing;
    }
    const created = {
      version: environment.version,
      trusted,
      state: new EmulatorState(configOf(environment)),
      inFlight: 0,
      held: 0,
      validations: 0,
    };
    runtimes.set(environment.id, created);
    return created;
  }

  function routeOf(rest: string): Route | null {
    if (rest === "/Recipient/v3") return { endpoint: "recipient", operator: null };
    if (rest === "/Authority") return { endpoint: "authority", operator: null };
    const service = /^\/Service\/v3\/([^/]+)$/.exec(rest);
    if (service) {
      // Operator ids are plain ASCII, so the path segment is compared as sent, never decoded.
      const operator = operators.find((o) => o.key === service[1]);
      return operator ? { endpoint: "service", operator } : null;
    }
    return null;
  }

  function peerCertificate(req: IncomingMessage): X509Certificate | null {
    const peer = (req.socket as TLSSocket).getPeerCertificate();
    return peer?.raw ? new X509Certificate(peer.raw) : null;
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const started = performance.now();
    const receivedAt = now();
    const url = new URL(req.url ?? "/", "https://emulator.invalid");
    const certificate = peerCertificate(req);
    const event: EmulatorEvent = {
      callId: randomUUID(),
      environmentId: null,
      organisationId: null,
      loadTestId: null,
      receivedAt,
      durationMs: 0,
      method: req.method ?? "",
      path: url.pathname + url.search,
      endpoint: "other",
      operation: null,
      operatorId: null,
      // Outside an environment only the installation's CA is known; inside one, identifyEnvironmentClient decides.
      client: identifyClient(certificate, [installationCa], receivedAt),
      senderOrgNr: null,
      recipientIds: [],
      requestBytes: 0,
      httpStatus: null,
      outcome: "refused",
      reason: null,
      fault: null,
      checks: [],
      transId: null,
      messages: [],
    };
    /** Checks of the HTTP request itself, recorded before the call's own once its body is taken to be read. */
    let requestChecks: Check[] = [];
    const record = () => {
      event.checks = [...requestChecks, ...event.checks];
      event.durationMs = performance.now() - started;
      options.recorder.record(event);
    };
    const send = (status: number, contentType: string, body: string, fields: Partial<EmulatorEvent> = {}) => {
      Object.assign(event, fields, { httpStatus: status });
      record();
      res.writeHead(status, {
        "content-type": contentType,
        "server-timing": `emulator;dur=${event.durationMs.toFixed(1)}`,
        ...(event.outcome === "refused" ? { connection: "close" } : {}),
      });
      res.end(body);
    };
    // SOAP 1.1 §6.2: a fault goes out with HTTP 500, whatever it is about; a client that sees
    // another status (413, say) may report a transport error instead of reading the fault.
    const sendSoapFault = (fault: SoapFault, fields: Partial<EmulatorEvent> & Pick<EmulatorEvent, "outcome" | "reason">) =>
      send(500, "text/xml; charset=utf-8", buildSoapFault(fault), fields);
    /** A fault with the WSDL's declared fault in its detail: applicationFault, or getSendersFault at Authority. */
    const sendFault = (
      fault: { errorCode: number; description: string; client: boolean },
      fields: Partial<EmulatorEvent> & Pick<EmulatorEvent, "outcome">,
    ) => {
      const applicationFault = { errorCode: fault.errorCode, description: fault.description, callId: event.callId };
      sendSoapFault(
        {
          faultcode: fault.client ? "soap:Client" : "soap:Server",
          faultstring: fault.description,
          detail: { element: event.endpoint === "authority" ? "getSendersFault" : "applicationFault", fault: applicationFault },
        },
        { reason: fault.description, fault: applicationFault, ...fields },
      );
    };
    /** The operation a call names, for one refused before its XML is parsed: by the start of its body, or else by its action. */
    const operationNamed = (start: Buffer | string) =>
      operationNamedIn(typeof start === "string" ? start : start.toString("utf8")) ?? operationInAction(req.headers);
    const notFound = (reason: string) => {
      req.resume();
      send(404, "text/plain; charset=utf-8", `${reason}\n`, { outcome: "refused", reason });
    };

    const recordAborted = () => {
      event.reason = "the connection closed before the request was read";
      record();
    };

    const respond = async (): Promise<void> => {
      if (req.method === "GET" && url.pathname.startsWith("/schema/")) {
        const schema = SCHEMA_FILES.get(url.pathname.slice("/schema/".length));
        req.resume();
        if (schema !== undefined) return send(200, "text/xml; charset=utf-8", schema, { operation: "schema", outcome: "answered" });
        return notFound(`nothing to GET at ${url.pathname}`);
      }
      const address = /^\/e\/([^/]+)(\/.*)?$/.exec(url.pathname);
      if (!address) {
        return notFound(
          `no test environment in the address ${url.pathname}: every endpoint is under /e/{slug}/, ` +
            `e.g. ${baseUrl}/e/{slug}/Recipient/v3 (the addresses are on the initiative's test environment page)`,
        );
      }
      const slug = address[1] ?? "";
      const rest = address[2] ?? "";
      const environment = ENVIRONMENT_SLUG_PATTERN.test(slug) ? await options.environments(slug, receivedAt) : null;
      if (!environment) {
        return notFound(
          `no test environment ${environmentPath(slug)}: use the address on the initiative's test environment page, ` +
            `${baseUrl}/e/{slug}/Recipient/v3`,
        );
      }
      const runtime = runtimeOf(environment);
      const route = routeOf(rest);
      const client = identifyEnvironmentClient(certificate, environment, runtime.trusted, receivedAt);
      Object.assign(event, {
        environmentId: environment.id,
        organisationId: environment.organisationId,
        loadTestId: environment.loadTest?.id ?? null,
        endpoint: route?.endpoint ?? "other",
        operatorId: route?.operator?.key ?? null,
        client,
      });

      if (!environment.enabled) {
        let read: BodyRead | null = null;
        // Only the start is kept: enough to say which operation was tried, never the whole body.
        if (req.method === "POST") read = await readBody(req, maxBodyBytes, OPERATION_NAME_BYTES);
        else req.resume();
        if (read?.kind === "aborted") return recordAborted();
        return sendFault(
          {
            errorCode: EMULATOR_ERROR_CODES.notAuthorised,
            description: `test environment ${slug} is disabled; it can be enabled again on the initiative's test environment page`,
            client: true,
          },
          {
            outcome: "refused",
            requestBytes: read?.bytes ?? 0,
            operation: read ? operationNamed(read.kind === "ok" ? read.body : read.start) : null,
          },
        );
      }
      if (req.method === "GET") {
        req.resume();
        const wantsWsdl = url.search.toLowerCase() === "?wsdl";
        if (wantsWsdl && route) {
          const wsdl = wsdlFor(WSDL_OF[route.endpoint], baseUrl + url.pathname, baseUrl);
          return send(200, "text/xml; charset=utf-8", wsdl, { operation: "wsdl", outcome: "answered" });
        }
        return notFound(`nothing to GET at ${url.pathname}`);
      }
      if (!route || req.method !== "POST") {
        if (!route) return notFound(`no endpoint at ${url.pathname}`);
        req.resume();
        const reason = `${req.method} is not allowed; SOAP calls are POST`;
        return send(405, "text/plain; charset=utf-8", `${reason}\n`, { outcome: "refused", reason });
      }

      if (!client.ok) {
        // Only the start is kept: enough to say which operation was tried, never the whole body.
        const read = await readBody(req, maxBodyBytes, OPERATION_NAME_BYTES);
        if (read.kind === "aborted") return recordAborted();
        return sendFault(
          { errorCode: EMULATOR_ERROR_CODES.notAuthorised, description: client.reason, client: true },
          {
            outcome: "refused",
            requestBytes: read.bytes,
            checks: [clientRefusedCheck(client), ...(read.kind === "too-large" ? sizeRefused(read.bytes) : [])],
            operation: operationNamed(read.kind === "ok" ? read.body : read.start),
          },
        );
      }
      const busy = (what: string, operation: EmulatorEvent["operation"]) =>
        sendFault(
          {
            errorCode: EMULATOR_ERROR_CODES.internal,
            description: `test environment ${slug} is busy: ${what}; try again shortly`,
            client: false,
          },
          { outcome: "refused", operation },
        );
      if (runtime.inFlight >= limits.inFlight) {
        // Answered at once, without waiting for the body: only the headers can say which operation it was.
        req.resume();
        return busy(`${runtime.inFlight} calls are in progress, the most it takes at once`, operationInAction(req.headers));
      }
      runtime.inFlight += 1;
      res.once("close", () => {
        runtime.inFlight -= 1;
      });

      const read = await readBody(req, maxBodyBytes, maxBodyBytes);
      if (read.kind === "aborted") return recordAborted();
      event.requestBytes = read.bytes;
      if (options.answerEmpty && read.kind === "ok") return send(200, "text/xml; charset=utf-8", EMPTY_ENVELOPE, { outcome: "answered" });
      // The benchmark's floor checks nothing.
      if (!options.answerEmpty) requestChecks = [soapContentType(req.headers["content-type"])];
      if (read.kind === "too-large") {
        return sendFault(
          {
            errorCode: EMULATOR_ERROR_CODES.tooLarge,
            description: `the request body of ${read.bytes} bytes is larger than the limit of ${maxBodyBytes}`,
            client: true,
          },
          { outcome: "refused", checks: sizeRefused(read.bytes), operation: operationNamed(read.start) },
        );
      }

      const body = read.body.toString("utf8");
      // Parsing is work whose size the sender chooses, so the request is read (and a delivery
      // checked) on a validation worker in the environment's turn. Lookups take turns of their own,
      // so that they do not wait behind the environment's deliveries.
      if (runtime.validations >= limits.validations) {
        return busy(
          `${runtime.validations} calls are being read and checked or waiting for it, the most it takes at once`,
          operationNamed(body),
        );
      }
      runtime.validations += 1;
      let reading: SenderRequestReading;
      try {
        reading = await pool.readSenderRequest(body, {
          now: receivedAt,
          queue: route.endpoint === "service" ? environment.id : `${environment.id} lookups`,
          checkDelivery: route.endpoint === "service",
          limits: xmlLimits,
        });
      } catch (error) {
        if (!(error instanceof ValidationRefused)) throw error;
        const description = `${error.code}: reading and checking the request took longer than ${pool.timeoutMs} ms and was stopped`;
        return sendFault(
          { errorCode: EMULATOR_ERROR_CODES.invalidRequest, description, client: true },
          { outcome: "refused", operation: operationNamed(body) },
        );
      } finally {
        runtime.validations -= 1;
      }
      const parsed = reading.request;
      // For a delivery, for what could not be read at a Service address, and for a lookup refused
      // before its Body was read: the record says why in the checks too.
      const checks = reading.checks ?? [];
      if (parsed.kind === "refused") {
        return sendFault(
          { errorCode: EMULATOR_ERROR_CODES.invalidRequest, description: `not acceptable XML: ${parsed.refusal.message}`, client: true },
          { outcome: "refused", checks, operation: operationNamed(body) },
        );
      }
      if (parsed.kind === "soap-fault") {
        return sendSoapFault(
          { faultcode: parsed.faultcode, faultstring: parsed.message },
          { outcome: "fault", reason: `${parsed.faultcode}: ${parsed.message}`, operation: parsed.operation, checks },
        );
      }
      if (parsed.kind === "invalid") {
        return sendFault(
          { errorCode: EMULATOR_ERROR_CODES.invalidRequest, description: parsed.issues.join("; "), client: true },
          { outcome: "fault", operation: parsed.operation, checks },
        );
      }
      const request = parsed.request;
      event.operation = request.operation;
      if (!SERVED[route.endpoint].includes(request.operation)) {
        return sendFault(
          { errorCode: EMULATOR_ERROR_CODES.invalidRequest, description: `${request.operation} is not served at ${rest}`, client: true },
          { outcome: "fault" },
        );
      }

      const { state } = runtime;
      let answer: Answer;
      switch (request.operation) {
        case "isReachable":
          Object.assign(event, { senderOrgNr: request.senderOrgNr, recipientIds: request.recipientIds });
          answer = state.isReachable(request.senderOrgNr, request.recipientIds, client, receivedAt);
          break;
        case "isRegistered":
          event.recipientIds = request.recipientIds;
          answer = state.isRegistered(request.recipientIds);
          break;
        case "getSenders":
          answer = state.getSenders();
          break;
        case "deliverSecure": {
          // SERVED lets deliverSecure through only on a Service route, which always has its operator.
          if (!route.operator) throw new Error("deliverSecure on a route without an operator");
          Object.assign(event, {
            senderOrgNr: request.delivery.sender.id ?? null,
            recipientIds: request.delivery.recipients,
            // A load test keeps no content: its volume would swamp the store, and nobody reads it.
            messages: environment.loadTest ? [] : messagesOf(request.delivery),
          });
          answer = state.deliverSecure({
            submissionChecks: checks,
            delivery: request.delivery,
            operator: route.operator,
            calledAddress: baseUrl + url.pathname,
            client,
            now: receivedAt,
          });
          break;
        }
      }

      if (answer.kind === "response") {
        return send(200, "text/xml; charset=utf-8", answer.xml, {
          outcome: answer.outcome,
          checks: answer.checks,
          transId: answer.transId ?? null,
        });
      }
      if (answer.kind === "fault") return sendFault(answer, { outcome: answer.outcome, checks: answer.checks });
      if (runtime.held >= limits.held) {
        return sendFault(
          {
            errorCode: EMULATOR_ERROR_CODES.internal,
            description: `(simulated timeout) test environment ${slug} already holds ${runtime.held} calls unanswered, the most it holds; this one is answered at once`,
            client: false,
          },
          { outcome: "fault", checks: answer.checks },
        );
      }
      runtime.held += 1;
      const end = () => {
        held.delete(timer);
        runtime.held -= 1;
        Object.assign(event, {
          outcome: "timeout",
          checks: answer.checks,
          reason: `the operator held the call for ${operatorTimeoutMs} ms and closed it without an answer (simulated timeout)`,
        });
        record();
        req.socket.destroy();
      };
      const timer = setTimeout(end, operatorTimeoutMs);
      held.set(timer, end);
    };
    try {
      await respond();
    } catch (error) {
      // Every call gets an answer and an event: a bug here becomes a server fault, never a crash.
      if (!res.headersSent) {
        const description = `emulator error: ${error instanceof Error ? error.message : String(error)}`;
        sendFault({ errorCode: EMULATOR_ERROR_CODES.internal, description, client: false }, { outcome: "fault" });
      }
    }
  }

  const server = createServer(
    { key: options.serverKey, cert: options.serverCert, ca: [options.ca], requestCert: true, rejectUnauthorized: false },
    (req, res) => {
      handle(req, res).catch((error: unknown) => {
        // Only reached if reading the call itself failed, before there was an event to record.
        if (!res.headersSent) {
          res.writeHead(500, { "content-type": "text/plain; charset=utf-8", connection: "close" });
          res.end(`emulator error: ${error instanceof Error ? error.message : String(error)}\n`);
        }
      });
    },
  );
  server.requestTimeout = 60_000;
  server.headersTimeout = 10_000;

  const host = options.host ?? "127.0.0.1";
  try {
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(options.port ?? 0, host, () => resolve());
    });
  } catch (error) {
    if (!options.validationPool) await pool.close();
    throw error;
  }
  const { port } = server.address() as AddressInfo;
  baseUrl = options.publicUrl ? new URL(options.publicUrl).origin : httpsOrigin(reachableHost(host), port);

  return {
    url: baseUrl,
    port,
    close: async () => {
      for (const [timer, end] of held) {
        clearTimeout(timer);
        end();
      }
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      if (!options.validationPool) await pool.close();
    },
  };
}
