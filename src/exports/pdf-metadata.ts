import { createRequire } from "node:module";
import type { DocumentLanguage } from "./document-model.ts";

const require = createRequire(import.meta.url);

/** The program that made a file, as an archive records it: which Ansluta, so a file can be traced to its code. */
export const anslutaTool = `Ansluta ${(require("../../package.json") as { version: string }).version}`;

export type PdfProperties = {
  title: string;
  author: string;
  subject?: string | undefined;
  language: DocumentLanguage;
  createdAt: Date;
};

/**
 * The XMP descriptions an archive reads (Dublin Core title, creator, description, language; when
 * and with what the file was made), beside the PDF/UA identification pdfkit writes. pdfkit's own
 * descriptions put the title and author in unescaped, so a title with "&" or "<" made the packet
 * malformed; these escape every value.
 */
export function xmpDescriptions(p: PdfProperties): string {
  const text = (value: string) => escapeXml(value);
  return [
    `<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">`,
    "<dc:format>application/pdf</dc:format>",
    `<dc:title><rdf:Alt><rdf:li xml:lang="x-default">${text(p.title)}</rdf:li></rdf:Alt></dc:title>`,
    `<dc:creator><rdf:Seq><rdf:li>${text(p.author)}</rdf:li></rdf:Seq></dc:creator>`,
    ...(p.subject ? [`<dc:description><rdf:Alt><rdf:li xml:lang="x-default">${text(p.subject)}</rdf:li></rdf:Alt></dc:description>`] : []),
    `<dc:language><rdf:Bag><rdf:li>${p.language}</rdf:li></rdf:Bag></dc:language>`,
    "</rdf:Description>",
    `<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">`,
    `<xmp:CreateDate>${xmpDate(p.createdAt)}</xmp:CreateDate>`,
    `<xmp:CreatorTool>${text(anslutaTool)}</xmp:CreatorTool>`,
    "</rdf:Description>",
    `<rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">`,
    `<pdf:Producer>${text(anslutaTool)}</pdf:Producer>`,
    "</rdf:Description>",
  ].join("\n");
}

/** To the second in UTC, as the Info dictionary's CreationDate (D:YYYYMMDDHHmmSSZ) holds it, so the two agree. */
function xmpDate(date: Date): string {
  return `${date.toISOString().slice(0, 19)}Z`;
}

function escapeXml(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}
