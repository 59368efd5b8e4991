import { EVEN_SEASONALITY, type FlowInput } from "../../../domain/flows/flow-input.ts";
import type { FlowView } from "../../../domain/flows/flow-view.ts";
import type { FieldIssue } from "../../../domain/shared/domain-error.ts";
import { readSwedishNumber } from "../../../domain/shared/swedish-number.ts";
import type { Locale } from "../../../i18n/index.ts";
import type { FormErrors } from "../../../ui/page-context.ts";
import type { FlowFormShown } from "../../../ui/pages/flows/flow-form-page.tsx";
import { type FormValues, firstPerField, list, normaliseText, str } from "../../form.ts";

/**
 * The flow form as typed (FlowFormShown): every field a string (or a checkbox), so a turned-down
 * form comes back exactly as it was sent. Seasonality is typed in per cent, one field per month:
 * "8,333" reads more naturally than 0.08333, and the API's shares are these divided by 100.
 */
export type FlowFormValues = FlowFormShown;

/** The name of month `i`'s field (0 = January): its error and label share it. */
export const seasonalityField = (i: number) => `seasonality.${i}`;

const TEXT_FIELDS = [
  "name",
  "businessProcess",
  "sourceSystem",
  "recipientType",
  "annualVolume",
  "currentChannel",
  "costPerLetterSek",
  "informationSecurityClass",
  "tactic",
  "plannedTestDate",
  "plannedProductionDate",
  "status",
] as const;

export function readFlowForm(values: FormValues): FlowFormValues {
  const text = Object.fromEntries(TEXT_FIELDS.map((k) => [k, str(values, k)])) as Record<(typeof TEXT_FIELDS)[number], string>;
  return {
    ...text,
    description: normaliseText(str(values, "description")),
    legalConstraints: normaliseText(str(values, "legalConstraints")),
    seasonality: Array.from({ length: 12 }, (_, i) => str(values, seasonalityField(i))),
    needsReplies: list(values, "needs").includes("needsReplies"),
    needsReceipts: list(values, "needs").includes("needsReceipts"),
  };
}

/** A typed number for the flow schema: empty is not given, text that is no number NaN (the schema refuses it). */
export function parseTypedNumber(typed: string): number | undefined {
  if (typed.trim() === "") return undefined;
  return readSwedishNumber(typed) ?? Number.NaN;
}

/** The tolerance of the flow input (±0.001 of 1) in per cent. */
const PERCENT_TOLERANCE = 0.1;

/**
 * What FlowInput parses from the typed form: the same schema as the API's, so the form and the API
 * accept and refuse the same flows. Twelve equal per cents that make 100 are the even default
 * exactly, so a form saved unchanged keeps the shares it was shown as 8,333.
 */
export function flowFormInput(shown: FlowFormValues): unknown {
  const percents = shown.seasonality.map((s) => parseTypedNumber(s) ?? Number.NaN);
  const even = percents.every((p) => p === percents[0]) && Math.abs(percents.reduce((sum, p) => sum + p, 0) - 100) <= PERCENT_TOLERANCE;
  const orNull = (s: string) => (s.trim() === "" ? null : s.trim());
  return {
    name: shown.name,
    description: shown.description,
    businessProcess: shown.businessProcess,
    sourceSystem: shown.sourceSystem,
    recipientType: shown.recipientType,
    annualVolume: parseTypedNumber(shown.annualVolume),
    seasonality: even ? [...EVEN_SEASONALITY] : percents.map((p) => p / 100),
    currentChannel: shown.currentChannel,
    costPerLetterSek: parseTypedNumber(shown.costPerLetterSek),
    informationSecurityClass: orNull(shown.informationSecurityClass),
    legalConstraints: shown.legalConstraints,
    needsReplies: shown.needsReplies,
    needsReceipts: shown.needsReceipts,
    tactic: orNull(shown.tactic),
    plannedTestDate: orNull(shown.plannedTestDate),
    plannedProductionDate: orNull(shown.plannedProductionDate),
    status: shown.status,
    // Judged on the priorities page, not on this form: a new flow starts unjudged, and saving this
    // form keeps what was judged (updateFlow's `keep`).
    processChange: undefined,
    serviceImprovement: undefined,
    priorityOverride: undefined,
    priorityMotivation: undefined,
  } satisfies Record<keyof FlowInput, unknown>;
}

/**
 * Each problem on the field it belongs to: a month's on that month's field (where a text is not a
 * per cent), the sum's on the seasonality group, the rest on their first path segment.
 */
export function flowFormErrors(issues: readonly FieldIssue[]): FormErrors {
  return firstPerField(
    issues.map((i) => {
      const [head, index] = i.path;
      if (head === "seasonality" && typeof index === "number") {
        return { field: seasonalityField(index), code: i.code === "number" ? "percent" : i.code };
      }
      return { field: i.path.length ? String(head) : "form", code: i.code };
    }),
  );
}

const intl: Record<Locale, string> = { sv: "sv-SE", en: "en-GB" };

/** Per cent with at most three decimals, no grouping: 1/12 shows as 8,333. */
const percentText = (locale: Locale, share: number) =>
  new Intl.NumberFormat(intl[locale], { maximumFractionDigits: 3, useGrouping: false }).format(share * 100);

/** A new flow's form: even seasons, the sourced cost per letter, identified. */
export function newFlowForm(locale: Locale, defaultCostSek: number): FlowFormValues {
  return {
    name: "",
    description: "",
    businessProcess: "",
    sourceSystem: "",
    recipientType: "",
    annualVolume: "",
    seasonality: EVEN_SEASONALITY.map((s) => percentText(locale, s)),
    currentChannel: "",
    costPerLetterSek: new Intl.NumberFormat(intl[locale], { useGrouping: false }).format(defaultCostSek),
    informationSecurityClass: "",
    legalConstraints: "",
    needsReplies: false,
    needsReceipts: false,
    tactic: "",
    plannedTestDate: "",
    plannedProductionDate: "",
    status: "identifierad",
  };
}

/** A stored flow as its edit form shows it. */
export function flowFormOf(locale: Locale, flow: FlowView): FlowFormValues {
  return {
    name: flow.name,
    description: flow.description,
    businessProcess: flow.businessProcess,
    sourceSystem: flow.sourceSystem,
    recipientType: flow.recipientType,
    annualVolume: new Intl.NumberFormat(intl[locale], { maximumFractionDigits: 0 }).format(flow.annualVolume),
    seasonality: (flow.seasonality as number[]).map((s) => percentText(locale, s)),
    currentChannel: flow.currentChannel,
    costPerLetterSek: new Intl.NumberFormat(intl[locale], { maximumFractionDigits: 2, useGrouping: false }).format(flow.costPerLetterSek),
    informationSecurityClass: flow.informationSecurityClass ?? "",
    legalConstraints: flow.legalConstraints,
    needsReplies: flow.needsReplies,
    needsReceipts: flow.needsReceipts,
    tactic: flow.tactic ?? "",
    plannedTestDate: flow.plannedTestDate ?? "",
    plannedProductionDate: flow.plannedProductionDate ?? "",
    status: flow.status,
  };
}
