import { describe, expect, it } from "vitest";
import { fail, pass } from "../../sandbox/checks/check.ts";
import { conformanceEventOf } from "./sandbox-event-mapper.ts";
import type { SandboxEventRow } from "./sandbox-repository.ts";

const row = (overrides: Partial<SandboxEventRow> = {}): SandboxEventRow => ({
  id: "0b6c1f5e-3c1f-4b7e-9a55-2f4c8d1e6a10",
  at: new Date("2026-11-27T09:00:00Z"),
  organisationId: null,
  endpoint: "service",
  operation: "deliverSecure",
  senderOrgNr: "162120002411",
  recipientIds: ["183701012391"],
  operatorId: "kivra",
  clientOrgNr: "162120002411",
  outcome: "fault",
  httpStatus: 500,
  durationMs: 61.5,
  faultCode: 5002,
  reason: "simulated",
  checks: [pass("delivery.size.max-2mb", "1400000 bytes, within 2 MB (2097152 bytes) including attachments")],
  transId: null,
  environmentId: null,
  loadTestId: null,
  requestBytes: 1_400_512,
  ...overrides,
});

describe("conformanceEventOf", () => {
  it("reads a stored call back as the event the evaluation takes", () => {
    expect(conformanceEventOf(row())).toEqual({
      callId: "0b6c1f5e-3c1f-4b7e-9a55-2f4c8d1e6a10",
      receivedAt: new Date("2026-11-27T09:00:00Z"),
      durationMs: 61.5,
      endpoint: "service",
      operation: "deliverSecure",
      operatorId: "kivra",
      senderOrgNr: "162120002411",
      recipientIds: ["183701012391"],
      requestBytes: 1_400_512,
      outcome: "fault",
      checks: [pass("delivery.size.max-2mb", "1400000 bytes, within 2 MB (2097152 bytes) including attachments")],
      fault: { errorCode: 5002 },
    });
  });

  it("takes the request's size from its column, not from what a check says", () => {
    const refused = row({ checks: [fail("xml.size-limit", "6000000 bytes is over the limit")], faultCode: null, requestBytes: 6_000_001 });
    expect(conformanceEventOf(refused)).toMatchObject({ requestBytes: 6_000_001, fault: null });
    expect(conformanceEventOf(row({ operation: "isReachable", checks: [], requestBytes: 0 })).requestBytes).toBe(0);
  });
});
