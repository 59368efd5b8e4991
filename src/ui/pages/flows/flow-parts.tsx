import type { Locale } from "../../../i18n/index.ts";
import { Link } from "../../components/index.ts";
import type { PageContext } from "../../page-context.ts";

export const flowsHref = (initiativeId: string) => `/initiatives/${initiativeId}/flows`;
export const newFlowHref = (initiativeId: string) => `/initiatives/${initiativeId}/flows/new`;
export const flowHref = (flowId: string) => `/flows/${flowId}`;
export const deleteFlowHref = (flowId: string) => `/flows/${flowId}/delete`;
export const forecastHref = (initiativeId: string) => `/initiatives/${initiativeId}/forecast`;
export const planHref = (initiativeId: string) => `/initiatives/${initiativeId}/plan`;

const intl: Record<Locale, string> = { sv: "sv-SE", en: "en-GB" };

/** A count as the locale writes it: 12 000 in Swedish. */
export const formatCount = (locale: Locale, n: number) => new Intl.NumberFormat(intl[locale], { maximumFractionDigits: 0 }).format(n);

/** Kronor with at most two decimals: 15 kr, 21,50 kr. */
export const formatSek = (locale: Locale, sek: number) =>
  new Intl.NumberFormat(intl[locale], { style: "currency", currency: "SEK", minimumFractionDigits: 0, maximumFractionDigits: 2 }).format(
    sek,
  );

/** A share as a per cent with one decimal. */
export const formatShare = (locale: Locale, share: number) =>
  new Intl.NumberFormat(intl[locale], { style: "percent", maximumFractionDigits: 1 }).format(share);

/** The three views of the flows, linked from each of them. */
export function FlowNav({ ctx, initiativeId, current }: { ctx: PageContext; initiativeId: string; current: "list" | "forecast" | "plan" }) {
  const t = ctx.m.flows;
  const items = [
    { key: "list", href: flowsHref(initiativeId), label: t.title },
    { key: "forecast", href: forecastHref(initiativeId), label: t.forecastLink },
    { key: "plan", href: planHref(initiativeId), label: t.planLink },
  ] as const;
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
