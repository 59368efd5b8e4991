import { crc32 } from "node:zlib";
import { describe, expect, it } from "vitest";
import {
  type DeliveryInput,
  deliverSecureRequest,
  exampleDelivery,
  type MessageInput,
  md5Hex,
  tinyPdf,
} from "../testing/reference-delivery.ts";
import type { Check, CheckId } from "./check.ts";
import { decodedTwice } from "./content-checks.ts";
import { validateSubmission } from "./validate-submission.ts";

/**
 * Content encoded twice (base64 of base64), as a public test set does for the body and an
 * independent .NET client did for a PDF: one rule for body and attachment, and a checksum message
 * that says which algorithm over which decoding matched.
 */

const base = exampleDelivery();
const firstMessage = base.messages[0] as MessageInput;
const withMessage = (change: Partial<MessageInput>): DeliveryInput => ({ ...base, messages: [{ ...firstMessage, ...change }] });
const checksOf = (input: DeliveryInput) => validateSubmission(deliverSecureRequest(input, { sender: null, intermediary: null }));
function result(checks: Check[], id: CheckId): Check {
  const found = checks.find((c) => c.id === id);
  if (!found) throw new Error(`no ${id}`);
  return found;
}

const pdf = tinyPdf();
const pdfAsBase64 = Buffer.from(pdf.toString("base64"));
const twiceEncodedPdf = (checksum: string) =>
  withMessage({ attachments: [{ contentType: "application/pdf", content: pdfAsBase64, filename: "beslut.pdf", checksum }] });

describe("content encoded twice", () => {
  it("is a failure in the body, with the reason", () => {
    const body = checksOf(
      withMessage({
        body: { contentType: "text/plain", content: Buffer.from(Buffer.from("Hej! Här är ditt beslut om bygglov.").toString("base64")) },
      }),
    );
    const check = result(body, "delivery.body.base64");
    expect(check.status).toBe("fail");
    expect(check.message).toContain("base64-encoded twice");
  });

  it("is a failure in an attachment: its base64 and its PDF content, with the hint that it looks encoded twice", () => {
    const checks = checksOf(twiceEncodedPdf(md5Hex(pdfAsBase64)));
    expect(result(checks, "delivery.attachment.base64")).toMatchObject({ status: "fail" });
    expect(result(checks, "delivery.attachment.base64").message).toContain("base64-encoded twice");
    const magic = result(checks, "delivery.attachment.pdf-magic");
    expect(magic.status).toBe("fail");
    expect(magic.message).toContain("base64 text of a PDF: it looks base64-encoded twice");
  });

  it("is not read into plain text that only looks like base64 characters", () => {
    for (const text of ["Ditt beslut finns nu i Mina meddelanden", "Beslutsdatum2026", "AAAABBBBCCCCDDDD"]) {
      expect(decodedTwice(Buffer.from(text)), text).toBeNull();
    }
    const body = checksOf(withMessage({ body: { contentType: "text/plain", content: Buffer.from("Beslutsdatum2026") } }));
    expect(result(body, "delivery.body.base64").status).toBe("pass");
  });
});

describe("the attachment checksum", () => {
  it("names CRC-32 over the content decoded twice, which is what the independent client sent", () => {
    const check = result(checksOf(twiceEncodedPdf(String(crc32(pdf)))), "delivery.attachment.checksum");
    expect(check.status).toBe("warn");
    expect(check.message).toContain("Checksum is the CRC-32 of the content decoded twice");
  });

  it("names the algorithm over the decoded content, and passes MD5 silently", () => {
    const sha = withMessage({
      attachments: [
        { contentType: "application/pdf", content: pdf, filename: "beslut.pdf", checksum: crc32(pdf).toString(16).padStart(8, "0") },
      ],
    });
    expect(result(checksOf(sha), "delivery.attachment.checksum").message).toContain("Checksum is the CRC-32 of the decoded content");
    const md5 = withMessage({ attachments: [{ contentType: "application/pdf", content: pdf, filename: "beslut.pdf" }] });
    expect(result(checksOf(md5), "delivery.attachment.checksum").status).toBe("pass");
  });

  it("lists every algorithm and decoding it tried when none matches", () => {
    const check = result(checksOf(twiceEncodedPdf("0123456789abcdef")), "delivery.attachment.checksum");
    expect(check.status).toBe("fail");
    expect(check.message).toContain("MD5, SHA-1, SHA-256, SHA-512, CRC-32");
    expect(check.message).toContain("nor of the content decoded twice");
  });
});
