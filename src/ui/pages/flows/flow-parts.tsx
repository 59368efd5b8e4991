import type { Locale } from "../../../i18n/index.ts";
import { numberFormatFor } from "../../../i18n/number-format.ts";
import { Link } from "../../components/index.ts";
import type { PageContext } from "../../page-context.ts";

import { flowSettingsHref, flowsHref, forecastHref, planHref, prioritiesHref, tacticsHref, versionsHref } from "./flow-hrefs.ts";

export { deleteFlowHref, flowHref, flowsHref, forecastHref, newFlowHref, planHref } from "./flow-hrefs.ts";

/** A count as the locale writes it: 12 000 in Swedish. */
const countFormat = numberFormatFor({ maximumFractionDigits: 0 });
export const formatCount = (locale: Locale, n: number) => countFormat(locale).format(n);

/** Kronor with at most two decimals: 15 kr, 21,50 kr. */
const sekFormat = numberFormatFor({ style: "currency", currency: "SEK", minimumFractionDigits: 0, maximumFractionDigits: 2 });
export const formatSek = (locale: Locale, sek: number) => sekFormat(locale).format(sek);

/** A share as a per cent with one decimal. */
const shareFormat = numberFormatFor({ style: "percent", maximumFractionDigits: 1 });
export const formatShare = (locale: Locale, share: number) => shareFormat(locale).format(share);

export type FlowView = "list" | "priorities" | "tactics" | "reach" | "forecast" | "versions" | "plan";

/** The views of the flows, in the order the method works through them, linked from each of them. */
export function FlowNav({ ctx, initiativeId, current }: { ctx: PageContext; initiativeId: string; current?: FlowView }) {
  const t = ctx.m.flows;
  const items: { key: FlowView; href: string; label: string }[] = [
    { key: "list", href: flowsHref(initiativeId), label: t.title },
    { key: "priorities", href: prioritiesHref(initiativeId), label: ctx.m.tactics.priorities.title },
    { key: "tactics", href: tacticsHref(initiativeId), label: ctx.m.tactics.title },
    { key: "reach", href: flowSettingsHref(initiativeId), label: ctx.m.tactics.reach.title },
    { key: "forecast", href: forecastHref(initiativeId), label: t.forecastLink },
    { key: "versions", href: versionsHref(initiativeId), label: ctx.m.forecastVersions.title },
    { key: "plan", href: planHref(initiativeId), label: t.planLink },
  ];
  return (
    <nav aria-label={t.title} className="flow-nav">
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
