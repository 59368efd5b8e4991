import { describe, expect, it } from "vitest";
import { DAMAGED_PDF, samplePdf } from "../../../attachments/testing/sample-files.ts";
import { DomainError } from "../../../domain/shared/domain-error.ts";
import { checkPdfOnWorker } from "./upload-settings.ts";

describe("an uploaded PDF read on the PDF worker", () => {
  it("takes a PDF that opens and refuses one that does not", async () => {
    expect(await checkPdfOnWorker(await samplePdf())).toBeNull();
    expect(await checkPdfOnWorker(DAMAGED_PDF)).toMatchObject({ code: "pdf_unreadable" });
  });

  it("answers one PDF too many at once on the file field, so the page can say so beside it", async () => {
    const pdf = await samplePdf();
    const results = await Promise.allSettled([checkPdfOnWorker(pdf), checkPdfOnWorker(pdf), checkPdfOnWorker(pdf)]);
    const refused = results.find((r) => r.status === "rejected");
    expect(refused?.status).toBe("rejected");
    const error = (refused as PromiseRejectedResult).reason;
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({
      code: "TOO_MANY_VALIDATIONS",
      details: { retryAfterSeconds: 1, fields: [{ path: ["file"], code: "pdf_busy" }] },
    });
  });
});
