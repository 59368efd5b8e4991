import { Unzip, type UnzipFileInfo, UnzipInflate, unzipSync } from "fflate";

/**
 * What an uploaded file is, told by its bytes alone: never by its name or the Content-Type the
 * client sent, which anyone can set. Only the five kinds people attach to a document or a decision
 * are taken (PDF, DOCX, XLSX, PNG, JPEG); anything else, HTML and SVG among it, is refused, so no
 * stored file can ever be served as something a browser would run.
 */

export const ATTACHMENT_TYPES = {
  pdf: { contentType: "application/pdf", extension: "pdf" },
  docx: { contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", extension: "docx" },
  xlsx: { contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", extension: "xlsx" },
  png: { contentType: "image/png", extension: "png" },
  jpeg: { contentType: "image/jpeg", extension: "jpg" },
} as const;

export type AttachmentKind = keyof typeof ATTACHMENT_TYPES;
export type AttachmentContentType = (typeof ATTACHMENT_TYPES)[AttachmentKind]["contentType"];

/**
 * How much a DOCX or XLSX may unpack to, read from its ZIP central directory before anything is
 * unpacked. A zip bomb (a few kilobytes that unpack to gigabytes) fails one of these.
 */
export type ZipLimits = {
  maxEntries: number;
  /** All entries together, as the central directory declares them. */
  maxTotalUncompressed: number;
  /** Unpacked ÷ packed for any entry over `ratioFloor` bytes: XML packs 10–20×, a bomb over 1,000×. */
  maxRatio: number;
  ratioFloor: number;
  /**
   * [Content_Types].xml, the one entry unpacked on the event loop: a real one is a few kilobytes.
   * Counted as it unpacks, so a header claiming less is no way past it.
   */
  maxContentTypesBytes: number;
};

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxEntries: 2000,
  maxTotalUncompressed: 200 * 1024 * 1024,
  maxRatio: 100,
  ratioFloor: 1024 * 1024,
  maxContentTypesBytes: 16 * 1024,
};

export type TypeRefusal =
  /** Not one of the five kinds (HTML, SVG, a script, an EXE, a ZIP that is no Word or Excel file …). */
  | { code: "unsupported_type"; detail: string }
  /** A DOCX or XLSX whose ZIP would unpack to more than the limits allow. */
  | { code: "zip_bomb"; detail: string };

/**
 * A PDF by its header that the PDF reader cannot open (damaged, or too costly to read within its
 * budget), or one longer than the page limit: the decision package could not append it.
 */
export type PdfRefusal = { code: "pdf_unreadable"; detail: string } | { code: "pdf_too_many_pages"; detail: string };

export type TypeReading = { ok: true; kind: AttachmentKind; contentType: AttachmentContentType } | { ok: false; refusal: TypeRefusal };

const startsWith = (bytes: Uint8Array, magic: readonly number[], at = 0) => magic.every((b, i) => bytes[at + i] === b);
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

const PDF_MAGIC = ascii("%PDF-");
const PDF_EOF = ascii("%%EOF");
const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const PNG_IHDR = ascii("IHDR");
const JPEG_MAGIC = [0xff, 0xd8, 0xff];
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

const WORD_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";
const EXCEL_MAIN = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";

const found = (kind: AttachmentKind): TypeReading => ({ ok: true, kind, contentType: ATTACHMENT_TYPES[kind].contentType });
const refused = (code: TypeRefusal["code"], detail: string): TypeReading => ({ ok: false, refusal: { code, detail } });

/** A PDF starts with its header and ends with %%EOF (readers look for it in the last 1,024 bytes). */
function isPdf(bytes: Uint8Array): boolean {
  if (!startsWith(bytes, PDF_MAGIC)) return false;
  const tail = bytes.subarray(Math.max(0, bytes.length - 1024));
  for (let i = tail.length - PDF_EOF.length; i >= 0; i--) if (startsWith(tail, PDF_EOF, i)) return true;
  return false;
}

export function detectAttachmentType(bytes: Uint8Array, limits: ZipLimits = DEFAULT_ZIP_LIMITS): TypeReading {
  if (isPdf(bytes)) return found("pdf");
  if (startsWith(bytes, PNG_MAGIC) && startsWith(bytes, PNG_IHDR, 12)) return found("png");
  if (startsWith(bytes, JPEG_MAGIC)) return found("jpeg");
  if (startsWith(bytes, ZIP_MAGIC)) return officeKind(bytes, limits);
  return refused("unsupported_type", "not a PDF, DOCX, XLSX, PNG or JPEG file");
}

/**
 * A DOCX or an XLSX, told by the package's [Content_Types].xml and its main part. The entries are
 * listed from the central directory (fflate) without unpacking any; only [Content_Types].xml is
 * unpacked, and only up to its limit, counted as it comes out. Macro-enabled files (.docm,
 * .xlsm, a vbaProject.bin) are not Word or Excel documents here.
 */
function officeKind(bytes: Uint8Array, limits: ZipLimits): TypeReading {
  const entries: UnzipFileInfo[] = [];
  try {
    unzipSync(bytes, {
      filter: (entry) => {
        entries.push(entry);
        return false;
      },
    });
  } catch (error) {
    return refused("unsupported_type", `a damaged ZIP file: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (entries.length > limits.maxEntries) return refused("zip_bomb", `${entries.length} ZIP entries, at most ${limits.maxEntries}`);
  let total = 0;
  for (const entry of entries) {
    total += entry.originalSize;
    const ratio = entry.originalSize / Math.max(1, entry.size);
    if (entry.originalSize > limits.ratioFloor && ratio > limits.maxRatio) {
      return refused("zip_bomb", `${entry.name} unpacks ${Math.round(ratio)}× (${entry.originalSize} bytes), at most ${limits.maxRatio}×`);
    }
  }
  if (total > limits.maxTotalUncompressed) {
    return refused("zip_bomb", `the entries unpack to ${total} bytes, at most ${limits.maxTotalUncompressed}`);
  }
  const names = new Set(entries.map((e) => e.name));
  if ([...names].some((n) => /(^|\/)vbaProject\.bin$/i.test(n))) return refused("unsupported_type", "a macro-enabled Office file");
  const types = entries.find((e) => e.name === "[Content_Types].xml");
  if (!types) return refused("unsupported_type", "a ZIP file that is no Word or Excel document");
  if (types.originalSize > limits.maxContentTypesBytes || types.size > limits.maxContentTypesBytes) {
    return refused("zip_bomb", `[Content_Types].xml unpacks to ${types.originalSize} bytes`);
  }
  const read = contentTypes(bytes, limits.maxContentTypesBytes);
  if ("refusal" in read) return { ok: false, refusal: read.refusal };
  const text = read.text;
  const overrides = new Map<string, string>();
  for (const [element] of text.matchAll(/<Override\b[^>]*>/g)) {
    const part = /\bPartName=["']([^"']*)["']/.exec(element)?.[1];
    const type = /\bContentType=["']([^"']*)["']/.exec(element)?.[1];
    if (part && type) overrides.set(part, type);
  }
  const declares = (mediaType: string, part: string) => names.has(part) && overrides.get(`/${part}`) === mediaType;
  if (declares(WORD_MAIN, "word/document.xml")) return found("docx");
  if (declares(EXCEL_MAIN, "xl/workbook.xml")) return found("xlsx");
  return refused("unsupported_type", "a ZIP file that is no Word document (.docx) or Excel workbook (.xlsx)");
}

/**
 * [Content_Types].xml unpacked in small pieces and stopped as soon as more than `limit` bytes have
 * come out: its headers' sizes are only what the file claims. No other entry is unpacked.
 */
function contentTypes(bytes: Uint8Array, limit: number): { text: string } | { refusal: TypeRefusal } {
  const chunks: Uint8Array[] = [];
  let total = 0;
  let done = false;
  let refusal: TypeRefusal | null = null;
  const unzip = new Unzip((file) => {
    if (file.name !== "[Content_Types].xml" || done || refusal) return;
    file.ondata = (error, chunk, final) => {
      if (refusal) return;
      if (error) {
        refusal = { code: "unsupported_type", detail: `a damaged [Content_Types].xml: ${error.message}` };
        return;
      }
      total += chunk.length;
      if (total > limit) {
        refusal = { code: "zip_bomb", detail: `[Content_Types].xml unpacks to more than ${limit} bytes` };
        file.terminate();
        return;
      }
      chunks.push(chunk);
      if (final) done = true;
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  // Small pieces: deflate unpacks at most about 1,000× a piece, so one piece cannot come out large.
  const CHUNK = 256;
  try {
    for (let offset = 0; offset < bytes.length && !done && !refusal; offset += CHUNK) {
      unzip.push(bytes.subarray(offset, offset + CHUNK), offset + CHUNK >= bytes.length);
    }
  } catch (error) {
    refusal ??= { code: "unsupported_type", detail: `a damaged ZIP file: ${error instanceof Error ? error.message : String(error)}` };
  }
  if (refusal) return { refusal };
  if (!done) return { refusal: { code: "unsupported_type", detail: "a ZIP file whose [Content_Types].xml cannot be read" } };
  const text = new TextDecoder("utf-8", { fatal: false }).decode(Buffer.concat(chunks));
  return { text };
}

/**
 * What a DOCX or XLSX really unpacks to, entry by entry, counted as it streams and stopped at the
 * limit: the central directory's sizes are what the file claims, and a bomb can claim little. This
 * unpacks everything (up to `maxTotalUncompressed`), so it runs on a worker thread with a time
 * budget (src/http/routes/attachments/zip-check-runner.ts), never on the event loop.
 */
export function measureZip(bytes: Uint8Array, limits: ZipLimits = DEFAULT_ZIP_LIMITS): TypeRefusal | null {
  let total = 0;
  let refusal: TypeRefusal | null = null;
  const unzip = new Unzip((file) => {
    file.ondata = (error, chunk) => {
      if (refusal) return;
      if (error) {
        refusal = { code: "unsupported_type", detail: `a damaged ZIP entry ${file.name}: ${error.message}` };
        return;
      }
      total += chunk.length;
      if (total > limits.maxTotalUncompressed) {
        refusal = { code: "zip_bomb", detail: `the entries unpack to more than ${limits.maxTotalUncompressed} bytes` };
        file.terminate();
      }
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  // Small pieces, so a bomb is stopped soon after it passes the limit rather than after its whole entry.
  const CHUNK = 1024;
  try {
    for (let offset = 0; offset < bytes.length && !refusal; offset += CHUNK) {
      unzip.push(bytes.subarray(offset, offset + CHUNK), offset + CHUNK >= bytes.length);
    }
  } catch (error) {
    return refusal ?? { code: "unsupported_type", detail: `a damaged ZIP file: ${error instanceof Error ? error.message : String(error)}` };
  }
  return refusal;
}
