import { describe, expect, it } from "vitest";
import { markdownBlocks } from "./markdown-blocks.ts";

describe("section Markdown", () => {
  it("splits paragraphs on blank lines and joins the lines within one", () => {
    expect(markdownBlocks("Första raden\nandra raden\n\n\nNytt stycke")).toEqual([
      { kind: "paragraph", text: "Första raden andra raden" },
      { kind: "paragraph", text: "Nytt stycke" },
    ]);
  });

  it("reads '- ' and '* ' lines as one bullet list, with continuation lines joined to their item", () => {
    expect(markdownBlocks("Inledning\n- ett\n* två\n  fortsätter\n\nSlut")).toEqual([
      { kind: "paragraph", text: "Inledning" },
      { kind: "list", items: ["ett", "två fortsätter"] },
      { kind: "paragraph", text: "Slut" },
    ]);
  });

  it("reads # lines as level-3 sub-headings, whatever their depth", () => {
    expect(markdownBlocks("# Bakgrund\nText\n### Detaljer ###")).toEqual([
      { kind: "heading", level: 3, text: "Bakgrund" },
      { kind: "paragraph", text: "Text" },
      { kind: "heading", level: 3, text: "Detaljer" },
    ]);
  });

  it("keeps markup and CRLF text as plain text", () => {
    expect(markdownBlocks("<b>fet</b> & #ingen rubrik\r\n-inte en punkt")).toEqual([
      { kind: "paragraph", text: "<b>fet</b> & #ingen rubrik -inte en punkt" },
    ]);
    expect(markdownBlocks("  \n\n")).toEqual([]);
  });

  it("reads a pipe table: header, delimiter (with alignment colons) and rows up to a blank line", () => {
    expect(markdownBlocks("Volymer:\n| Flöde | Brev per år |\n|---|:---:|\n| Bygglov | 12 000 |\n| Kallelser | 3 500 |\n\nSlut")).toEqual([
      { kind: "paragraph", text: "Volymer:" },
      {
        kind: "table",
        header: ["Flöde", "Brev per år"],
        rows: [
          ["Bygglov", "12 000"],
          ["Kallelser", "3 500"],
        ],
      },
      { kind: "paragraph", text: "Slut" },
    ]);
  });

  it("reads rows without outer pipes, pads short rows, cuts long ones, keeps escaped pipes and ends at a line without one", () => {
    expect(markdownBlocks("a | b\n--|--\n1 |\n2 | 3 | 4\nx \\| y | z\nefter")).toEqual([
      {
        kind: "table",
        header: ["a", "b"],
        rows: [
          ["1", ""],
          ["2", "3"],
          ["x | y", "z"],
        ],
      },
      // A line without a pipe ends the table.
      { kind: "paragraph", text: "efter" },
    ]);
  });

  it("leaves a broken table as the text that was typed", () => {
    // No delimiter row; a delimiter with another number of cells; a delimiter of other characters.
    expect(markdownBlocks("| a | b |\n| 1 | 2 |")).toEqual([{ kind: "paragraph", text: "| a | b | | 1 | 2 |" }]);
    expect(markdownBlocks("| a | b |\n|---|\n| 1 | 2 |")).toEqual([{ kind: "paragraph", text: "| a | b | |---| | 1 | 2 |" }]);
    expect(markdownBlocks("| a |\n| x |")).toEqual([{ kind: "paragraph", text: "| a | | x |" }]);
  });

  it("reads 10,000 nested list levels and a 10,000-row table without running away", () => {
    const nested = Array.from({ length: 10_000 }, (_, i) => `${"  ".repeat(i)}- nivå ${i}`).join("\n");
    expect(markdownBlocks(nested)).toEqual([{ kind: "list", items: Array.from({ length: 10_000 }, (_, i) => `nivå ${i}`) }]);
    const rows = Array.from({ length: 10_000 }, (_, i) => `| ${i} | x |`).join("\n");
    const [table] = markdownBlocks(`| n | v |\n|---|---|\n${rows}`);
    expect(table?.kind === "table" && table.rows.length).toBe(10_000);
  });
});
