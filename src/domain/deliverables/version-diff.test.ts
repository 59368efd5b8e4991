import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type DiffPart, diffText, diffVersions } from "./version-diff.ts";

/** The text each side reads: equal + delete is the earlier version, equal + insert the later. */
const earlier = (parts: DiffPart[]) =>
  parts
    .filter((p) => p.op !== "insert")
    .map((p) => p.text)
    .join("");
const later = (parts: DiffPart[]) =>
  parts
    .filter((p) => p.op !== "delete")
    .map((p) => p.text)
    .join("");

describe("comparing two versions of a document", () => {
  it("a word replaced is the deletion and insertion of that word only", () => {
    expect(diffText("Tjänsten ska vara klar i mars.", "Tjänsten ska vara klar i april.")).toEqual([
      { op: "equal", text: "Tjänsten ska vara klar i " },
      { op: "delete", text: "mars" },
      { op: "insert", text: "april" },
      { op: "equal", text: "." },
    ]);
  });

  it("an unchanged section is not changed and is one equal part", () => {
    const { sections } = diffVersions({ sectionIds: ["syfte"], from: { syfte: "Samma text." }, to: { syfte: "Samma text." } });
    expect(sections).toEqual([{ sectionId: "syfte", changed: false, parts: [{ op: "equal", text: "Samma text." }] }]);
  });

  it("a section written only in the later version is one insertion; one missing from a version counts as empty", () => {
    const { sections } = diffVersions({
      sectionIds: ["syfte", "risker", "tom"],
      from: { syfte: "Syfte.", risker: "" },
      to: { syfte: "Syfte.", risker: "Leveransen kan försenas." },
    });
    expect(sections).toEqual([
      { sectionId: "syfte", changed: false, parts: [{ op: "equal", text: "Syfte." }] },
      { sectionId: "risker", changed: true, parts: [{ op: "insert", text: "Leveransen kan försenas." }] },
      { sectionId: "tom", changed: false, parts: [] },
    ]);
  });

  it("a section emptied in the later version is one deletion", () => {
    const { sections } = diffVersions({ sectionIds: ["syfte"], from: { syfte: "Bort med detta." }, to: {} });
    expect(sections[0]).toEqual({ sectionId: "syfte", changed: true, parts: [{ op: "delete", text: "Bort med detta." }] });
  });

  it("keeps Swedish words whole: å, ä and ö are letters, not word breaks", () => {
    expect(diffText("Förvaltningsgruppen äger frågan.", "Förvaltningsgruppen övertar ärendet.")).toEqual([
      { op: "equal", text: "Förvaltningsgruppen " },
      { op: "delete", text: "äger frågan" },
      { op: "insert", text: "övertar ärendet" },
      { op: "equal", text: "." },
    ]);
  });

  it("follows the template's order, whatever order the versions keep their sections in", () => {
    const { sections } = diffVersions({ sectionIds: ["b", "a"], from: { a: "1", b: "2" }, to: { a: "1", b: "3" } });
    expect(sections.map((s) => [s.sectionId, s.changed])).toEqual([
      ["b", true],
      ["a", false],
    ]);
  });

  it("merges a run of changed words into one deletion and one insertion, spaces between them included", () => {
    expect(diffText("röd grön blå", "gul vit svart")).toEqual([
      { op: "delete", text: "röd grön blå" },
      { op: "insert", text: "gul vit svart" },
    ]);
  });

  it("keeps every character: the parts give both versions back, line breaks and Markdown included", () => {
    const before = "# Rubrik\n\n- ett\n- två\n\nSista  stycket,  med dubbla mellanslag.";
    const after = "# Ny rubrik\n\n- ett\n- tre\n- två\n\nSista stycket, med enkla mellanslag.\n";
    const parts = diffText(before, after);
    expect(earlier(parts)).toBe(before);
    expect(later(parts)).toBe(after);
    for (const [i, p] of parts.entries()) {
      expect(p.text).not.toBe("");
      if (i > 0) expect(p.op === "equal" && parts[i - 1]?.op === "equal").toBe(false);
    }
  });

  it("gives both texts back from any two texts of words, spaces and line breaks, with no empty or doubled parts", () => {
    const token = fc.constantFrom("och", "år", "ö", "Mina", "meddelanden", " ", "  ", "\n", "\n\n", ".", ",", "- ", "|", "\t");
    const text = fc.array(token, { maxLength: 40 }).map((t) => t.join(""));
    fc.assert(
      fc.property(text, text, (before, after) => {
        const parts = diffText(before, after);
        expect(earlier(parts)).toBe(before);
        expect(later(parts)).toBe(after);
        for (const [i, p] of parts.entries()) {
          expect(p.text).not.toBe("");
          expect(p.op === parts[i - 1]?.op).toBe(false);
        }
      }),
    );
  });

  it("shows two entirely different sections at the input's size limit as replaced whole instead of diffing word by word", () => {
    // The worst case EditSectionsInput lets in: 100,000 characters each, no word in common.
    const before = "a ".repeat(50_000);
    const after = "b ".repeat(50_000);
    const parts = diffText(before, after);
    expect(parts).toEqual([
      { op: "delete", text: before.trimEnd() },
      { op: "insert", text: after.trimEnd() },
      { op: "equal", text: " " },
    ]);
  });

  it("still diffs word by word when a long section has a few changes", () => {
    const words = Array.from({ length: 10_000 }, (_, i) => `ord${i}`);
    const before = words.join(" ");
    const after = words.map((w, i) => (i % 1000 === 500 ? "ändrat" : w)).join(" ");
    const parts = diffText(before, after);
    expect(parts.filter((p) => p.op === "insert")).toHaveLength(10);
    expect(earlier(parts)).toBe(before);
    expect(later(parts)).toBe(after);
  });
});
