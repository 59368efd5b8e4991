import type { Locale } from "../../../i18n/index.ts";
import { numberFormat } from "../../../i18n/number-format.ts";
import type { PageContext } from "../../page-context.ts";

/** Numbers as Swedish (or English) readers write them: 150 000 and 12,5 in Swedish. */
export const formatNumber = (locale: Locale, value: number, digits = 0) =>
  numberFormat(locale, { maximumFractionDigits: digits }).format(value);

/** The tactics area's own field errors on top of the shared ones, for the pages of this area. */
export const tacticsFormContext = (ctx: PageContext): PageContext => ({
  ...ctx,
  m: { ...ctx.m, fieldErrors: { ...ctx.m.fieldErrors, ...ctx.m.tactics.fieldErrors } },
});
