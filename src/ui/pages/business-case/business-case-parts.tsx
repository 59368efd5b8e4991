import type { SensitivityInput } from "../../../domain/business-case/sensitivity.ts";
import { format, type Locale } from "../../../i18n/index.ts";
import { numberFormat, numberFormatFor } from "../../../i18n/number-format.ts";
import { Details } from "../../components/index.ts";
import type { PageContext } from "../../page-context.ts";

/** The business case area's own field errors on top of the shared ones, for the pages of this area. */
export const businessCaseFormContext = (ctx: PageContext): PageContext => ({
  ...ctx,
  m: { ...ctx.m, fieldErrors: { ...ctx.m.fieldErrors, ...ctx.m.businessCase.fieldErrors } },
});

/**
 * A number as it goes back into a form field: Swedish with spaces between thousands and a decimal
 * comma, English without grouping (parseNumber reads a comma as the decimal sign, so "150,000" would be 150).
 */
const formNumberFormats = {
  sv: numberFormatFor({ maximumFractionDigits: 2 }),
  en: numberFormatFor({ maximumFractionDigits: 2, useGrouping: false }),
};
export const formNumberText = (locale: Locale, value: number, digits = 2) =>
  digits === 2
    ? formNumberFormats[locale](locale).format(value)
    : numberFormat(locale, { maximumFractionDigits: digits, useGrouping: locale === "sv" }).format(value);

/** A plain number (a discount factor) as the locale writes it. */
export const formatDecimal = (locale: Locale, value: number, digits: number) =>
  numberFormat(locale, { maximumFractionDigits: digits }).format(value);

/** The input of a sensitivity row in words. */
export function sensitivityLabel(ctx: PageContext, input: SensitivityInput): string {
  const t = ctx.m.businessCase;
  switch (input.kind) {
    case "cost":
      return format(t.inputs.cost, { category: t.costCategories[input.category] });
    case "benefit":
      return format(t.inputs.benefit, { category: t.benefitCategories[input.category] });
    case "flow":
      return format(t.inputs.flow, { name: input.name });
    case "discountRate":
      return t.inputs.discountRate;
  }
}

/** "Hur räknas detta?" beside a result: the formula with the actual inputs. */
export function HowCalculated({ ctx, children }: { ctx: PageContext; children: React.ReactNode }) {
  return (
    <Details>
      <Details.Summary>{ctx.m.businessCase.howCalculated}</Details.Summary>
      <Details.Content>{children}</Details.Content>
    </Details>
  );
}
