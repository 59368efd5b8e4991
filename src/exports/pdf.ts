import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import PDFDocument from "pdfkit";
import type { Block, DocumentModel, HeadingLevel } from "./document-model.ts";
import { anslutaTool, type PdfProperties, xmpDescriptions } from "./pdf-metadata.ts";

const require = createRequire(import.meta.url);

/**
 * Inter, Designsystemet's typeface, comes from an npm package so every install has it. PDF/UA
 * requires every font to be embedded, which pdfkit's built-in Helvetica is not; pdfkit embeds
 * only the glyphs used.
 */
const fontFiles = {
  regular: require.resolve("@expo-google-fonts/inter/400Regular/Inter_400Regular.ttf"),
  bold: require.resolve("@expo-google-fonts/inter/700Bold/Inter_700Bold.ttf"),
};

/** fontkit's font, as far as pdfkit (which takes one in place of a file) needs it. */
type FontkitFont = { layout: (text: string) => unknown };
const fontkit = require("fontkit") as { create: (data: Buffer) => FontkitFont };

/**
 * Each face parsed once per process and shared by every PDF, which pdfkit allows (it subsets per
 * document and never changes the font). Given a file instead, pdfkit parses it for every document,
 * and the shaping tables fontkit reads lazily on the first text cost more than the rest of a short
 * document (issue 13's bench: the 20-page document's PDF against its DOCX).
 */
let parsed: { regular: FontkitFont; bold: FontkitFont } | undefined;
const faces = () => {
  parsed ??= { regular: fontkit.create(readFileSync(fontFiles.regular)), bold: fontkit.create(readFileSync(fontFiles.bold)) };
  return parsed;
};

/** The names the faces are registered under in each document. */
const fonts = { regular: "Inter", bold: "Inter-Bold" } as const;

const headingSizes: Record<HeadingLevel, number> = { 1: 20, 2: 15, 3: 12.5 };
const bodySize = 10.5;

/**
 * @types/pdfkit 0.17 predates two things pdfkit 0.20 does: the PDF/UA subset (pdfuaid metadata)
 * and tables tagged as Table/TR/TH/TD when given a parent structure element.
 */
type AccessibleDocumentOptions = Omit<PDFKit.PDFDocumentOptions, "subset" | "font"> & { subset: "PDF/UA"; font: FontkitFont };
/** pdfkit 0.20 writes a Figure's layout attributes (BBox, Placement), which PDF/UA asks of a Figure. */
type FigureOptions = PDFKit.Mixins.StructureElementOptions & { bbox: [number, number, number, number]; placement: "Block" };
/** pdfkit 0.20's metadata mixin writes the Info dictionary's values into XMP through this, at the end. */
type MetadataHook = { _addInfo: () => void };
type TaggedCell = PDFKit.Mixins.CellOptions & { scope?: "Column" | "Row" };
type TaggedTableOptions = PDFKit.Mixins.TableOptionsWithData & {
  structParent: PDFKit.PDFStructureElement;
  data: (string | TaggedCell)[][];
};

/**
 * The document as a tagged PDF (PDF/UA): a structure tree of H1–H3, P, L/LI and Table/TR/TH/TD
 * under Document, the language in the catalog and the title shown in the window, so screen
 * readers read it in order and in Swedish. Its properties (title, author organisation, language,
 * creation date, the Ansluta version that made it) are in both the Info dictionary and XMP, the
 * latter beside the PDF/UA identification, so an archive finds them where it looks.
 */
export function renderPdf(model: DocumentModel): Promise<Buffer> {
  const properties: PdfProperties = {
    title: model.title,
    author: model.author ?? "Ansluta",
    subject: model.subject,
    language: model.language,
    createdAt: model.createdAt ?? new Date(),
  };
  const options: AccessibleDocumentOptions = {
    pdfVersion: "1.7",
    tagged: true,
    subset: "PDF/UA",
    lang: model.language,
    displayTitle: true,
    // The default font is set before anything is drawn, so Helvetica never enters the file.
    font: faces().regular,
    size: "A4",
    margins: { top: 56, bottom: 56, left: 64, right: 64 },
    info: {
      Title: properties.title,
      Author: properties.author,
      Creator: anslutaTool,
      Producer: anslutaTool,
      CreationDate: properties.createdAt,
      ...(properties.subject ? { Subject: properties.subject } : {}),
    },
  };
  const pdf = new PDFDocument(options as unknown as PDFKit.PDFDocumentOptions);
  // pdfkit 0.20 takes a fontkit font where a file would go; @types/pdfkit 0.17 knows only files and buffers.
  pdf.registerFont(fonts.regular, faces().regular as unknown as Buffer);
  pdf.registerFont(fonts.bold, faces().bold as unknown as Buffer);
  // In place of pdfkit's descriptions, which leave "&" and "<" in a title unescaped (pdf-metadata.ts).
  (pdf as unknown as MetadataHook)._addInfo = () => pdf.appendXML(xmpDescriptions(properties));
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on("data", (chunk: Buffer) => chunks.push(chunk));
    pdf.on("end", () => resolve(Buffer.concat(chunks)));
    pdf.on("error", reject);
  });

  const root = pdf.struct("Document");
  pdf.addStructure(root);
  const bookmarks = model.outline ? outlineOf(pdf) : undefined;
  heading(pdf, root, 1, model.title, bookmarks);
  for (const line of model.metadata) paragraph(pdf, root, line);
  for (const block of model.blocks) renderBlock(pdf, root, block, bookmarks);
  root.end();
  pdf.end();
  return done;
}

type Pdf = PDFKit.PDFDocument;
type Parent = PDFKit.PDFStructureElement;
/** Adds a bookmark for a heading on the page it starts on, under the nearest heading of a higher level. */
type Bookmarks = (level: HeadingLevel, text: string) => void;

/**
 * The outline (bookmarks) from the headings: level 1 at the top, each level 2 under the level 1
 * before it, each level 3 under the level 2 before it (or the level 1, when a document has no
 * level 2 before it). Each entry opens its page whole.
 */
function outlineOf(pdf: Pdf): Bookmarks {
  // open[n]: the latest entry of level n (open[0] the outline itself); deeper ones close with each new entry.
  const open: (PDFKit.PDFOutline | undefined)[] = [pdf.outline];
  return (level, text) => {
    let parent: PDFKit.PDFOutline = pdf.outline;
    for (let i = level - 1; i >= 0; i--) {
      const candidate = open[i];
      if (candidate) {
        parent = candidate;
        break;
      }
    }
    open.length = level;
    // Without options: pdfkit's defaults make the entry open its page whole (Fit).
    open[level] = parent.addItem(text);
  };
}

function renderBlock(pdf: Pdf, root: Parent, block: Block, bookmarks: Bookmarks | undefined) {
  switch (block.kind) {
    case "heading":
      return heading(pdf, root, block.level, block.text, bookmarks);
    case "pageBreak":
      pdf.addPage();
      return;
    case "paragraph":
      return paragraph(pdf, root, block.text);
    case "list": {
      const list = pdf.struct("L");
      root.add(list);
      pdf
        .font(fonts.regular)
        .fontSize(bodySize)
        .list([...block.items], { structParent: list, listType: "bullet", bulletRadius: 2, lineGap: 2 });
      list.end();
      pdf.moveDown(0.6);
      return;
    }
    case "table": {
      const left = pdf.page.margins.left;
      const width = pdf.page.width - left - pdf.page.margins.right;
      const header: TaggedCell[] = block.header.map((text) => ({ text, type: "TH", scope: "Column", font: { src: fonts.bold } }));
      const options: TaggedTableOptions = {
        structParent: root,
        position: { x: left },
        maxWidth: width,
        // Two columns are a list of facts: a narrow label column and a wide value column.
        columnStyles: block.header.length === 2 ? [width * 0.35, width * 0.65] : width / Math.max(block.header.length, 1),
        defaultStyle: { padding: 5, border: 0.5, borderColor: "#8a8a8a" },
        data: [header, ...block.rows.map((row) => [...row])],
      };
      pdf.font(fonts.regular).fontSize(bodySize).table(options);
      pdf.x = left;
      pdf.moveDown(1);
      return;
    }
    case "image":
      return figure(pdf, root, block);
  }
}

/**
 * A picture as a tagged Figure whose Alt a screen reader reads instead: as wide as the text at most,
 * never taller than a page, on the next page when it does not fit below what came before.
 */
function figure(pdf: Pdf, root: Parent, image: Extract<Block, { kind: "image" }>) {
  const { margins } = pdf.page;
  const textWidth = pdf.page.width - margins.left - margins.right;
  const textHeight = pdf.page.height - margins.top - margins.bottom;
  const scale = Math.min(textWidth / image.width, textHeight / image.height);
  const width = image.width * scale;
  const height = image.height * scale;
  if (pdf.y + height > pdf.page.height - margins.bottom) pdf.addPage();
  const x = margins.left;
  const y = pdf.y;
  root.add(
    pdf.struct("Figure", { alt: image.alt, bbox: [x, y, x + width, y + height], placement: "Block" } as FigureOptions, () => {
      pdf.image(Buffer.from(image.png), x, y, { width, height });
    }),
  );
  pdf.x = margins.left;
  pdf.y = y + height;
  pdf.moveDown(1);
}

function heading(pdf: Pdf, root: Parent, level: HeadingLevel, text: string, bookmarks?: Bookmarks) {
  // A heading alone at the foot of a page belongs with the text on the next.
  if (pdf.y > pdf.page.height - pdf.page.margins.bottom - 72) pdf.addPage();
  bookmarks?.(level, text);
  if (level > 1) pdf.moveDown(0.4);
  pdf
    .font(fonts.bold)
    .fontSize(headingSizes[level])
    .text(text, { structParent: root, structType: `H${level}` });
  pdf.moveDown(0.4);
}

function paragraph(pdf: Pdf, root: Parent, text: string) {
  pdf.font(fonts.regular).fontSize(bodySize).text(text, { structParent: root, structType: "P", lineGap: 2 });
  pdf.moveDown(0.6);
}
