import { Link } from "../../components/index.ts";
import type { PageContext } from "../../page-context.ts";
import { benefitsHref, businessCaseHref, effectChainHref, reservePlansHref, risksHref } from "./value-hrefs.ts";

export type ValueView = "businessCase" | "effectChain" | "benefits" | "risks" | "reservePlans";

/** The views of value and risk, in the order the method reaches them, linked from each of them. */
export function ValueNav({ ctx, initiativeId, current }: { ctx: PageContext; initiativeId: string; current?: ValueView }) {
  const t = ctx.m.valueNav;
  const items: { key: ValueView; href: string; label: string }[] = [
    { key: "businessCase", href: businessCaseHref(initiativeId), label: t.businessCase },
    { key: "effectChain", href: effectChainHref(initiativeId), label: t.effectChain },
    { key: "benefits", href: benefitsHref(initiativeId), label: t.benefits },
    { key: "risks", href: risksHref(initiativeId), label: t.risks },
    { key: "reservePlans", href: reservePlansHref(initiativeId), label: t.reservePlans },
  ];
  return (
    <nav aria-label={t.label} className="flow-nav">
      <ul className="plain-list inline-list">
        {items.map((i) => (
          <li key={i.key}>
            <Link href={i.href} aria-current={i.key === current ? "page" : undefined}>
              {i.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
