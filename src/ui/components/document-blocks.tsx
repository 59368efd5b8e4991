import { Heading, Paragraph, Table } from "@digdir/designsystemet-react";
import type { Block, ChartBlock } from "../../exports/document-model.ts";
import type { Locale } from "../../i18n/index.ts";
import { DocumentChart } from "../charts/document-chart.tsx";
import { ScrollableTable } from "./scrollable-table.tsx";

/**
 * Blocks of the export's document model as page HTML, so a page and its DOCX/PDF show the same
 * structure. Plain text only (the model never carries markup). A table takes the heading just before
 * it as its caption, for screen readers; its first column names the row.
 */
export function DocumentBlocks({
  blocks,
  idPrefix,
  locale,
}: {
  blocks: readonly (Block | ChartBlock)[];
  idPrefix: string;
  locale: Locale;
}) {
  let lastHeading = "";
  return (
    <>
      {blocks.map((block, i) => {
        const key = `${idPrefix}-${i}`;
        switch (block.kind) {
          case "heading":
            lastHeading = block.text;
            return (
              <Heading key={key} level={block.level === 1 ? 2 : block.level} data-size={block.level <= 2 ? "sm" : "xs"} id={key}>
                {block.text}
              </Heading>
            );
          case "paragraph":
            return (
              <Paragraph key={key} data-size="sm">
                {block.text}
              </Paragraph>
            );
          case "list":
            return (
              <ul key={key}>
                {block.items.map((item, j) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: the list is rendered once, never reordered.
                  <li key={j}>{item}</li>
                ))}
              </ul>
            );
          case "table":
            return (
              <ScrollableTable key={key} caption={lastHeading || block.header.join(", ")}>
                <Table.Head>
                  <Table.Row>
                    {block.header.map((h) => (
                      <Table.HeaderCell key={h}>{h}</Table.HeaderCell>
                    ))}
                  </Table.Row>
                </Table.Head>
                <Table.Body>
                  {block.rows.map((row, r) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: rows are rendered once, never reordered.
                    <Table.Row key={r}>
                      {row.map((cell, c) =>
                        c === 0 ? (
                          // biome-ignore lint/suspicious/noArrayIndexKey: cells are positional.
                          <Table.HeaderCell key={c} scope="row">
                            {cell}
                          </Table.HeaderCell>
                        ) : (
                          // biome-ignore lint/suspicious/noArrayIndexKey: cells are positional.
                          <Table.Cell key={c}>{cell}</Table.Cell>
                        ),
                      )}
                    </Table.Row>
                  ))}
                </Table.Body>
              </ScrollableTable>
            );
          case "chart":
            return (
              // biome-ignore lint/a11y/noNoninteractiveTabindex: a region that scrolls sideways must take focus to scroll by keyboard.
              <section key={key} className="chart-wrap" aria-label={block.title} tabIndex={0}>
                <DocumentChart block={block} locale={locale} id={key} />
              </section>
            );
          default:
            return null;
        }
      })}
    </>
  );
}
