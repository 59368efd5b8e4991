import { randomUUID, X509Certificate } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { createServer } from "node:https";
import type { AddressInfo } from "node:net";
import { performance } from "node:perf_hooks";
import type { TLSSocket } from "node:tls";
import type { Check } from "../checks/check.ts";
import type { Dispatcher } from "../checks/emulator-checks.ts";
import { validateSubmission } from "../checks/validate-submission.ts";
import { DEFAULT_OPERATORS, type Operator, type OperatorKey, type Scenario } from "../recipients/scenarios.ts";
import { parseSenderRequest, type SenderRequest } from "../soap/requests.ts";
import { buildSoapFault } from "../soap/responses.ts";
import { DEFAULT_XML_LIMITS } from "../soap/safe-xml.ts";
import { type ClientIdentification, identifyClient, readCertificates } from "../tls/test-ca.ts";
import type { EmulatorEvent, Endpoint, EventRecorder } from "./events.ts";
import { EMULATOR_ERROR_CODES } from "./fault-codes.ts";
import { type Answer, clientRefusedCheck, EmulatorState } from "./operations.ts";
import { SCHEMA_FILES, wsdlFor } from "./wsdl.ts";

/**
 * The Mina meddelanden v3 emulator as an HTTPS server with mutual TLS on its own port:
 *   POST /Recipient/v3              isReachable, isRegistered (FaR)
 *   POST /Authority                 getSenders
 *   POST /Service/v3/{operatorId}   deliverSecure, one endpoint per simulated mailbox operator
 *   GET  …?wsdl, GET /schema/…      the official WSDLs (addresses rewritten) and their XSDs
 * The TLS layer asks for a client certificate but lets every handshake through, so that a call
 * without an acceptable certificate is answered with a SOAP fault and recorded with the reason,
 * instead of vanishing as a TLS error the sender cannot read. The WSDLs and schemas need no client
 * certificate, so that stub generators can fetch them.
 */

export type EmulatorOperator = { id: OperatorKey; name: string };
/** orgnr: ten digits; the sender's snd:Id is 16 + orgnr. */
export type EmulatorSender = { orgnr: string; name: string };

export type StartEmulatorOptions = {
  /** This installation's test CA certificate (PEM); always trusted for client certificates. */
  ca: string;
  serverCert: string;
  serverKey: string;
  host?: string;
  /** The host name senders reach the emulator by, used in ServiceAdress and the WSDLs; defaults to host (localhost for a wildcard). */
  publicHost?: string;
  /** 0 picks a free port. */
  port?: number;
  operators: readonly EmulatorOperator[];
  senders: readonly EmulatorSender[];
  /** Förmedlare allowed to send for the senders listed with them. */
  dispatchers?: readonly Dispatcher[];
  recipients: readonly Scenario[];
  /** Further test CAs (PEM) that organisations uploaded. */
  trustedCAs?: readonly string[];
  recorder: EventRecorder;
  /** Larger request bodies are answered 413 (5 MB by default: room for a 2 MB delivery in any envelope). */
  maxBodyBytes?: number;
  /** How long an operator that "times out" holds the call before closing it unanswered. */
  operatorTimeoutMs?: number;
  now?: () => Date;
};

export type RunningEmulator = {
  /** https://host:port, without a trailing slash */
  url: string;
  close(): Promise<void>;
};

type Route = { endpoint: Exclude<Endpoint, "other">; operator: Operator | null };

const SERVED: Record<Route["endpoint"], readonly SenderRequest["operation"][]> = {
  recipient: ["isReachable", "isRegistered"],
  authority: ["getSenders"],
  service: ["deliverSecure"],
};

type BodyRead = { kind: "ok"; body: Buffer } | { kind: "too-large"; bytes: number } | { kind: "aborted" };

/**
 * Reads the body up to `max` bytes. Past that it keeps draining, discarding, so the sender gets
 * its 413 instead of a reset mid-upload; a body beyond `4 × max` is not worth draining.
 */
function readBody(req: IncomingMessage, max: number, keep: boolean): Promise<BodyRead> {
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
      else if (keep && bytes <= max) chunks.push(chunk);
    });
    req.on("end", () => resolve(bytes > max ? { kind: "too-large", bytes } : { kind: "ok", body: Buffer.concat(chunks) }));
    req.on("close", () => resolve({ kind: "aborted" }));
  });
}

function resolveOperators(configured: readonly EmulatorOperator[], recipients: readonly Scenario[]): Operator[] {
  const operators = configured.map((o) => {
    const known = DEFAULT_OPERATORS.find((d) => d.key === o.id);
    if (!known) throw new Error(`unknown operator ${o.id}`);
    return { ...known, name: o.name };
  });
  for (const scenario of recipients) {
    const key = scenario.account.operator;
    if (key && !operators.some((o) => o.key === key))
      throw new Error(`scenario ${scenario.id} needs operator ${key}, which is not configured`);
  }
  return operators;
}

export async function startEmulator(options: StartEmulatorOptions): Promise<RunningEmulator> {
  const trustedPems = [options.ca, ...(options.trustedCAs ?? [])];
  const trusted = readCertificates(trustedPems);
  const operators = resolveOperators(options.operators, options.recipients);
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_XML_LIMITS.maxBytes;
  const operatorTimeoutMs = options.operatorTimeoutMs ?? 30_000;
  const now = options.now ?? (() => new Date());
  let baseUrl = "";
  const serviceUrl = (operatorId: string) => `${baseUrl}/Service/v3/${encodeURIComponent(operatorId)}`;
  const state = new EmulatorState({
    operators,
    senders: options.senders.map((s) => ({ id: `16${s.orgnr}`, name: s.name })),
    dispatchers: options.dispatchers ?? [],
    recipients: options.recipients,
    serviceAdressFor: (operator) => serviceUrl(operator.key),
  });
  /** Calls held by a "timeout" operator, each with what ends it; close() ends them at once. */
  const held = new Map<NodeJS.Timeout, () => void>();

  function routeOf(pathname: string): Route | null {
    if (pathname === "/Recipient/v3") return { endpoint: "recipient", operator: null };
    if (pathname === "/Authority") return { endpoint: "authority", operator: null };
    const service = /^\/Service\/v3\/([^/]+)$/.exec(pathname);
    if (service) {
      // Operator ids are plain ASCII, so the path segment is compared as sent, never decoded.
      const operator = operators.find((o) => o.key === service[1]);
      return operator ? { endpoint: "service", operator } : null;
    }
    return null;
  }

  function identify(req: IncomingMessage, at: Date): ClientIdentification {
    const peer = (req.socket as TLSSocket).getPeerCertificate();
    const certificate = peer?.raw ? new X509Certificate(peer.raw) : null;
    return identifyClient(certificate, trusted, at);
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const started = performance.now();
    const receivedAt = now();
    const url = new URL(req.url ?? "/", "https://emulator.invalid");
    const route = routeOf(url.pathname);
    const client = identify(req, receivedAt);
    const event: EmulatorEvent = {
      callId: randomUUID(),
      receivedAt,
      durationMs: 0,
      method: req.method ?? "",
      path: url.pathname + url.search,
      endpoint: route?.endpoint ?? "other",
      operation: null,
      operatorId: route?.operator?.key ?? null,
      client,
      senderOrgNr: null,
      recipientIds: [],
      requestBytes: 0,
      httpStatus: null,
      outcome: "refused",
      reason: null,
      fault: null,
      checks: [],
      transId: null,
    };
    const send = (status: number, contentType: string, body: string, fields: Partial<EmulatorEvent> = {}) => {
      Object.assign(event, fields, { httpStatus: status });
      event.durationMs = performance.now() - started;
      options.recorder.record(event);
      res.writeHead(status, {
        "content-type": contentType,
        "server-timing": `emulator;dur=${event.durationMs.toFixed(1)}`,
        ...(fields.outcome === "refused" ? { connection: "close" } : {}),
      });
      res.end(body);
    };
    const sendFault = (
      status: number,
      fault: { errorCode: number; description: string; client: boolean },
      fields: Partial<EmulatorEvent> & Pick<EmulatorEvent, "outcome">,
    ) => {
      const applicationFault = { errorCode: fault.errorCode, description: fault.description, callId: event.callId };
      const xml = buildSoapFault({
        faultcode: fault.client ? "soap:Client" : "soap:Server",
        faultstring: fault.description,
        detail: { element: route?.endpoint === "authority" ? "getSendersFault" : "applicationFault", fault: applicationFault },
      });
      send(status, "text/xml; charset=utf-8", xml, { reason: fault.description, fault: applicationFault, ...fields });
    };

    const respond = async (): Promise<void> => {
      if (req.method === "GET") {
        req.resume();
        const schema = url.pathname.startsWith("/schema/") ? SCHEMA_FILES.get(url.pathname.slice("/schema/".length)) : undefined;
        if (schema !== undefined) return send(200, "text/xml; charset=utf-8", schema, { operation: "schema", outcome: "answered" });
        const wantsWsdl = url.search.toLowerCase() === "?wsdl";
        if (wantsWsdl && route && route.endpoint !== "authority") {
          const endpointUrl = baseUrl + url.pathname;
          const wsdl = wsdlFor(route.endpoint === "recipient" ? "Recipient" : "Service", endpointUrl, baseUrl);
          return send(200, "text/xml; charset=utf-8", wsdl, { operation: "wsdl", outcome: "answered" });
        }
        return send(404, "text/plain; charset=utf-8", "Not found\n", { outcome: "refused", reason: `nothing to GET at ${url.pathname}` });
      }
      if (!route || req.method !== "POST") {
        req.resume();
        const reason = route ? `${req.method} is not allowed; SOAP calls are POST` : `no endpoint at ${url.pathname}`;
        return send(route ? 405 : 404, "text/plain; charset=utf-8", `${reason}\n`, { outcome: "refused", reason });
      }

      const read = await readBody(req, maxBodyBytes, client.ok);
      if (read.kind === "aborted") {
        Object.assign(event, { durationMs: performance.now() - started, reason: "the connection closed before the request was read" });
        options.recorder.record(event);
        return;
      }
      if (!client.ok) {
        return sendFault(
          500,
          { errorCode: EMULATOR_ERROR_CODES.notAuthorised, description: client.reason, client: true },
          { outcome: "refused", checks: [clientRefusedCheck(client)] },
        );
      }
      if (read.kind === "too-large") {
        return sendFault(
          413,
          {
            errorCode: EMULATOR_ERROR_CODES.tooLarge,
            description: `the request body of ${read.bytes} bytes is larger than the limit of ${maxBodyBytes}`,
            client: true,
          },
          { outcome: "refused", requestBytes: read.bytes },
        );
      }

      const body = read.body.toString("utf8");
      event.requestBytes = read.body.length;
      const parsed = parseSenderRequest(body, { ...DEFAULT_XML_LIMITS, maxBytes: maxBodyBytes });
      const submissionChecks = (): Check[] => (route.endpoint === "service" ? validateSubmission(body, { now: receivedAt }) : []);
      if (parsed.kind === "refused") {
        return sendFault(
          500,
          { errorCode: EMULATOR_ERROR_CODES.invalidRequest, description: `not acceptable XML: ${parsed.refusal.message}`, client: true },
          { outcome: "refused", checks: submissionChecks() },
        );
      }
      if (parsed.kind === "invalid") {
        return sendFault(
          500,
          { errorCode: EMULATOR_ERROR_CODES.invalidRequest, description: parsed.issues.join("; "), client: true },
          { outcome: "fault", operation: parsed.operation, checks: submissionChecks() },
        );
      }
      const request = parsed.request;
      event.operation = request.operation;
      if (!SERVED[route.endpoint].includes(request.operation)) {
        return sendFault(
          500,
          {
            errorCode: EMULATOR_ERROR_CODES.invalidRequest,
            description: `${request.operation} is not served at ${url.pathname}`,
            client: true,
          },
          { outcome: "fault" },
        );
      }

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
          Object.assign(event, { senderOrgNr: request.delivery.sender.id ?? null, recipientIds: request.delivery.recipients });
          answer = state.deliverSecure({
            body,
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
      if (answer.kind === "fault") return sendFault(500, answer, { outcome: answer.outcome, checks: answer.checks });
      const end = () => {
        held.delete(timer);
        Object.assign(event, {
          outcome: "timeout",
          checks: answer.checks,
          reason: `the operator held the call for ${operatorTimeoutMs} ms and closed it without an answer (simulated timeout)`,
          durationMs: performance.now() - started,
        });
        options.recorder.record(event);
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
        sendFault(500, { errorCode: EMULATOR_ERROR_CODES.internal, description, client: false }, { outcome: "fault" });
      }
    }
  }

  const server = createServer(
    { key: options.serverKey, cert: options.serverCert, ca: trustedPems, requestCert: true, rejectUnauthorized: false },
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
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  // A wildcard address cannot be called back: advertise a name senders can reach.
  const advertised = options.publicHost ?? (host === "0.0.0.0" || host === "::" ? "localhost" : host);
  baseUrl = `https://${advertised.includes(":") ? `[${advertised}]` : advertised}:${port}`;

  return {
    url: baseUrl,
    close: async () => {
      for (const [timer, end] of held) {
        clearTimeout(timer);
        end();
      }
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
