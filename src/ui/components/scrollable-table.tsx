import type { ReactNode } from "react";

/**
 * A table's scrolling wrapper. Addresses, identity numbers, check messages and fingerprints make
 * tables wider than a phone (and some wider than a desktop column), and a region that scrolls must
 * be reachable by keyboard (WCAG 2.1.1), so it is focusable and named after the table.
 */
export function ScrollableTable({ label, children }: { label: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take focus to scroll by keyboard.
    <section className="table-wrap" aria-label={label} tabIndex={0}>
      {children}
    </section>
  );
}
