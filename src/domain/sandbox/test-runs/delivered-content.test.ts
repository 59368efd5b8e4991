import { describe, expect, it } from "vitest";
import { attachmentDisposition, bodyDocument, isPdfContent, safeFilename, storedAttachments } from "./delivered-content.ts";

describe("delivered content made safe to serve", () => {
  it("keeps only the last part of a file name, without control or quoting characters", () => {
    expect(safeFilename("beslut.pdf", 0)).toBe("beslut.pdf");
    expect(safeFilename("..\\..\\windows\\system.ini", 0)).toBe("system.ini");
    expect(safeFilename('a"b\r\nc;d.pdf', 0)).toBe("abcd.pdf");
    expect(safeFilename("...hidden", 0)).toBe("hidden");
    expect(safeFilename("../", 2)).toBe("bilaga-3");
    expect(Array.from(safeFilename("å".repeat(300), 0))).toHaveLength(120);
  });

  it("names a download in ASCII and, with filename*, as sent", () => {
    expect(attachmentDisposition("Beslut för Åsa.pdf")).toBe(
      `attachment; filename="Beslut for Asa.pdf"; filename*=UTF-8''Beslut%20f%C3%B6r%20%C3%85sa.pdf`,
    );
  });

  it("tells a PDF by its first bytes, not its name", () => {
    expect(isPdfContent(Buffer.from("%PDF-1.4 …"))).toBe(true);
    expect(isPdfContent(Buffer.from(" %PDF-1.4"))).toBe(false);
    expect(isPdfContent(Buffer.alloc(0))).toBe(false);
  });

  it("passes HTML through and wraps any other body as escaped text", () => {
    const html = Buffer.from("<p>Hej</p>");
    expect(bodyDocument("text/html; charset=UTF-8", html, "x")).toBe(html);
    const text = bodyDocument("text/plain", Buffer.from("<script>alert(1)</script>"), "<Rubrik>").toString();
    expect(text).toContain("<pre>&lt;script&gt;alert(1)&lt;/script&gt;</pre>");
    expect(text).toContain("<title>&lt;Rubrik&gt;</title>");
  });

  it("reads stored attachments leniently: anything unexpected is no attachment", () => {
    expect(storedAttachments(null)).toEqual([]);
    expect(storedAttachments([{ filename: "a.pdf", contentType: "application/pdf", checksum: "c", base64: "QQ==" }])).toHaveLength(1);
  });
});
