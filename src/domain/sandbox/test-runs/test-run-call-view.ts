import type { SandboxCallRow, SandboxMessageRow } from "../../../db/repositories/sandbox-run-repository.ts";
import type { Check } from "../../../sandbox/checks/check.ts";
import { decodedContent, isPdfContent, safeFilename, storedAttachments } from "./delivered-content.ts";

// Written from the emulator's Check values only (database-recorder.ts).
const checksOf = (row: SandboxCallRow) => row.checks as Check[];

/** A call as a line of the test-run view. */
export function callSummary(row: SandboxCallRow) {
  const checks = checksOf(row);
  return {
    id: row.id,
    at: row.at.toISOString(),
    endpoint: row.endpoint,
    operation: row.operation,
    operatorId: row.operatorId,
    recipientIds: row.recipientIds,
    outcome: row.outcome,
    httpStatus: row.httpStatus,
    durationMs: row.durationMs,
    requestBytes: row.requestBytes,
    failedChecks: checks.filter((c) => c.status === "fail").length,
    warnedChecks: checks.filter((c) => c.status === "warn").length,
    loadTestId: row.loadTestId,
  };
}
export type TestRunCallSummary = ReturnType<typeof callSummary>;

/** What a delivered message carried, without its content (that has its own addresses). */
export function messageMetadata(row: SandboxMessageRow) {
  return {
    position: row.position,
    messageId: row.messageId,
    subject: row.subject,
    bodyContentType: row.bodyContentType,
    bodyBytes: decodedContent(row.bodyBase64).length,
    attachments: storedAttachments(row.attachments).map((a, index) => {
      const bytes = decodedContent(a.base64);
      return {
        index,
        filename: safeFilename(a.filename, index),
        contentType: a.contentType,
        checksum: a.checksum,
        bytes: bytes.length,
        isPdf: isPdfContent(bytes),
      };
    }),
  };
}
export type DeliveredMessageMetadata = ReturnType<typeof messageMetadata>;

/** The call in full: timing, who called, why it failed, every check, and the messages it delivered. */
export function callDetail(row: SandboxCallRow, messages: readonly SandboxMessageRow[]) {
  return {
    ...callSummary(row),
    senderOrgNr: row.senderOrgNr,
    clientOrgNr: row.clientOrgNr,
    faultCode: row.faultCode,
    reason: row.reason,
    transId: row.transId,
    checks: checksOf(row),
    messages: messages.map(messageMetadata),
  };
}
export type TestRunCallDetail = ReturnType<typeof callDetail>;
