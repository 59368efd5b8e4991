import { Link } from "@digdir/designsystemet-react";
import { format } from "../../i18n/index.ts";
import type { PageContext } from "../page-context.ts";

/**
 * Previous and next links around "page N of M", for a list paged on the server: plain links, so
 * paging works without JavaScript and each page has its own address. Nothing when there is one page.
 */
export function Pagination({
  ctx,
  label,
  page,
  pages,
  href,
}: {
  ctx: PageContext;
  /** What the navigation pages through, for a screen reader's list of landmarks. */
  label: string;
  page: number;
  pages: number;
  href: (page: number) => string;
}) {
  const t = ctx.m.pagination;
  if (pages <= 1) return null;
  return (
    <nav aria-label={label} className="actions">
      {page > 1 ? <Link href={href(page - 1)}>{t.previous}</Link> : null}
      <span>{format(t.pageOf, { page, pages })}</span>
      {page < pages ? <Link href={href(page + 1)}>{t.next}</Link> : null}
    </nav>
  );
}
