import { readFileSync, writeFileSync } from "node:fs";
import { basename } from "node:path";
import { CONFORMANCE_CASE_IDS, type ConformanceCaseId } from "../sandbox/conformance/conformance-cases.ts";
import { ENVIRONMENT_SLUG_PATTERN } from "../sandbox/emulator/environment.ts";
import {
  type MessageContent,
  readSenderCredentials,
  runConformanceCase,
  type SendOptions,
  type SendResult,
  sendReference,
} from "../sandbox/sender/send-reference.ts";
import type { SoapFault } from "../sandbox/soap/types.ts";
import { UsageError } from "./arguments.ts";

export const SANDBOX_SEND_FLAGS = {
  required: ["environment", "certificate"],
  optional: ["to", "case", "url", "ca", "html", "attach", "save", "timeout"],
} as const;

/** Longer than the emulator's simulated operator timeout (30 s), so the emulator is the one that gives up. */
const DEFAULT_TIMEOUT_SECONDS = 60;

function readFlagFile(flag: string, path: string): Buffer {
  try {
    return readFileSync(path);
  } catch (e) {
    throw new UsageError(`--${flag}: cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}

/**
 * `sandbox:send`: the reference sender against a running emulator. It needs no database, only the
 * emulator's address (--url, by default the address the emulator gives itself: SANDBOX_PUBLIC_URL or its default), the
 * environment's slug and the certificate file from the environment page. Exit code 0 when every
 * round went as a conformant sender's should (delivered, or rightly not sent), 1 otherwise.
 */
export async function sandboxSendCommand(
  flags: Record<string, string | undefined>,
  defaultUrl: string,
): Promise<{ code: number; out: string }> {
  const environment = flags.environment ?? "";
  if (!ENVIRONMENT_SLUG_PATTERN.test(environment))
    throw new UsageError("--environment: the slug on the test environment page (10 lower-case letters and digits)");
  if (!flags.to === !flags.case) throw new UsageError("give either --to NUMBER or --case MM-nn (or --case all)");
  if (flags.case && (flags.html || flags.attach || flags.save))
    throw new UsageError("--html, --attach and --save go with --to; a case sends its own content");
  const cases = caseIds(flags.case);
  const timeoutSeconds = flags.timeout === undefined ? DEFAULT_TIMEOUT_SECONDS : Number(flags.timeout);
  if (!Number.isFinite(timeoutSeconds) || timeoutSeconds <= 0) throw new UsageError("--timeout: seconds, more than 0");
  const url = flags.url ?? defaultUrl;
  if (!/^https:\/\/[^/]+\/?$/.test(url)) throw new UsageError("--url: the emulator's address, https://host:port");

  let credentials: ReturnType<typeof readSenderCredentials>;
  try {
    const ca = flags.ca === undefined ? undefined : readFlagFile("ca", flags.ca).toString("utf8");
    credentials = readSenderCredentials(readFlagFile("certificate", flags.certificate ?? "").toString("utf8"), ca);
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError(`--certificate: ${(e as Error).message}`);
  }
  const content: MessageContent = {
    ...(flags.html ? { html: readFlagFile("html", flags.html).toString("utf8") } : {}),
    ...(flags.attach
      ? {
          attachments: [
            { contentType: "application/pdf", content: readFlagFile("attach", flags.attach), filename: basename(flags.attach) },
          ],
        }
      : {}),
  };
  const options: SendOptions = { url, environment, credentials, timeoutMs: timeoutSeconds * 1000 };

  const lines = [`sender ${credentials.senderId} (${credentials.senderName}), environment ${environment} at ${url}`];
  let ok = true;
  if (flags.to) {
    const result = await sendReference(options, flags.to, content);
    if (flags.save && result.sent) {
      writeFileSync(flags.save, result.sent.request, "utf8");
      lines.push(`the deliverSecure request as sent (${Buffer.byteLength(result.sent.request)} bytes) is in ${flags.save}`);
    } else if (flags.save) lines.push(`nothing saved to ${flags.save}: no deliverSecure was sent`);
    ok = describeRound(result, lines);
  } else {
    for (const id of cases) {
      lines.push("", `${id}:`);
      for (const result of await runConformanceCase(options, id)) ok = describeRound(result, lines) && ok;
    }
  }
  lines.push(
    "",
    "The checks above are those the emulator makes of the message itself, run here on the exact request by the same code.",
    "The emulator's record of each call (with the checks that need its history, such as isReachable first) is on the",
    "initiative's test environment page under Testkörningar; a fault's CallId names the call there.",
  );
  return { code: ok ? 0 : 1, out: lines.join("\n") };
}

function caseIds(flag: string | undefined): readonly ConformanceCaseId[] {
  if (flag === undefined) return [];
  if (flag === "all") return CONFORMANCE_CASE_IDS;
  const id = CONFORMANCE_CASE_IDS.find((c) => c === flag.toUpperCase());
  if (!id) throw new UsageError(`--case: one of ${CONFORMANCE_CASE_IDS.join(", ")}, or all`);
  return [id];
}

/** Appends what happened in one round; false when it did not go as a conformant sender's round should. */
function describeRound(result: SendResult, lines: string[]): boolean {
  const { lookup, decision, sent } = result;
  lines.push(`  recipient ${result.recipientId}`);
  if (lookup.kind !== "answer") {
    lines.push(`    isReachable: ${problem(lookup)}`);
    return false;
  }
  const { status } = lookup;
  const supplier = status.accountStatus.serviceSupplier;
  lines.push(
    `    isReachable: Type ${status.accountStatus.type}, SenderAccepted ${status.senderAccepted}, Pending ${status.accountStatus.pending}` +
      (supplier ? `, operator ${supplier.name} at ${supplier.serviceAdress}` : ", no operator"),
  );
  if (!decision?.deliver) {
    lines.push(`    decision: no digital delivery (${decision?.reason ?? "no answer"}): send on paper; no deliverSecure made`);
    return true;
  }
  if (!sent) return false;
  const d = sent.delivery;
  const answer = "transId" in d ? `${d.kind === "delivered" ? "delivered" : "Delivered=false"}, TransId ${d.transId}` : problem(d);
  lines.push(`    deliverSecure to ${sent.serviceAdress}: ${answer}`);
  const notPassing = sent.checks.filter((c) => c.status !== "pass");
  const count = (status: string) => sent.checks.filter((c) => c.status === status).length;
  lines.push(`    checks of the message: ${count("pass")} pass, ${count("warn")} warn, ${count("fail")} fail`);
  for (const c of notPassing) lines.push(`      ${c.status} ${c.id}: ${c.message}`);
  return d.kind === "delivered" && !notPassing.some((c) => c.status === "fail");
}

function problem(
  r:
    | { kind: "fault"; fault: SoapFault; httpStatus: number }
    | { kind: "unreadable"; error: string; httpStatus: number }
    | { kind: "no-answer"; error: string },
): string {
  if (r.kind === "no-answer") return `no answer (${r.error})`;
  if (r.kind === "unreadable") return `HTTP ${r.httpStatus}, an answer that could not be read: ${r.error}`;
  const detail = r.fault.detail?.fault;
  return `SOAP fault ${r.fault.faultcode} (HTTP ${r.httpStatus}): ${r.fault.faultstring}${
    detail ? ` [ErrorCode ${detail.errorCode}, CallId ${detail.callId}]` : ""
  }`;
}
