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
  | { kind: "table"; header: readonly string[]; rows: readonly (readonly string[])[] };

export type DocumentModel = {
  /** Shown as the level-1 heading and written as the file's title. */
  title: string;
  language: DocumentLanguage;
  /** Written into the file's properties (subject, author), not shown in the text. */
  subject?: string | undefined;
  author?: string | undefined;
  /** Short lines shown under the title, such as what the document belongs to. */
  metadata: readonly string[];
  blocks: readonly Block[];
};

export type Renderer = (doc: DocumentModel) => Promise<Buffer>;
