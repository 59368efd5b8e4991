import { Document, HeadingLevel, ImageRun, Packer, PageBreak, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from "docx";
import type { Block, DocumentModel } from "./document-model.ts";

/** The text column of an A4 page with Word's default margins, in pixels at 96 to the inch: a picture is never wider. */
const TEXT_WIDTH_PX = 600;

const headingStyles = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;

/**
 * The document as DOCX with Word's own heading styles, bullet numbering and table header rows,
 * so navigation panes, screen readers and Word's own PDF export keep the structure.
 */
export async function renderDocx(doc: DocumentModel): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [
    new Paragraph({ heading: HeadingLevel.HEADING_1, text: doc.title }),
    ...doc.metadata.map((line) => new Paragraph({ text: line })),
  ];
  for (const block of doc.blocks) children.push(...blockElements(block));
  const file = new Document({
    title: doc.title,
    subject: doc.subject ?? "",
    creator: doc.author ?? "Ansluta",
    lastModifiedBy: "Ansluta",
    styles: { default: { document: { run: { language: { value: doc.language } } } } },
    sections: [{ children }],
  });
  return Packer.toBuffer(file);
}

function blockElements(block: Block): (Paragraph | Table)[] {
  switch (block.kind) {
    case "heading":
      return [new Paragraph({ heading: headingStyles[block.level], text: block.text })];
    case "paragraph":
      return [new Paragraph({ text: block.text })];
    case "list":
      return block.items.map((item) => new Paragraph({ text: item, bullet: { level: 0 } }));
    case "table":
      return [
        new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          rows: [
            // A header row repeats on every page and tells readers what each column holds.
            new TableRow({
              tableHeader: true,
              children: block.header.map((text) => cell(new TextRun({ text, bold: true }))),
            }),
            ...block.rows.map((row) => new TableRow({ children: row.map((text) => cell(new TextRun({ text }))) })),
          ],
        }),
        // Word needs a paragraph between a table and whatever follows it.
        new Paragraph({ text: "" }),
      ];
    case "pageBreak":
      return [new Paragraph({ children: [new PageBreak()] })];
    case "image": {
      const scale = Math.min(1, TEXT_WIDTH_PX / block.width);
      return [
        new Paragraph({
          children: [
            new ImageRun({
              type: "png",
              data: block.png,
              transformation: { width: Math.round(block.width * scale), height: Math.round(block.height * scale) },
              // Word reads the description to screen readers and shows it as the picture's alt text.
              altText: { name: block.alt.slice(0, 60), description: block.alt, title: block.alt.slice(0, 60) },
            }),
          ],
        }),
      ];
    }
  }
}

const cell = (run: TextRun) => new TableCell({ children: [new Paragraph({ children: [run] })] });
