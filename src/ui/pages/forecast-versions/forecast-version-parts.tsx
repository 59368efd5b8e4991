import type { VersionView } from "../../../domain/forecast-versions/version-view.ts";
import { format, formatDateTime, type Locale } from "../../../i18n/index.ts";
import { numberFormatFor } from "../../../i18n/number-format.ts";
import type { PageContext } from "../../page-context.ts";

import { versionsHref } from "../flows/flow-hrefs.ts";

export { versionsHref };
export const compareHref = (initiativeId: string, a?: string, b?: string) =>
  `/initiatives/${initiativeId}/forecast/compare${a ? `?a=${a}&b=${b ?? "current"}` : ""}`;
export const flowActualsHref = (flowId: string) => `/flows/${flowId}/actuals`;
export const actualsImportHref = (initiativeId: string) => `/initiatives/${initiativeId}/actuals/import`;

const intlLocale: Record<Locale, string> = { sv: "sv-SE", en: "en-GB" };

const countFormat = numberFormatFor({});
export const formatCount = (locale: Locale, n: number) => countFormat(locale).format(n);

/** A difference with its sign, so "+1 200" and "−300" read as changes. */
const differenceFormat = numberFormatFor({ signDisplay: "exceptZero" });
export const formatDifference = (locale: Locale, n: number) => differenceFormat(locale).format(n);

/** "2026-05" as "maj 2026"; read at noon UTC on the 15th, it is that month in any time zone. */
export const monthName = (locale: Locale, month: string) =>
  new Intl.DateTimeFormat(intlLocale[locale], { month: "long", year: "numeric", timeZone: "UTC" }).format(
    new Date(`${month}-15T12:00:00Z`),
  );

/** "Baslinje vid milstolpe II" or "Omprognos". */
export const versionKind = (ctx: PageContext, v: Pick<VersionView, "kind"> & { milestone?: string }) =>
  v.kind === "baseline"
    ? format(ctx.m.forecastVersions.versions.baseline, { milestone: v.milestone ?? "" })
    : ctx.m.forecastVersions.versions.reforecast;

/** How a version is named in a list to choose from. */
export const versionLabel = (ctx: PageContext, v: VersionView) =>
  format(ctx.m.forecastVersions.compare.versionLabel, { kind: versionKind(ctx, v), date: formatDateTime(ctx.locale, v.createdAt) });
