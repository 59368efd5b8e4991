import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { inflateSync } from "node:zlib";
import { DOMParser } from "@xmldom/xmldom";
import { PDFArray, PDFDict, type PDFDocument, PDFHexString, PDFName, type PDFObject, PDFRef, PDFString } from "pdf-lib";

/** Reading a produced PDF in tests: its streams, its XMP packet, what poppler's pdfinfo says, its structure tree. */

/** Every Flate stream of a PDF, decompressed, so fonts and character maps can be read. */
export function pdfStreams(pdf: Buffer): string[] {
  const text = pdf.toString("latin1");
  const streams: string[] = [];
  for (const match of text.matchAll(/stream\r?\n/g)) {
    const start = (match.index ?? 0) + match[0].length;
    const end = text.indexOf("endstream", start);
    try {
      streams.push(inflateSync(pdf.subarray(start, end)).toString("latin1"));
    } catch {
      // Not every stream is Flate (or it has trailing end-of-line bytes that zlib tolerates anyway).
    }
  }
  return streams;
}

/** The XMP packet, parsed: it must be well-formed XML, stored compressed or not. */
export function xmpOf(pdf: Buffer) {
  const packet = [pdf.toString("latin1"), ...pdfStreams(pdf)]
    .map((text) => /<\?xpacket begin[\s\S]*?<\?xpacket end="w"\?>/.exec(text)?.[0])
    .find((found) => found !== undefined);
  if (!packet) throw new Error("no XMP packet in the PDF");
  const xml = Buffer.from(packet, "latin1").toString("utf8");
  const document = new DOMParser({
    onError: (level, message) => {
      if (level !== "warning") throw new Error(`XMP is not well-formed: ${message}`);
    },
  }).parseFromString(xml, "text/xml");
  const values = (namespace: string, name: string) =>
    Array.from(document.getElementsByTagNameNS(namespace, name)).map((element) => element.textContent?.trim());
  return { xml, values };
}

export const NS = {
  dc: "http://purl.org/dc/elements/1.1/",
  xmp: "http://ns.adobe.com/xap/1.0/",
  pdf: "http://ns.adobe.com/pdf/1.3/",
  pdfuaid: "http://www.aiim.org/pdfua/ns/id/",
};

/**
 * What poppler's pdfinfo reads from a PDF, as its "Key: value" lines, dates in ISO 8601 and UTC.
 * Without pdfinfo the test fails, never skips (npm run test:unit installs Debian's poppler-utils).
 */
export function pdfinfo(pdf: Buffer): Record<string, string> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "ansluta-pdfinfo-"));
  let out: string;
  try {
    const file = path.join(dir, "document.pdf");
    writeFileSync(file, pdf);
    out = execFileSync("pdfinfo", ["-isodates", file], { encoding: "utf8", env: { ...process.env, TZ: "UTC" } });
  } catch (error) {
    throw new Error(`pdfinfo failed (install Debian's poppler-utils: apt-get install poppler-utils): ${String(error)}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return Object.fromEntries(
    out
      .split("\n")
      .map((line) => /^([^:]+):\s*(.*)$/.exec(line))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => [m[1] ?? "", m[2] ?? ""]),
  );
}

/** The PDF's text as poppler's pdftotext reads it, in reading order (fails, never skips, without poppler-utils). */
export function pdfText(pdf: Buffer): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "ansluta-pdftotext-"));
  try {
    const file = path.join(dir, "document.pdf");
    writeFileSync(file, pdf);
    return execFileSync("pdftotext", ["-enc", "UTF-8", file, "-"], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The outline (bookmarks) as "title" lines, children indented by two spaces under their parent, from the catalog's /Outlines. */
export function outlineTitles(pdf: PDFDocument): string[] {
  const lines: string[] = [];
  const root = pdf.catalog.lookupMaybe(PDFName.of("Outlines"), PDFDict);
  const walk = (first: PDFObject | undefined, depth: number) => {
    let at = first instanceof PDFRef ? pdf.context.lookup(first, PDFDict) : undefined;
    while (at) {
      const title = at.get(PDFName.of("Title"));
      const text = title instanceof PDFString || title instanceof PDFHexString ? title.decodeText() : "?";
      lines.push(`${"  ".repeat(depth)}${text}`);
      walk(at.get(PDFName.of("First")), depth + 1);
      const next = at.get(PDFName.of("Next"));
      at = next instanceof PDFRef ? pdf.context.lookup(next, PDFDict) : undefined;
    }
  };
  walk(root?.get(PDFName.of("First")), 0);
  return lines;
}

/** The structure elements' types, depth-first from the StructTreeRoot: the reading order a screen reader follows. */
export function structureTypes(pdf: PDFDocument): string[] {
  const types: string[] = [];
  const walk = (node: PDFObject | undefined): void => {
    const value = node instanceof PDFRef ? pdf.context.lookup(node) : node;
    if (value instanceof PDFArray) {
      for (const kid of value.asArray()) walk(kid);
    } else if (value instanceof PDFDict) {
      const type = value.get(PDFName.of("S"));
      if (type instanceof PDFName) types.push(type.decodeText());
      walk(value.get(PDFName.of("K")));
    }
  };
  walk(pdf.catalog.lookup(PDFName.of("StructTreeRoot"), PDFDict).get(PDFName.of("K")));
  return types;
}
