import { Table } from "@digdir/designsystemet-react";
import type { ReactNode } from "react";

/**
 * A data table in its scrolling wrapper. Addresses, identity numbers, check messages and
 * fingerprints make tables wider than a phone (and some wider than a desktop column), and a region
 * that scrolls must be reachable by keyboard (WCAG 2.1.1), so it is focusable and named after the
 * table's caption. The caption is for screen readers only unless the table has no heading to lean on.
 */
export function ScrollableTable({
  caption,
  showCaption = false,
  zebra = false,
  children,
}: {
  caption: string;
  showCaption?: boolean;
  zebra?: boolean;
  /** The table's head and body. */
  children: ReactNode;
}) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take focus to scroll by keyboard.
    <section className="table-wrap" aria-label={caption} tabIndex={0}>
      <Table zebra={zebra}>
        <caption className={showCaption ? undefined : "visually-hidden"}>{caption}</caption>
        {children}
      </Table>
    </section>
  );
}
