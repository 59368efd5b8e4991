import { describe, expect, it } from "vitest";
import type { Block, DocumentModel } from "../../exports/document-model.ts";
import { renderDocx } from "../../exports/docx.ts";
import { renderPdf } from "../../exports/pdf.ts";
import { unzip } from "../../exports/testing/unzip.ts";
import { fail } from "../checks/check.ts";
import { EMULATOR_ERROR_CODES } from "../emulator/fault-codes.ts";
import { CONFORMANCE_CASES } from "./conformance-cases.ts";
import { conformantSender } from "./conformance-fixtures.ts";
import { conformanceReport } from "./conformance-report.ts";
import { evaluateConformance } from "./evaluate-conformance.ts";

/** A sender that gets everything right except one delivery whose signature does not verify. */
function evaluation() {
  const log = conformantSender();
  log.lookupAndDeliver("reachable-kivra", {
    outcome: "fault",
    faultCode: EMULATOR_ERROR_CODES.invalidSignature,
    checks: [fail("signature.sender", "the SignedDelivery signature does not verify")],
  });
  return evaluateConformance(CONFORMANCE_CASES, log.events);
}

const report = (locale: "sv" | "en"): DocumentModel =>
  conformanceReport({
    organisationName: "Sundsvalls kommun",
    initiativeName: "Digital brevlåda för bygglov",
    generatedAt: new Date("2026-11-27T11:00:00Z"),
    locale,
    ...evaluation(),
  });

const tables = (doc: DocumentModel) => doc.blocks.filter((b): b is Extract<Block, { kind: "table" }> => b.kind === "table");
const text = (doc: DocumentModel) =>
  doc.blocks
    .map((b) =>
      (b.kind === "table"
        ? [...b.header, ...b.rows.flat()]
        : b.kind === "list"
          ? b.items
          : b.kind === "image"
            ? [b.alt]
            : b.kind === "pageBreak"
              ? []
              : [b.text]
      ).join("\n"),
    )
    .join("\n");

describe("conformanceReport", () => {
  it("is in Swedish, says it is the emulator's evidence and not the official acceptance test, and names whose it is", () => {
    const doc = report("sv");
    expect(doc.title).toBe("Konformitetsrapport – Mina meddelanden (testmiljö i Ansluta)");
    expect(doc.language).toBe("sv-SE");
    expect(doc.metadata).toEqual([
      "Organisation: Sundsvalls kommun",
      "Initiativ: Digital brevlåda för bygglov",
      "Skapad: 27 nov. 2026 12:00",
    ]);
    expect(text(doc)).toMatch(/underlag från Anslutas emulator .* inte Diggs officiella anslutnings- eller acceptanstest/);
    expect(text(doc)).toContain("Den ersätter inte förvaltningsgruppens verifiering");
  });

  it("sums up, lists every case with its result and reason, and gives the performance figures", () => {
    const [summary, cases, performance] = tables(report("sv"));
    expect(summary?.rows).toEqual([
      ["Godkända", "14"],
      ["Underkända", "1"],
      ["Ej genomförda", "0"],
      ["Totalt", "15"],
    ]);
    expect(cases?.header).toEqual(["Nr", "Titel", "Resultat", "Motivering"]);
    expect(cases?.rows.map((r) => r[0])).toEqual(CONFORMANCE_CASES.map((c) => c.id));
    expect(cases?.rows[13]).toEqual(["MM-14", "Signaturer", "Underkänt", expect.stringContaining("signature.sender")]);
    expect(cases?.rows[0]?.[2]).toBe("Godkänt");
    expect(performance?.rows.map((r) => r[0])).toEqual(
      expect.arrayContaining(["Leveranser (deliverSecure)", "Svarstid leverans p95", "SOAP-fel", "Felkoder (emulatorns tolkning)"]),
    );
    expect(performance?.rows.find((r) => r[0] === "Felkoder (emulatorns tolkning)")?.[1]).toBe("4999: 2, 5001: 1");
  });

  it("shows the failing checks of each failed case", () => {
    const doc = report("en");
    const failed = doc.blocks.findIndex((b) => b.kind === "heading" && b.text === "MM-14 Signatures");
    expect(failed).toBeGreaterThan(0);
    expect(doc.blocks[failed + 2]).toMatchObject({
      kind: "table",
      header: ["Call", "Check", "Message"],
      rows: [[expect.any(String), "signature.sender", "the SignedDelivery signature does not verify"]],
    });
    expect(doc.title).toBe("Conformance report – Mina meddelanden (Ansluta test environment)");
  });

  it("renders as a tagged PDF and as a DOCX holding the case table", async () => {
    const doc = report("sv");
    const [pdf, docx] = await Promise.all([renderPdf(doc), renderDocx(doc)]);
    const pdfText = pdf.toString("latin1");
    expect(pdfText).toContain("/StructTreeRoot");
    expect(pdfText).toMatch(/\/S \/Table\b/);
    const xml = unzip(docx, "word/document.xml") ?? "";
    expect(xml).toMatch(/<w:tblHeader( w:val="(true|1|on)")?\/>/);
    for (const cell of ["Nr", "Motivering", "MM-01", "MM-15", "Meddelande med PDF-bilaga till privatperson", "Underkänt"]) {
      expect(xml, cell).toContain(cell);
    }
  });
});
