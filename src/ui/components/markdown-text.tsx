import { Heading, Paragraph } from "@digdir/designsystemet-react";
import { markdownBlocks } from "../../exports/deliverable-document.ts";

/**
 * A section's Markdown shown as the exports show it: paragraphs, bullet lists and sub-headings.
 * It is parsed into plain blocks and rendered as React text, so no HTML from the text reaches the page.
 */
export function MarkdownText({ text }: { text: string }) {
  return (
    <div className="markdown-text">
      {markdownBlocks(text).map((block, i) => {
        const key = `${block.kind}-${i}`;
        switch (block.kind) {
          case "heading":
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
          default:
            return null;
        }
      })}
    </div>
  );
}
