import { PDFArray, PDFDocument, PDFName, type PDFRawStream, type PDFRef, PDFString } from "pdf-lib";
import PDFKitDocument from "pdfkit";
import { describe, expect, it } from "vitest";
import { milestoneByNumeral } from "../method/lookup.ts";
import { methodV12 } from "../method/v1.2/index.ts";
import { type DecisionPackageInput, decisionPackageDocument, type PackageAttachment } from "./decision-package.ts";
import { decisionPackageFile, prepareAttachments } from "./decision-package-file.ts";
import type { DeliverableVersion } from "./deliverable-document.ts";
import type { DocumentModel } from "./document-model.ts";
import { renderPdf } from "./pdf.ts";
import { createPdfAttachmentWorker, type PdfAttachmentWorker } from "./pdf-attachments-runner.ts";
import { NS, outlineTitles, pdfinfo, pdfText, structureTypes, xmpOf } from "./testing/pdf.ts";
import { unzip } from "./testing/unzip.ts";

const milestone = milestoneByNumeral(methodV12, "I");

const version = (n: number, status: DeliverableVersion["status"], text: string): DeliverableVersion => ({
  version: n,
  status,
  sections: { bakgrund: text },
  contentHash: `hash-${n}`,
  createdAt: "2026-11-02T09:00:00.000Z",
  updatedAt: "2026-11-03T10:30:00.000Z",
  approvedAt: status === "faststalld" ? "2026-11-04T13:15:00.000Z" : null,
  createdBy: { id: "00000000-0000-4000-8000-000000000002", name: "Petra Projektledare" },
  lastEditedBy: null,
  approvedBy: null,
  secondApprover: null,
  generated: null,
});

const deliverable = (typeId: string, title: string, versions: DeliverableVersion[]) => ({
  title,
  typeId,
  template: [{ id: "bakgrund", heading: { sv: "Bakgrund", en: "Background" }, guidance: { sv: "", en: "" }, required: true }],
  versions,
  currentGenerated: null,
});

const idea = deliverable("idebeskrivning", "Idébeskrivning för bygglov", [version(1, "faststalld", "Idén i korthet.")]);
const needs = deliverable("behovsanalys", "Behovsanalys", [
  version(1, "faststalld", "Behoven som de var."),
  version(2, "utkast", "Behoven med | tabell |\n|---|\n| rad |"),
]);

const common = {
  locale: "sv" as const,
  exportedAt: new Date("2026-11-27T11:00:00Z"),
  initiative: { id: "00000000-0000-4000-8000-0000000000aa", name: "Digitala bygglovsbeslut" },
  organisationName: "Sundsvalls kommun",
  milestone,
};

const underlag = (attachments: DecisionPackageInput["attachments"] = []): DecisionPackageInput => ({
  ...common,
  kind: "underlag",
  attachments,
  documents: [
    { deliverable: idea, version: idea.versions[0] as DeliverableVersion, basis: "approved" },
    { deliverable: needs, version: needs.versions[1] as DeliverableVersion, basis: "latest" },
  ],
  preparations: [
    {
      decisionPointId: milestone.decisionPoints[0]?.id ?? "",
      proposal: "Ja, starta förstudien.",
      preparedAt: "2026-11-20T10:00:00Z",
      preparedByName: "Petra",
    },
  ],
  readiness: { ready: false, missing: ["Behovsanalys är inte fastställd."] },
  basisTypes: milestone.basis,
});

const protokoll: DecisionPackageInput = {
  ...common,
  kind: "protokoll",
  attachments: [],
  documents: [
    {
      deliverable: idea,
      version: idea.versions[0] as DeliverableVersion,
      basis: "frozen",
      frozenStatus: "faststalld",
      frozenHash: "hash-1",
    },
    {
      deliverable: needs,
      version: needs.versions[1] as DeliverableVersion,
      basis: "frozen",
      frozenStatus: "utkast",
      frozenHash: "older-hash",
    },
  ],
  decision: {
    outcome: "go_with_conditions",
    current: false,
    decisionPoints: milestone.decisionPoints.map((dp, i) => ({ id: dp.id, answer: "Ja", motivation: `Motiverat som punkt ${i + 1}.` })),
    conditions: [{ text: "Behovsanalysen fastställs", owner: "Petra Projektledare", dueDate: "2026-12-31" }],
    decidedBy: { name: "Viktor Verksamhetsägare" },
    decidedOn: "2026-11-27",
    createdAt: "2026-11-27T12:00:00Z",
    minutes: "Fört vid mötet.",
    diarienummer: "KS 2026/123",
    incompleteBasisReason: "Brådskande.",
    basisHash: "a".repeat(64),
    decisionHash: "b".repeat(64),
  },
};

/** A real PDF of `pages` pages, made with pdfkit as another program would make it (untagged). */
async function otherPdf(pages: number, options: PDFKit.PDFDocumentOptions = {}): Promise<Uint8Array> {
  const pdf = new PDFKitDocument({ size: "A4", ...options });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve) => {
    pdf.on("data", (c: Buffer) => chunks.push(c));
    pdf.on("end", () => resolve(Buffer.concat(chunks)));
  });
  for (let i = 1; i <= pages; i++) {
    if (i > 1) pdf.addPage();
    pdf.text(`Avtalets sida ${i}`);
  }
  pdf.end();
  return new Uint8Array(await done);
}

const attachment = (filename: string, bytes: Uint8Array, contentType = "application/pdf"): PackageAttachment => ({
  filename,
  contentType,
  size: bytes.length,
  sha256: "c".repeat(64),
  bytes,
  belongsTo: "Beslutet",
});

const NONE = { listed: [], appendable: [] };

/** The package's draft as the renderers take it (the test documents have no charts). */
const modelOf = (input: DecisionPackageInput) => decisionPackageDocument(input) as DocumentModel;

describe("a beslutsunderlag", () => {
  it("holds the milestone, the decision points with their beredning, readiness and each document at the version decided on", async () => {
    const file = await decisionPackageFile(() => modelOf(underlag()), "pdf", "Beslutsunderlag", NONE);
    const text = pdfText(file.body);
    expect(text).toContain("Beslutsunderlag, milstolpe I");
    expect(text).toContain("Digitala bygglovsbeslut");
    expect(text).toContain("Ja, starta förstudien.");
    expect(text).toContain("Behovsanalys är inte fastställd.");
    expect(text).toContain("Version 1: Fastställd version.");
    expect(text).toContain("Version 2: Senaste version, inte fastställd.");
    expect(text).toContain("Behoven med");
    expect(text).not.toContain("Behoven som de var.");
    const pdf = await PDFDocument.load(file.body);
    // The title with the cover's parts under it, then each document with its sections.
    expect(outlineTitles(pdf)).toEqual([
      `Beslutsunderlag, milstolpe I: ${milestone.name.sv}`,
      "  Beslutspunkter",
      "  Beredskap",
      "  Underlagets dokument",
      "  Bilagor",
      "Idébeskrivning för bygglov",
      "  Bakgrund",
      "Behovsanalys",
      "  Bakgrund",
    ]);
  });

  it("is a DOCX with the same headings, tables and text, each document on a new page", async () => {
    const file = await decisionPackageFile(() => modelOf(underlag()), "docx", "Beslutsunderlag", NONE);
    const xml = unzip(file.body, "word/document.xml") ?? "";
    expect(xml).toMatch(/w:pStyle w:val="Heading1"/);
    expect(xml).toContain("Ja, starta förstudien.");
    expect(xml).toContain("Idébeskrivning för bygglov");
    expect(xml.match(/<w:br w:type="page"\/>/g)).toHaveLength(2);
    expect(xml.match(/<w:tbl>/g)?.length).toBeGreaterThanOrEqual(4);
  });
});

describe("a beslutsprotokoll", () => {
  it("records the outcome, answers, conditions, decider, diarienummer, the basis hash and how to check it", async () => {
    const text = pdfText((await decisionPackageFile(() => modelOf(protokoll), "pdf", "Beslutsprotokoll", NONE)).body).replace(/\s+/g, " ");
    for (const expected of [
      "Gå vidare med villkor",
      "Viktor Verksamhetsägare",
      "KS 2026/123",
      "Ersatt av ett senare beslut",
      "Behovsanalysen fastställs",
      "Petra Projektledare",
      "2026-12-31",
      "Motiverat som punkt 1.",
      "RFC 8785",
      "npm run cli audit:verify",
      "Version 2 som den var vid beslutet (Utkast).",
      "har ändrats efter beslutet",
    ]) {
      expect(text).toContain(expected);
    }
    // A hash wraps in its table cell.
    expect(text.replace(/\s/g, "")).toContain("a".repeat(64));
  });
});

describe("attachments in the package", () => {
  it("appends readable attachment PDFs after the package's pages, keeping its tags, language, XMP and outline", async () => {
    const agreement = attachment("Anslutningsavtal.pdf", await otherPdf(3));
    const locked = attachment(
      "Låst.pdf",
      await otherPdf(1, { userPassword: "hemligt", ownerPassword: "hemligt" } as PDFKit.PDFDocumentOptions),
    );
    const broken = attachment("Trasig.pdf", new TextEncoder().encode("%PDF-1.7\nnot really a pdf"));
    const picture = attachment("Foto.png", new Uint8Array([0x89, 0x50, 0x4e, 0x47]), "image/png");
    const prepared = await prepareAttachments([agreement, locked, broken, picture], (name) => `Bilaga: ${name}`, { format: "pdf" });
    expect(prepared.listed.map((a) => [a.filename, a.fate])).toEqual([
      ["Anslutningsavtal.pdf", "appended"],
      ["Låst.pdf", "encrypted"],
      ["Trasig.pdf", "unreadable"],
      ["Foto.png", "not_pdf"],
    ]);
    const model = modelOf(underlag(prepared.listed));
    const own = await renderPdf(model);
    const ownPages = (await PDFDocument.load(own)).getPageCount();
    const file = await decisionPackageFile(() => model, "pdf", "Beslutsunderlag", prepared);

    const pdf = await PDFDocument.load(file.body, { updateMetadata: false });
    expect(pdf.getPageCount()).toBe(ownPages + 3);
    expect(structureTypes(pdf)).toEqual(structureTypes(await PDFDocument.load(own)));
    expect(pdf.catalog.lookup(PDFName.of("Lang"), PDFString).decodeText()).toBe("sv-SE");
    expect(outlineTitles(pdf).at(-1)).toBe("Bilaga: Anslutningsavtal.pdf");
    expect(outlineTitles(pdf).slice(0, -1)).toEqual(outlineTitles(await PDFDocument.load(own)));
    const { values } = xmpOf(file.body);
    expect(values(NS.dc, "title")).toEqual([`Beslutsunderlag, milstolpe I: ${milestone.name.sv}`]);
    expect(values(NS.pdfuaid, "part")).toEqual(["1"]);
    const info = pdfinfo(file.body);
    expect(info).toMatchObject({
      Pages: String(ownPages + 3),
      Tagged: "yes",
      Author: "Sundsvalls kommun",
      Producer: expect.stringMatching(/^Ansluta /),
    });

    // The appended pages' content is an artifact: the package's structure tree stays the only tagged content.
    const appended = pdf.getPage(ownPages).node.lookup(PDFName.of("Contents"), PDFArray).asArray();
    const streamText = (ref: unknown) => Buffer.from((pdf.context.lookup(ref as PDFRef) as PDFRawStream).getContents()).toString("latin1");
    expect(streamText(appended[0])).toBe("/Artifact BMC\n");
    expect(streamText(appended.at(-1))).toBe("\nEMC\n");
    const text = pdfText(file.body).replace(/\s+/g, " ");
    expect(text).toContain("Avtalets sida 3");
    expect(text).toContain("Bifogas inte: filen är krypterad");
    expect(text).toContain("De är inte taggade för skärmläsare");
    expect(text).toContain("Bifogas inte: filen kan inte läsas (skadad)");
    expect(text).toContain("Bifogas inte: inte en PDF");
  });

  it("lists attachments in the DOCX, which appends none and so reads none", async () => {
    const untouched: PdfAttachmentWorker = {
      read: () => Promise.reject(new Error("the DOCX read an attachment PDF")),
      append: () => Promise.reject(new Error("the DOCX appended an attachment PDF")),
    };
    const files = [
      attachment("Anslutningsavtal.pdf", await otherPdf(1)),
      attachment("Trasig.pdf", new TextEncoder().encode("%PDF-1.7\nx")),
    ];
    const prepared = await prepareAttachments(files, (name) => name, { format: "docx", pdf: untouched });
    expect(prepared.listed.map((a) => a.fate)).toEqual(["listed_only", "listed_only"]);
    expect(prepared.appendable).toEqual([]);
    const file = await decisionPackageFile(() => modelOf(underlag(prepared.listed)), "docx", "Beslutsunderlag", prepared, {
      pdf: untouched,
    });
    const xml = unzip(file.body, "word/document.xml") ?? "";
    expect(xml).toContain("Anslutningsavtal.pdf");
    expect(xml).toContain("c".repeat(64));
    expect(xml).toContain("Bifogas inte i Word-filen");
    expect(xml).not.toContain("Avtalets sida");
  });

  it("reads attachment PDFs on a worker thread: one that takes longer than its budget is listed as damaged, not a failure", async () => {
    const slow = createPdfAttachmentWorker({ readTimeoutMs: 1 });
    const prepared = await prepareAttachments([attachment("Långsam.pdf", await otherPdf(400))], (name) => name, {
      format: "pdf",
      pdf: slow,
    });
    expect(prepared.listed.map((a) => a.fate)).toEqual(["unreadable"]);
    expect(prepared.appendable).toEqual([]);
    // Over the page limit: not appended either.
    const short = createPdfAttachmentWorker({ maxPages: 2 });
    expect(await short.read(await otherPdf(3))).toBe("too_many_pages");
    expect(await short.read(await otherPdf(2))).toBe("readable");
  });

  it("lists the PDFs as damaged and appends none when appending fails on its worker", async () => {
    const failing: PdfAttachmentWorker = { read: async () => "readable", append: async () => null };
    const prepared = await prepareAttachments([attachment("Anslutningsavtal.pdf", await otherPdf(2))], (name) => name, {
      format: "pdf",
      pdf: failing,
    });
    const own = await renderPdf(modelOf(underlag(prepared.listed.map((a) => ({ ...a, fate: "unreadable" as const })))));
    const file = await decisionPackageFile((listed) => modelOf(underlag(listed)), "pdf", "Beslutsunderlag", prepared, { pdf: failing });
    expect((await PDFDocument.load(file.body)).getPageCount()).toBe((await PDFDocument.load(own)).getPageCount());
    const text = pdfText(file.body).replace(/\s+/g, " ");
    expect(text).toContain("Bifogas inte: filen kan inte läsas (skadad)");
    expect(text).not.toContain("Avtalets sida");
  });
});
