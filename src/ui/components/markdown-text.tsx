import { Heading, Paragraph, Table } from "@digdir/designsystemet-react";
import { markdownBlocks } from "../../exports/markdown-blocks.ts";
import { ScrollableTable } from "./scrollable-table.tsx";

/**
 * A section's Markdown shown as the exports show it: paragraphs, bullet lists, sub-headings and
 * tables. It is parsed into plain blocks and rendered as React text, so no HTML from the text
 * reaches the page. A table is named by the sub-heading above it, or else by the section's heading.
 */
export function MarkdownText({ text, caption }: { text: string; caption: string }) {
  let lastHeading = "";
  return (
    <div className="markdown-text">
      {markdownBlocks(text).map((block, i) => {
        const key = `${block.kind}-${i}`;
        switch (block.kind) {
          case "heading":
            lastHeading = block.text;
            return (
              <Heading key={key} level={3} data-size="xs">
                {block.text}
              </Heading>
            );
          case "list":
            return (
              <ul key={key}>
                {block.items.map((item, j) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: static text in document order; items may repeat
                  <li key={`${key}-${j}`}>{item}</li>
                ))}
              </ul>
            );
          case "paragraph":
            return <Paragraph key={key}>{block.text}</Paragraph>;
          case "table":
            return (
              <ScrollableTable key={key} caption={lastHeading || caption}>
                <Table.Head>
                  <Table.Row>
                    {block.header.map((h, c) => (
                      // biome-ignore lint/suspicious/noArrayIndexKey: columns are positional; headers may repeat
                      <Table.HeaderCell key={c} scope="col">
                        {h}
                      </Table.HeaderCell>
                    ))}
                  </Table.Row>
                </Table.Head>
                <Table.Body>
                  {block.rows.map((row, r) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: rows in document order; rows may repeat
                    <Table.Row key={r}>
                      {row.map((cell, c) => (
                        // biome-ignore lint/suspicious/noArrayIndexKey: cells are positional
                        <Table.Cell key={c}>{cell}</Table.Cell>
                      ))}
                    </Table.Row>
                  ))}
                </Table.Body>
              </ScrollableTable>
            );
          default:
            return null;
        }
      })}
    </div>
  );
}
