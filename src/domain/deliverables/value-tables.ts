import type { Block, ChartBlock } from "../../exports/document-model.ts";
import { format, type Locale, messagesFor } from "../../i18n/index.ts";
import { numberFormatFor } from "../../i18n/number-format.ts";
import type { Realisation } from "../benefits/benefit-evaluation.ts";
import type { Scenario } from "../business-case/business-case.ts";
import type { BenefitCategory, CostCategory } from "../business-case/business-case-input.ts";
import { TORNADO_MAX_BARS } from "../business-case/sensitivity.ts";
import { countedCells, heatMap, type RiskCategory, type RiskLevel, type RiskStatus, type Scale } from "../risks/risk-score.ts";

/**
 * The value and risk tables Ansluta writes into the initiative's documents (issue 12): the Business
 * Case shows its years, scenarios, computed benefits and sensitivity; the Nyttorealiseringsplan its
 * benefits; the Riskanalys its register and reserve-operation plans; the Nyttoutvärderingsrapport each
 * benefit's expected against actual, the gap and its analysis. Plain data in, document blocks out, so
 * the page, the DOCX and the PDF show the same tables; frozen with the rest when a version is fastställd.
 */

export type SensitivityLabel =
  | { kind: "cost"; category: CostCategory }
  | { kind: "benefit"; category: BenefitCategory }
  | { kind: "flow"; name: string }
  | { kind: "discountRate" };

export type GeneratedBusinessCase = {
  startYear: number;
  horizonYears: number;
  discountRate: number;
  years: { year: number; costs: number; benefits: number; computedBenefits: number; net: number }[];
  scenarios: Record<Scenario, { npv: number; paybackYear: number | null }>;
  /** Each flow's computed benefit over the horizon, expected. */
  computedByFlow: { name: string; costPerLetterSek: number; digital: number; amount: number }[];
  /** Inputs by how far ±20 % moves the NPV (a flow by its name: the id means nothing in a frozen document). */
  sensitivity: { input: SensitivityLabel; npvDown: number; npvUp: number; swing: number }[];
};

export type GeneratedBenefit = {
  name: string;
  metric: string;
  unit: string;
  owner: string;
  howRealised: string;
  baselineValue: number;
  baselineDate: string;
  targetValue: number;
  targetDate: string;
  frequencyMonths: number | null;
  measuredBy: string;
  actual: number | null;
  actualDate: string | null;
  gap: number | null;
  gapShare: number | null;
  realisation: Realisation;
  gapCause: string;
  proposedActions: string;
  responsibleUnit: string;
};

export type GeneratedRisk = {
  title: string;
  category: RiskCategory;
  probability: number;
  consequence: number;
  score: number;
  level: RiskLevel;
  owner: string;
  mitigation: string;
  status: RiskStatus;
  reviewDate: string | null;
};

export type GeneratedReservePlan = {
  /** null: every flow of the initiative. */
  flowName: string | null;
  outage: "mina_meddelanden" | "egen_integration";
  duration: "kort" | "lang";
  fallbackAfterHours: number | null;
  fallback: string;
  decidedBy: string;
};

const numberFormats = numberFormatFor({ maximumFractionDigits: 2 });
const sekFormats = numberFormatFor({ style: "currency", currency: "SEK", maximumFractionDigits: 0 });
const percentFormats = numberFormatFor({ style: "percent", maximumFractionDigits: 1 });

function formatters(locale: Locale) {
  const number = numberFormats(locale);
  const sekFormat = sekFormats(locale);
  const percent = percentFormats(locale);
  return { number: (n: number) => number.format(n), sek: (n: number) => sekFormat.format(n), percent: (n: number) => percent.format(n) };
}

const dash = "–";

function sensitivityLabel(input: SensitivityLabel, locale: Locale): string {
  const t = messagesFor(locale).exports.valueTables;
  switch (input.kind) {
    case "cost":
      return format(t.sensitivityCost, { category: t.costCategories[input.category] });
    case "benefit":
      return format(t.sensitivityBenefit, { category: t.benefitCategories[input.category] });
    case "flow":
      return format(t.sensitivityFlow, { name: input.name });
    case "discountRate":
      return t.sensitivityRate;
  }
}

/**
 * The sensitivity as a tornado chart: the inputs as the table lists them, around the expected NPV
 * (the one every row moves from); the text alternative names the input that moves it most.
 */
function tornadoBlock(bc: GeneratedBusinessCase, locale: Locale): ChartBlock {
  const t = messagesFor(locale).exports.valueTables;
  const f = formatters(locale);
  const rows = bc.sensitivity.map((s) => ({ label: sensitivityLabel(s.input, locale), npvDown: s.npvDown, npvUp: s.npvUp }));
  const baseNpv = bc.scenarios.expected.npv;
  const top = rows[0];
  return {
    kind: "chart",
    title: t.tornadoTitle,
    alt: format(t.tornadoAlt, {
      base: f.sek(baseNpv),
      count: Math.min(rows.length, TORNADO_MAX_BARS),
      top: top?.label ?? "",
      down: f.sek(top?.npvDown ?? baseNpv),
      up: f.sek(top?.npvUp ?? baseNpv),
    }),
    chart: { type: "tornado", baseNpv, rows },
  };
}

export function businessCaseBlocks(bc: GeneratedBusinessCase, locale: Locale): (Block | ChartBlock)[] {
  const t = messagesFor(locale).exports.valueTables;
  const f = formatters(locale);
  const payback = (year: number | null) => (year === null ? t.noPayback : String(year));
  return [
    { kind: "heading", level: 3, text: t.businessCaseHeading },
    {
      kind: "paragraph",
      text: format(t.assumptions, {
        start: bc.startYear,
        end: bc.startYear + bc.horizonYears - 1,
        years: bc.horizonYears,
        rate: f.percent(bc.discountRate),
      }),
    },
    {
      kind: "table",
      header: [t.year, t.costs, t.benefits, t.computedBenefits, t.net],
      rows: bc.years.map((y) => [String(y.year), f.sek(y.costs), f.sek(y.benefits), f.sek(y.computedBenefits), f.sek(y.net)]),
    },
    { kind: "heading", level: 3, text: t.scenariosHeading },
    {
      kind: "table",
      header: [t.scenario, t.npv, t.paybackYear],
      rows: (["low", "expected", "high"] as const).map((s) => [
        t.scenarios[s],
        f.sek(bc.scenarios[s].npv),
        payback(bc.scenarios[s].paybackYear),
      ]),
    },
    { kind: "heading", level: 3, text: t.computedHeading },
    bc.computedByFlow.length
      ? {
          kind: "table",
          header: [t.flow, t.costPerLetter, t.digital, t.amount],
          rows: bc.computedByFlow.map((c) => [c.name, f.sek(c.costPerLetterSek), f.number(c.digital), f.sek(c.amount)]),
        }
      : { kind: "paragraph", text: t.noComputed },
    { kind: "heading", level: 3, text: t.sensitivityHeading },
    ...(bc.sensitivity.length
      ? [
          tornadoBlock(bc, locale),
          {
            kind: "table",
            header: [t.input, t.npvDown, t.npvUp, t.swing],
            rows: bc.sensitivity.map((s) => [sensitivityLabel(s.input, locale), f.sek(s.npvDown), f.sek(s.npvUp), f.sek(s.swing)]),
          } satisfies Block,
        ]
      : [{ kind: "paragraph", text: t.noSensitivity } satisfies Block]),
  ];
}

export function benefitPlanBlocks(benefits: readonly GeneratedBenefit[], locale: Locale): Block[] {
  const t = messagesFor(locale).exports.valueTables;
  const f = formatters(locale);
  const value = (n: number, unit: string, date: string) => `${f.number(n)} ${unit} (${date})`;
  return [
    { kind: "heading", level: 3, text: t.benefitPlanHeading },
    benefits.length
      ? {
          kind: "table",
          header: [t.benefit, t.metric, t.baseline, t.target, t.owner, t.howRealised, t.frequency, t.measuredBy],
          rows: benefits.map((b) => [
            b.name,
            b.metric,
            value(b.baselineValue, b.unit, b.baselineDate),
            value(b.targetValue, b.unit, b.targetDate),
            b.owner || dash,
            b.howRealised || dash,
            b.frequencyMonths === null ? dash : format(t.everyMonths, { count: b.frequencyMonths }),
            b.measuredBy || dash,
          ]),
        }
      : { kind: "paragraph", text: t.noBenefits },
  ];
}

export function benefitEvaluationBlocks(benefits: readonly GeneratedBenefit[], locale: Locale): Block[] {
  const t = messagesFor(locale).exports.valueTables;
  const f = formatters(locale);
  const counts = { realiserad: 0, delvis: 0, ej_realiserad: 0, ej_matt: 0 } satisfies Record<Realisation, number>;
  for (const b of benefits) counts[b.realisation] += 1;
  return [
    { kind: "heading", level: 3, text: t.evaluationHeading },
    { kind: "paragraph", text: format(t.evaluationSummary, { total: benefits.length, ...counts }) },
    benefits.length
      ? {
          kind: "table",
          header: [t.benefit, t.expected, t.actual, t.gap, t.gapShare, t.realisation],
          rows: benefits.map((b) => [
            b.name,
            `${f.number(b.targetValue)} ${b.unit} (${b.targetDate})`,
            b.actual === null ? t.notMeasured : `${f.number(b.actual)} ${b.unit} (${b.actualDate ?? dash})`,
            b.gap === null ? dash : `${f.number(b.gap)} ${b.unit}`,
            b.gapShare === null ? dash : f.percent(b.gapShare),
            t.realisations[b.realisation],
          ]),
        }
      : { kind: "paragraph", text: t.noBenefits },
    ...(benefits.length
      ? ([
          { kind: "heading", level: 3, text: t.gapAnalysisHeading },
          {
            kind: "table",
            header: [t.benefit, t.gapCause, t.proposedActions, t.responsibleUnit],
            rows: benefits.map((b) => [b.name, b.gapCause || dash, b.proposedActions || dash, b.responsibleUnit || dash]),
          },
        ] satisfies Block[])
      : []),
  ];
}

/**
 * The open risks on the 5×5 matrix (closed ones are left out, as on the page); the text alternative
 * reads every cell that holds a risk, from the top row down.
 */
function riskMatrixBlock(risks: readonly GeneratedRisk[], locale: Locale): ChartBlock {
  const t = messagesFor(locale).exports.valueTables;
  const cells = countedCells(
    heatMap(risks.map((r) => ({ ...r, probability: r.probability as Scale, consequence: r.consequence as Scale }))),
  );
  const filled = cells.flat().filter((c) => c.count > 0);
  const described = filled.map((c) => format(t.heatMapAltCell, { ...c, level: t.riskLevels[c.level] })).join(" ");
  return {
    kind: "chart",
    title: t.heatMapTitle,
    alt: format(t.heatMapAlt, { count: filled.reduce((n, c) => n + c.count, 0), cells: described || t.heatMapAltEmpty }),
    chart: { type: "riskMatrix", cells },
  };
}

export function riskBlocks(
  risks: readonly GeneratedRisk[],
  plans: readonly GeneratedReservePlan[],
  locale: Locale,
): (Block | ChartBlock)[] {
  const m = messagesFor(locale);
  const t = m.exports.valueTables;
  return [
    { kind: "heading", level: 3, text: t.risksHeading },
    risks.length
      ? {
          kind: "table",
          header: [t.risk, t.category, t.probability, t.consequence, t.score, t.owner, t.mitigation, t.status, t.reviewDate],
          rows: risks.map((r) => [
            r.title,
            t.riskCategories[r.category],
            String(r.probability),
            String(r.consequence),
            `${r.score} (${t.riskLevels[r.level]})`,
            r.owner || dash,
            r.mitigation || dash,
            t.riskStatuses[r.status],
            r.reviewDate ?? dash,
          ]),
        }
      : { kind: "paragraph", text: t.noRisks },
    ...(risks.length ? [{ kind: "heading", level: 3, text: t.heatMapHeading } satisfies Block, riskMatrixBlock(risks, locale)] : []),
    { kind: "heading", level: 3, text: t.reservePlansHeading },
    plans.length
      ? {
          kind: "table",
          header: [t.flow, t.outage, t.duration, t.fallbackAfter, t.fallback, t.decidedBy],
          rows: plans.map((p) => [
            p.flowName ?? t.allFlows,
            t.outages[p.outage],
            t.durations[p.duration],
            p.fallbackAfterHours === null ? dash : format(t.hours, { count: p.fallbackAfterHours }),
            p.fallback,
            p.decidedBy || dash,
          ]),
        }
      : { kind: "paragraph", text: t.noReservePlans },
  ];
}
