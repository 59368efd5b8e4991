import { Link } from "../../components/index.ts";
import type { PageContext } from "../../page-context.ts";

/** The förvaltningsgrupp's pages, side by side: the portfolio, the national plan and benefits nationwide. */
export function PortfolioNav({ ctx, current }: { ctx: PageContext; current: string }) {
  const t = ctx.m.portfolio;
  const links = [
    { href: "/portfolio", label: t.navLink },
    { href: "/portfolio/plan", label: t.planLink },
    { href: "/portfolio/benefits", label: ctx.m.nationalBenefits.navLink },
    { href: "/reporting-rounds", label: ctx.m.reporting.nav },
    { href: "/inbox", label: ctx.m.nav.inbox },
  ];
  return (
    <nav aria-label={t.navLabel}>
      <ul className="plain-list inline-list">
        {links.map((l) => (
          <li key={l.href}>
            <Link href={l.href} aria-current={l.href === current ? "page" : undefined}>
              {l.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
