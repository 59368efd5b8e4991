import type { Block } from "./document-model.ts";

/**
 * The little Markdown a section text uses, read as structure and never as HTML: blank lines
 * separate paragraphs, lines starting "- " or "* " are bullet items, "#" lines are sub-headings
 * (level 3, under the section's own level-2 heading), and pipe tables as GitHub writes them are
 * tables. Lines within a paragraph or after a bullet item continue it, as in Markdown.
 *
 * A table is a header row and a delimiter row (`|---|:--:|`) with as many cells, then the rows up
 * to a blank line or a line without a pipe; a row with fewer cells is filled with empty ones and
 * one with more is cut, as GitHub does. Anything short of that — a lone row, a delimiter with
 * another number of cells — stays text, so a broken table reads as what was typed.
 */
export function markdownBlocks(text: string): Block[] {
  const lines = text.split(/\r\n?|\n/).map((l) => l.trim());
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  let items: string[] = [];
  const flush = () => {
    if (paragraph.length) blocks.push({ kind: "paragraph", text: paragraph.join(" ") });
    if (items.length) blocks.push({ kind: "list", items });
    paragraph = [];
    items = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    const table = tableAt(lines, i);
    if (table) {
      flush();
      blocks.push(table.block);
      i = table.end - 1;
      continue;
    }
    const heading = /^#{1,6}\s+(.*?)(?:\s+#+)?$/.exec(line);
    const item = /^[-*]\s+(.*)$/.exec(line);
    if (!line) {
      flush();
    } else if (heading?.[1]) {
      flush();
      blocks.push({ kind: "heading", level: 3, text: heading[1] });
    } else if (item?.[1]) {
      if (paragraph.length) flush();
      items.push(item[1]);
    } else if (items.length) {
      items[items.length - 1] = `${items[items.length - 1]} ${line}`;
    } else {
      paragraph.push(line);
    }
  }
  flush();
  return blocks;
}

/** A row's cells: split on pipes not escaped with a backslash, the outer pipes optional, each trimmed. */
function cellsOf(line: string): string[] {
  const inner = line.replace(/^\|/, "").replace(/(?<!\\)\|$/, "");
  return inner.split(/(?<!\\)\|/).map((c) => c.trim().replaceAll("\\|", "|"));
}

const DELIMITER_CELL = /^:?-+:?$/;

/** The table starting at line `start`, and the line after it; undefined when no table starts there. */
function tableAt(lines: readonly string[], start: number): { block: Extract<Block, { kind: "table" }>; end: number } | undefined {
  const headerLine = lines[start] ?? "";
  const delimiterLine = lines[start + 1] ?? "";
  if (!headerLine.includes("|") || !delimiterLine.includes("|")) return undefined;
  const header = cellsOf(headerLine);
  const delimiter = cellsOf(delimiterLine);
  if (delimiter.length !== header.length || !delimiter.every((c) => DELIMITER_CELL.test(c))) return undefined;
  const rows: string[][] = [];
  let end = start + 2;
  for (; end < lines.length; end++) {
    const line = lines[end] ?? "";
    if (!line.includes("|")) break;
    const cells = cellsOf(line);
    rows.push(header.map((_, c) => cells[c] ?? ""));
  }
  return { block: { kind: "table", header, rows }, end };
}
