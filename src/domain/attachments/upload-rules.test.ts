import { describe, expect, it } from "vitest";
import { checkFilename, checkSize } from "./upload-rules.ts";

const problem = (name: string) => {
  const r = checkFilename(name);
  return r.ok ? null : r.problem;
};

describe("an upload's name and size", () => {
  it("takes a plain name, Swedish letters and spaces included, in NFC", () => {
    expect(checkFilename("Anslutningsavtal signerat 2026.pdf")).toEqual({ ok: true, filename: "Anslutningsavtal signerat 2026.pdf" });
    expect(checkFilename("a\u0308rende.pdf")).toEqual({ ok: true, filename: "ärende.pdf" });
  });

  it("refuses a path, control characters, bidi overrides, an empty name and more than 255 characters", () => {
    expect(problem("../../etc/passwd")).toBe("filename_path");
    expect(problem("..\\boot.ini")).toBe("filename_path");
    expect(problem("..")).toBe("filename_path");
    expect(problem("avtal\u0000.pdf")).toBe("filename_control_characters");
    expect(problem("avtal\r\nX-Injected: 1.pdf")).toBe("filename_control_characters");
    expect(problem("faktura\u202Efdp.exe")).toBe("filename_control_characters");
    expect(problem("   ")).toBe("filename_missing");
    expect(problem(`${"a".repeat(496)}.pdf`)).toBe("filename_too_long");
    expect(problem(`${"ä".repeat(252)}.pdf`)).toBe("filename_too_long");
    expect(problem(`${"ä".repeat(251)}.pdf`)).toBeNull();
  });

  it("refuses an empty file and one over the limit", () => {
    expect(checkSize(0, 10)).toBe("empty_file");
    expect(checkSize(11, 10)).toBe("file_too_large");
    expect(checkSize(10, 10)).toBeNull();
  });
});
