import { PDFBool, PDFDict, PDFDocument, PDFName, type PDFString } from "pdf-lib";
import { describe, expect, it } from "vitest";
import packageJson from "../../package.json" with { type: "json" };
import type { DocumentModel } from "./document-model.ts";
import { renderDocx } from "./docx.ts";
import { exportFile, fileBaseName } from "./export-file.ts";
import { renderPdf } from "./pdf.ts";
import { NS, pdfinfo, pdfStreams, structureTypes, xmpOf } from "./testing/pdf.ts";
import { unzip } from "./testing/unzip.ts";

/** A 2×1 PNG: a picture as small as a test can hold. */
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAIAAAABCAIAAAB7QOjdAAAAEElEQVR4nGP4z8DAwMDAAAAJ/AH/Xk1YzQAAAABJRU5ErkJggg==", "base64");

const model: DocumentModel = {
  title: "Riskanalys för Åre–Östersund",
  language: "sv-SE",
  subject: "Riskanalys",
  author: "Sundsvalls kommun",
  createdAt: new Date("2026-11-27T11:00:00.000Z"),
  metadata: ["Exporterad ur Ansluta 27 nov. 2026 12:00."],
  blocks: [
    { kind: "table", header: ["Uppgift", "Värde"], rows: [["Status", "Fastställd"]] },
    { kind: "heading", level: 2, text: "Identifierade risker" },
    { kind: "paragraph", text: "Ärendet kräver åtgärder före årsskiftet." },
    { kind: "list", items: ["Leverantören är sen", "Certifikatet går ut"] },
    { kind: "heading", level: 3, text: "Övrigt" },
    { kind: "image", png: PNG, width: 960, height: 480, alt: "Tornado chart: the discount rate moves the NPV most" },
  ],
};

describe("DOCX", () => {
  it("is a Word document holding the text with å, ä and ö intact, headings as styles and a table header row", async () => {
    const docx = await renderDocx(model);
    expect(docx.subarray(0, 2).toString()).toBe("PK");
    const xml = unzip(docx, "word/document.xml") ?? "";
    expect(xml).toContain("Riskanalys för Åre–Östersund");
    expect(xml).toContain("Fastställd");
    expect(xml).toContain("Ärendet kräver åtgärder före årsskiftet.");
    expect(xml).toMatch(/<w:tblHeader( w:val="(true|1|on)")?\/>/);
    expect(xml).toMatch(/w:pStyle w:val="Heading1"/);
    expect(xml).toMatch(/w:pStyle w:val="Heading3"/);
    expect(xml).toContain("<w:numPr>");
    expect(unzip(docx, "word/styles.xml")).toContain('w:lang w:val="sv-SE"');
    // The picture is in the file, scaled to the text column (600 px = 5,715,000 EMU), with its text alternative.
    expect(xml).toContain('descr="Tornado chart: the discount rate moves the NPV most"');
    expect(xml).toMatch(/<wp:extent cx="5715000" cy="2857500"\/>/);
    expect(unzip(docx, "[Content_Types].xml")).toContain('Extension="png"');
    expect(unzip(docx, "docProps/core.xml")).toContain("Riskanalys för Åre–Östersund");
  });
});

describe("PDF", () => {
  it("is a tagged PDF/UA in Swedish with its title shown", async () => {
    const pdf = await renderPdf(model);
    const text = pdf.toString("latin1");
    expect(text.startsWith("%PDF-1.7")).toBe(true);
    expect(text).toContain("/StructTreeRoot");
    expect(text).toMatch(/\/MarkInfo \d+ 0 R/);
    expect(text).toContain("/Marked true");
    expect(text).toContain("/Lang (sv-SE)");
    expect(text).toMatch(/\/DisplayDocTitle true/);
    // The XMP metadata may be stored compressed or not.
    expect([text, ...pdfStreams(pdf)].join("\n")).toMatch(/<pdfuaid:part>1<\/pdfuaid:part>/);
  });

  it("tags headings, paragraphs, lists and tables with a header cell", async () => {
    const text = (await renderPdf(model)).toString("latin1");
    for (const tag of ["Document", "H1", "H2", "H3", "P", "L", "LI", "LBody", "Table", "TR", "TH", "TD"]) {
      expect(text, tag).toMatch(new RegExp(`/S /${tag}\\b`));
    }
  });

  it("tags a picture as a Figure with its text alternative and its place on the page", async () => {
    const text = (await renderPdf(model)).toString("latin1");
    expect(text).toMatch(/\/S \/Figure\b/);
    expect(text).toContain("/Alt (Tornado chart: the discount rate moves the NPV most)");
    expect(text).toMatch(/\/Placement \/Block/);
    expect(text).toMatch(/\/Subtype \/Image/);
  });

  it("embeds its font, with å, ä and ö mapped back to text", async () => {
    const pdf = await renderPdf(model);
    const text = pdf.toString("latin1");
    expect(text).toContain("/FontFile2");
    expect(text).not.toContain("/Helvetica");
    const maps = pdfStreams(pdf)
      .filter((s) => s.includes("begincmap"))
      .join("\n")
      .toLowerCase();
    for (const letter of ["å", "ä", "ö", "Å", "Ä", "Ö"]) {
      const hex = (letter.codePointAt(0) ?? 0).toString(16).padStart(4, "0");
      expect(maps, letter).toContain(`<${hex}>`);
    }
  });
});

const ansluta = `Ansluta ${packageJson.version}`;

describe("PDF properties for the archive", () => {
  it("carry title, author organisation, language, creation moment, Ansluta version and PDF/UA identification in XMP", async () => {
    const { values } = xmpOf(await renderPdf(model));
    expect(values(NS.dc, "title")).toEqual(["Riskanalys för Åre–Östersund"]);
    expect(values(NS.dc, "creator")).toEqual(["Sundsvalls kommun"]);
    expect(values(NS.dc, "description")).toEqual(["Riskanalys"]);
    expect(values(NS.dc, "language")).toEqual(["sv-SE"]);
    expect(values(NS.xmp, "CreateDate")).toEqual(["2026-11-27T11:00:00Z"]);
    expect(values(NS.xmp, "CreatorTool")).toEqual([ansluta]);
    expect(values(NS.pdf, "Producer")).toEqual([ansluta]);
    expect(values(NS.pdfuaid, "part")).toEqual(["1"]);
  });

  it("keep the XMP well-formed when the title and author hold & and <", async () => {
    const { values } = xmpOf(await renderPdf({ ...model, title: "Risker & <åtgärder>", author: "Kommun A & B" }));
    expect(values(NS.dc, "title")).toEqual(["Risker & <åtgärder>"]);
    expect(values(NS.dc, "creator")).toEqual(["Kommun A & B"]);
  });

  it("are what pdfinfo (poppler) reads: title, author, creator and producer, creation date, tagged", async () => {
    const info = pdfinfo(await renderPdf(model));
    expect(info.Title).toBe("Riskanalys för Åre–Östersund");
    expect(info.Author).toBe("Sundsvalls kommun");
    expect(info.Subject).toBe("Riskanalys");
    expect(info.Creator).toBe(ansluta);
    expect(info.Producer).toBe(ansluta);
    expect(info.CreationDate).toBe("2026-11-27T11:00:00Z");
    expect(info.Tagged).toBe("yes");
    expect(info["Metadata Stream"]).toBe("yes");
  });

  it("hold a structure tree under Document, the language and the marked flag, as a PDF reader finds them", async () => {
    const pdf = await PDFDocument.load(await renderPdf(model), { updateMetadata: false });
    const { catalog } = pdf;
    expect((catalog.lookup(PDFName.of("Lang")) as PDFString).decodeText()).toBe("sv-SE");
    expect(catalog.lookup(PDFName.of("MarkInfo"), PDFDict).get(PDFName.of("Marked"))).toBe(PDFBool.True);
    const structTreeRoot = catalog.lookup(PDFName.of("StructTreeRoot"), PDFDict);
    expect(structTreeRoot.get(PDFName.of("Type"))).toBe(PDFName.of("StructTreeRoot"));
    const types = structureTypes(pdf);
    expect(types[0]).toBe("Document");
    expect(types.slice(1, 3)).toEqual(["H1", "P"]);
    expect(types).toEqual(expect.arrayContaining(["Table", "TR", "TH", "TD", "H2", "L", "LI", "H3", "Figure"]));
    expect(types.indexOf("H2")).toBeLessThan(types.indexOf("H3"));
  });
});

describe("the file to download", () => {
  it("is named in ASCII from the title and version, with the real title for clients that read it", async () => {
    const file = await exportFile(model, "pdf", 3);
    expect(file.contentType).toBe("application/pdf");
    expect(file.contentDisposition).toMatch(
      /^attachment; filename="Riskanalys-for-Are-Ostersund-v3\.pdf"; filename\*=UTF-8''Riskanalys%20f%C3%B6r/,
    );
    expect(fileBaseName("  ?? ")).toBe("dokument");
    expect(fileBaseName('Åtgärdsplan: "Ö"/\\del 2')).toBe("Atgardsplan-O-del-2");
  });
});
