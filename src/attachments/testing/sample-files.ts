import { Document, Packer, Paragraph } from "docx";
import ExcelJS from "exceljs";
import { unzipSync, zipSync } from "fflate";
import { PDFDocument } from "pdf-lib";

/** Small real files of each kind an attachment may be, and files that must be refused, for tests. */

/** A 1×1 PNG. */
export const PNG = new Uint8Array(
  Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC", "base64"),
);
/** A small JPEG (16×16). */
export const JPEG = new Uint8Array(
  Buffer.from(
    "/9j/4AAQSkZJRgABAQEAAQABAAD/2wBDAAMCAgICAgMCAgIDAwMDBAYEBAQEBAgGBgUGCQgKCgkICQkKDA8MCgsOCwkJDRENDg8QEBEQCgwSExIQEw8QEBD/2wBDAQMDAwQDBAgEBAgQCwkLEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBD/wAARCAAQABADASIAAhEBAxEB/8QAFgABAQEAAAAAAAAAAAAAAAAABwQF/8QAJBAAAQQBBAICAwAAAAAAAAAAAQIDBAYFBwgSExEiABQJMTL/xAAVAQEBAAAAAAAAAAAAAAAAAAAABv/EACMRAAECBQMFAAAAAAAAAAAAAAECEQMEBQYhABIxFRZhgeH/2gAMAwEAAhEDEQA/ABSm0mobc8HmExLUlRzzEWPkJWW+ulrsaUVAseUgslSlH9LKuPryIKuWPZdskzXmm3fX5m2nF4GlVxx/HOpx4ks51+MiU/Iaad7UcUo4tILoS4kqcWkezS0hO/HvuRp0rO6hWnWO1UisZVuFi4GFeyEpmGepa5S5SWVPuciFKRFLgSrwetnyPIB+Vb4N9mKhQMzo5po9XLdDs9d6ZVix2VEhiL9kuNPxw2gEKcDQ/rs8AuA8VAe0vdl7VOYn+27flGAUgmITjbhSmCg3BYlyeWDkMolvw4KOp1KM6iCNvngZHwetf//Z",
    "base64",
  ),
);

export async function samplePdf(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle("Anslutningsavtal");
  pdf.addPage([200, 200]).drawText("Undertecknat", { x: 20, y: 100, size: 12 });
  return pdf.save();
}

/** A PDF of `count` empty pages. */
export async function pagesPdf(count: number): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  for (let i = 0; i < count; i++) pdf.addPage([200, 200]);
  return pdf.save();
}

export async function sampleDocx(): Promise<Uint8Array> {
  return new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph("Protokoll §4")] }] })));
}

export async function sampleXlsx(): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet("Blad1").addRow(["Flöde", 1200]);
  return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}

/** A DOCX with one more entry of 2 MB of zeros, packed to a few kilobytes: over 100× unpacked. */
export async function zipBombDocx(): Promise<Uint8Array> {
  const entries = unzipSync(await sampleDocx());
  entries["word/media/bomb.bin"] = new Uint8Array(2 * 1024 * 1024);
  return zipSync(entries, { level: 9 });
}

/**
 * A DOCX with an entry of `megabytes` MB of zeros whose ZIP headers claim 1,000 bytes: the central
 * directory looks harmless, only unpacking shows what it holds.
 */
export async function lyingZipBombDocx(megabytes: number): Promise<Uint8Array> {
  const entries = unzipSync(await sampleDocx());
  const name = "word/media/bomb.bin";
  entries[name] = new Uint8Array(megabytes * 1024 * 1024);
  const zip = zipSync(entries, { level: 6 });
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const named = (at: number, nameAt: number, lengthAt: number) =>
    new TextDecoder().decode(zip.subarray(at + nameAt, at + nameAt + view.getUint16(at + lengthAt, true))) === name;
  for (let at = 0; at < zip.length - 4; at++) {
    const signature = view.getUint32(at, true);
    // The uncompressed size in the local header (offset 22) and the central directory's entry (offset 24).
    if (signature === 0x04034b50 && named(at, 30, 26)) view.setUint32(at + 22, 1000, true);
    if (signature === 0x02014b50 && named(at, 46, 28)) view.setUint32(at + 24, 1000, true);
  }
  return zip;
}

export const utf8 = (text: string) => new TextEncoder().encode(text);
export const HTML_AS_PDF = utf8("<!doctype html><html><body><script>alert(document.cookie)</script></body></html>");
export const SVG = utf8('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>');
/** A PDF's header and end marker around nothing a PDF reader can open. */
export const DAMAGED_PDF = utf8("%PDF-1.7\nnot really a pdf\n%%EOF\n");
