import { unzipSync, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import {
  HTML_AS_PDF,
  JPEG,
  lyingZipBombDocx,
  PNG,
  SVG,
  sampleDocx,
  samplePdf,
  sampleXlsx,
  utf8,
  zipBombDocx,
} from "../../attachments/testing/sample-files.ts";
import { DEFAULT_ZIP_LIMITS, detectAttachmentType, measureZip } from "./attachment-type.ts";

const kindOf = (bytes: Uint8Array, limits = DEFAULT_ZIP_LIMITS) => {
  const r = detectAttachmentType(bytes, limits);
  return r.ok ? r.kind : r.refusal.code;
};

describe("an attachment's type, told by its bytes", () => {
  it("knows the five kinds it takes", async () => {
    expect(kindOf(await samplePdf())).toBe("pdf");
    expect(kindOf(await sampleDocx())).toBe("docx");
    expect(kindOf(await sampleXlsx())).toBe("xlsx");
    expect(kindOf(PNG)).toBe("png");
    expect(kindOf(JPEG)).toBe("jpeg");
    expect(detectAttachmentType(await sampleDocx())).toMatchObject({
      contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    });
  });

  it("refuses HTML and scripts however they are named, SVG, plain text and a PDF header without a PDF", () => {
    expect(kindOf(HTML_AS_PDF)).toBe("unsupported_type");
    expect(kindOf(SVG)).toBe("unsupported_type");
    expect(kindOf(utf8("#!/bin/sh\nrm -rf /\n"))).toBe("unsupported_type");
    expect(kindOf(utf8("%PDF-1.7\n<html><script>alert(1)</script></html>"))).toBe("unsupported_type");
    expect(kindOf(new Uint8Array([0x89, 0x50, 0x4e, 0x47]))).toBe("unsupported_type");
  });

  it("refuses a ZIP that is no Word or Excel file, a damaged one, and a macro-enabled one", async () => {
    expect(kindOf(zipSync({ "readme.txt": utf8("hej") }))).toBe("unsupported_type");
    const docx = await sampleDocx();
    expect(kindOf(docx.subarray(0, docx.length - 30))).toBe("unsupported_type");
    const entries = unzipSync(docx);
    entries["word/vbaProject.bin"] = utf8("macro");
    expect(kindOf(zipSync(entries))).toBe("unsupported_type");
    // word/document.xml declared but missing.
    const noMain = unzipSync(docx);
    delete noMain["word/document.xml"];
    expect(kindOf(zipSync(noMain))).toBe("unsupported_type");
  });

  it("refuses a zip bomb from the central directory, by ratio, total size or number of entries", async () => {
    expect(kindOf(await zipBombDocx())).toBe("zip_bomb");
    const docx = await sampleDocx();
    expect(kindOf(docx, { ...DEFAULT_ZIP_LIMITS, maxTotalUncompressed: 1000 })).toBe("zip_bomb");
    expect(kindOf(docx, { ...DEFAULT_ZIP_LIMITS, maxEntries: 2 })).toBe("zip_bomb");
    expect(kindOf(docx, { ...DEFAULT_ZIP_LIMITS, maxContentTypesBytes: 10 })).toBe("zip_bomb");
  });

  it("finds a zip bomb whose headers lie by unpacking it, counting bytes and stopping at the limit", async () => {
    const bomb = await lyingZipBombDocx(4);
    expect(kindOf(bomb)).toBe("docx");
    const limits = { ...DEFAULT_ZIP_LIMITS, maxTotalUncompressed: 1024 * 1024 };
    expect(measureZip(bomb, limits)).toMatchObject({ code: "zip_bomb" });
    expect(measureZip(await sampleDocx(), limits)).toBeNull();
    expect(measureZip(await sampleXlsx(), limits)).toBeNull();
  });

  it("unpacks at most 16 KB of [Content_Types].xml on the event loop, whatever its headers claim", async () => {
    const withContentTypes = async (padding: number, claim?: number) => {
      const entries = unzipSync(await sampleDocx());
      const name = "[Content_Types].xml";
      const xml = new TextDecoder().decode(entries[name]);
      entries[name] = utf8(`${xml}<!--${" ".repeat(padding)}-->`);
      const zip = zipSync(entries, { level: 9 });
      if (claim !== undefined) claimSize(zip, name, claim);
      return zip;
    };
    expect(kindOf(await withContentTypes(1000))).toBe("docx");
    expect(kindOf(await withContentTypes(20 * 1024))).toBe("zip_bomb");
    // 8 MB that say they are 1,000 bytes: refused once 16 KB have come out, not unpacked whole.
    expect(kindOf(await withContentTypes(8 * 1024 * 1024, 1000))).toBe("zip_bomb");
  });
});

/** Makes a ZIP's local header and central directory claim `size` unpacked bytes for the entry `name`. */
function claimSize(zip: Uint8Array, name: string, size: number) {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const named = (at: number, nameAt: number, lengthAt: number) =>
    new TextDecoder().decode(zip.subarray(at + nameAt, at + nameAt + view.getUint16(at + lengthAt, true))) === name;
  for (let at = 0; at < zip.length - 4; at++) {
    const signature = view.getUint32(at, true);
    if (signature === 0x04034b50 && named(at, 30, 26)) view.setUint32(at + 22, size, true);
    if (signature === 0x02014b50 && named(at, 46, 28)) view.setUint32(at + 24, size, true);
  }
}
