import { Link } from "@digdir/designsystemet-react";
import type { PageContext } from "../page-context.ts";

/**
 * The way back up to the pages above this one, each a link, separated by the stylesheet (so no
 * punctuation joins names that already hold a colon, such as "Milstolpe I: …").
 */
export function Breadcrumbs({ ctx, trail }: { ctx: PageContext; trail: readonly { href: string; label: string }[] }) {
  return (
    <nav aria-label={ctx.m.layout.breadcrumbs}>
      <ol className="breadcrumbs">
        {trail.map((step) => (
          <li key={step.href}>
            <Link href={step.href}>{step.label}</Link>
          </li>
        ))}
      </ol>
    </nav>
  );
}
