import { format, messagesFor } from "../../i18n/index.ts";
import type { Realisation } from "../benefits/benefit-evaluation.ts";

/**
 * What the förvaltningsgrupp is told of the initiative's benefits after milestone VIII (method 10.2:
 * the nyttoutvärderingsrapport is presented to it "för att få en sammanställd bild av nyttor"): how
 * many were realised, and per benefit the latest measurement against the target. In Swedish, as the
 * communication is.
 */

export type SummarisedBenefit = {
  name: string;
  unit: string;
  targetValue: number;
  actual: number | null;
  gap: number | null;
  realisation: Realisation;
};

const t = messagesFor("sv").decisionMessage;
const number = new Intl.NumberFormat("sv-SE", { maximumFractionDigits: 2 });

export function benefitSummaryText(benefits: readonly SummarisedBenefit[]): string {
  if (!benefits.length) return t.noBenefits;
  const counts = { realiserad: 0, delvis: 0, ej_realiserad: 0, ej_matt: 0 } satisfies Record<Realisation, number>;
  for (const b of benefits) counts[b.realisation] += 1;
  const lines = benefits.map((b) =>
    b.actual === null || b.gap === null
      ? format(t.benefitNotMeasured, { name: b.name, target: number.format(b.targetValue), unit: b.unit })
      : format(t.benefitMeasured, {
          name: b.name,
          actual: number.format(b.actual),
          target: number.format(b.targetValue),
          gap: `${b.gap > 0 ? "+" : ""}${number.format(b.gap)}`,
          unit: b.unit,
        }),
  );
  return `${format(t.benefitSummary, { total: benefits.length, ...counts })} ${lines.join("; ")}`;
}
