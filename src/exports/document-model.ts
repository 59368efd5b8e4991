import type { MatrixCell } from "../domain/risks/risk-score.ts";

/**
 * One document model for every export: what a document says and how it is structured, never how
 * it looks. The DOCX and PDF renderers turn it into files whose headings, lists and tables keep
 * their meaning for screen readers, so a producer builds this and gets both formats.
 */

/** The document's language, written into the file so assistive technology reads it right. */
export type DocumentLanguage = "sv-SE" | "en-GB";

export type HeadingLevel = 1 | 2 | 3;

/** Plain text only: producers never pass markup through, so nothing needs escaping downstream. */
export type Block =
  | { kind: "heading"; level: HeadingLevel; text: string }
  | { kind: "paragraph"; text: string }
  | { kind: "list"; items: readonly string[] }
  /** Every table has a header row: readers announce each cell with its column's name. */
  | { kind: "table"; header: readonly string[]; rows: readonly (readonly string[])[] }
  /**
   * A picture (a chart drawn for the file): PNG bytes, its size in CSS pixels at which it is shown,
   * and the text alternative a screen reader reads instead (a Figure's Alt in the PDF, the picture's
   * description in Word).
   */
  | { kind: "image"; png: Uint8Array; width: number; height: number; alt: string }
  /** What follows starts on a new page: a package's next document. */
  | { kind: "pageBreak" };

/**
 * A chart as data, not as a picture: the page draws it as SVG and an export as an image, both from
 * this; the table beside it in the document carries every figure. The risk matrix lists its rows from
 * probability 5 down to 1 and in each its columns from consequence 1 to 5, with the open risks counted.
 */
export type DocumentChart =
  | { type: "tornado"; baseNpv: number; rows: readonly { label: string; npvDown: number; npvUp: number }[] }
  | { type: "riskMatrix"; cells: readonly (readonly MatrixCell[])[] };

/** A chart with its title and its text alternative: what a producer writes where a chart belongs. */
export type ChartBlock = { kind: "chart"; title: string; alt: string; chart: DocumentChart };

/** A document as producers write it: charts still as data, for the page or an export to draw. */
export type DocumentDraft = Omit<DocumentModel, "blocks"> & { blocks: readonly (Block | ChartBlock)[] };

export type DocumentModel = {
  /** Shown as the level-1 heading and written as the file's title. */
  title: string;
  language: DocumentLanguage;
  /** Written into the file's properties (subject, author), not shown in the text. */
  subject?: string | undefined;
  author?: string | undefined;
  /** When the document was made (exported, generated), written into the file's properties; the moment it is rendered if not given. */
  createdAt?: Date | undefined;
  /** Short lines shown under the title, such as what the document belongs to. */
  metadata: readonly string[];
  blocks: readonly Block[];
  /**
   * Bookmarks for a long file made of parts (a decision package): the PDF gets an outline entry for
   * the title and every heading, nested by level. Word builds its navigation pane from the heading
   * styles the DOCX always has, so only the PDF reads this.
   */
  outline?: boolean | undefined;
};

export type Renderer = (doc: DocumentModel) => Promise<Buffer>;
