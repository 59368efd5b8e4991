import { type BenefitEvaluation, evaluateBenefit, type Realisation } from "../benefits/benefit-evaluation.ts";
import { derivedMeasurements, type FlowActualMonth } from "../benefits/derived-measurements.ts";
import {
  BENEFICIARIES,
  BENEFIT_CATEGORIES,
  type Beneficiary,
  type BenefitCategory,
  type BenefitLine,
} from "../business-case/business-case-input.ts";

/**
 * Benefits nationally (issue 14): every initiative's nyttorealiseringsplan, realised against what it
 * expects, added up across organisations by category and by beneficiary, beside what the business
 * cases expect in SEK.
 *
 * - Each benefit is evaluated exactly as its own page evaluates it (evaluateBenefit over the stored
 *   measurements and those derived from its flows' actuals), so a benefit counts nationally as
 *   realiserad, delvis, ej_realiserad or ej_matt just as the initiative sees it. `expected` is the
 *   target, `realised` the latest measurement (the reporting round's words for the same numbers).
 * - Values are added only within one unit: "kr", "SEK" and "kronor" are one unit, "tkr" and "mkr"
 *   are converted to it; other units are compared by their text (case and spacing aside). Shares
 *   ("%", "procent") are never added: such benefits are counted, not summed.
 * - The business case's typed benefit lines add their expected estimate over the horizon. Benefits
 *   computed from the forecast are not among them (they follow each initiative's horizon and forecast).
 * - Sums are exact to the ten-thousandth the tables hold (integers of ten-thousandths), so a total
 *   is the sum of its parts whatever the order.
 */

export type PlanBenefit = {
  id: string;
  initiativeId: string;
  organisationId: string;
  category: BenefitCategory | null;
  beneficiary: Beneficiary | null;
  unit: string;
  baselineValue: number;
  baselineDate: string;
  targetValue: number;
  targetDate: string;
  derivedFromFlowIds: readonly string[];
};

/** A stored measurement; those of one benefit come in the order they were entered (date, then entry). */
export type StoredMeasurement = { benefitId: string; date: string; value: number };

export type StatedBusinessCase = {
  initiativeId: string;
  organisationId: string;
  benefits: readonly Pick<BenefitLine, "category" | "beneficiary" | "expected">[];
};

export type NationalBenefitsInput = {
  benefits: readonly PlanBenefit[];
  measurements: readonly StoredMeasurement[];
  /** The actuals of the flows benefits derive their measurements from (others are ignored). */
  actuals: readonly FlowActualMonth[];
  businessCases: readonly StatedBusinessCase[];
};

export type UnitTotal = {
  /** "kr" (with any "/år"-like suffix kept) for money; otherwise the unit as compared (lower case, single spaces). */
  unit: string;
  money: boolean;
  benefits: number;
  /** Σ targets of every benefit in the unit. */
  expected: number;
  measured: number;
  /** Σ targets of the measured ones: what `realised` is set against. */
  expectedOfMeasured: number;
  /** Σ latest measurements. */
  realised: number;
  /** realised − expectedOfMeasured: the sum of the benefits' own gaps. */
  gap: number;
};

export type BenefitGroup = {
  /** Benefits of the nyttorealiseringsplaner. */
  benefits: number;
  realisation: Record<Realisation, number>;
  /** Benefits in a unit that is a share, so counted and never summed. */
  notSummed: number;
  units: UnitTotal[];
  /** Σ the business cases' expected estimates of typed benefit lines, SEK over each horizon. */
  businessCaseExpectedSek: number;
  /** Initiatives and organisations with a benefit or a business-case benefit line in the group. */
  initiatives: number;
  organisations: number;
};

export type NationalBenefits = {
  byCategory: ({ category: BenefitCategory | null } & BenefitGroup)[];
  byBeneficiary: ({ beneficiary: Beneficiary | null } & BenefitGroup)[];
  total: BenefitGroup;
};

export const REALISATIONS: readonly Realisation[] = ["realiserad", "delvis", "ej_realiserad", "ej_matt"];

type UnitKey = { key: string; unit: string; money: boolean; factor: bigint } | null;

const MONEY = /^(t|m|mn)?(kronor|kr|sek)\.?((?:\s*\/|\s).*)?$/;
const SHARES = new Set(["%", "procent", "procentenheter", "andel", "percent"]);
const FACTORS: Record<string, bigint> = { "": 1n, t: 1_000n, m: 1_000_000n, mn: 1_000_000n };

/** How a unit is added up: null when it is a share, never summed. */
export function unitKey(raw: string): UnitKey {
  const unit = raw.trim().toLowerCase().replace(/\s+/g, " ");
  if (SHARES.has(unit)) return null;
  const money = MONEY.exec(unit);
  if (money) {
    const suffix = (money[3] ?? "")
      .trim()
      .replace(/^per /, "/")
      .replace(/\s*\/\s*/g, "/");
    const label = suffix ? `kr${suffix.startsWith("/") ? "" : " "}${suffix}` : "kr";
    return { key: `money:${label}`, unit: label, money: true, factor: FACTORS[money[1] ?? ""] ?? 1n };
  }
  return { key: `unit:${unit}`, unit, money: false, factor: 1n };
}

/** Ten-thousandths, exactly: numeric(20,4) holds no finer value. */
const exact = (n: number) => BigInt(Math.round(n * 10_000));
const back = (n: bigint) => Number(n) / 10_000;

type UnitSums = {
  unit: string;
  money: boolean;
  benefits: number;
  expected: bigint;
  measured: number;
  expectedOfMeasured: bigint;
  realised: bigint;
};

class Group {
  benefits = 0;
  notSummed = 0;
  realisation: Record<Realisation, number> = { realiserad: 0, delvis: 0, ej_realiserad: 0, ej_matt: 0 };
  units = new Map<string, UnitSums>();
  businessCase = 0n;
  initiatives = new Set<string>();
  organisations = new Set<string>();

  addBenefit(b: PlanBenefit, evaluation: BenefitEvaluation) {
    this.benefits++;
    this.realisation[evaluation.realisation]++;
    this.initiatives.add(b.initiativeId);
    this.organisations.add(b.organisationId);
    const key = unitKey(b.unit);
    if (!key) {
      this.notSummed++;
      return;
    }
    let sums = this.units.get(key.key);
    if (!sums) {
      sums = { unit: key.unit, money: key.money, benefits: 0, expected: 0n, measured: 0, expectedOfMeasured: 0n, realised: 0n };
      this.units.set(key.key, sums);
    }
    sums.benefits++;
    sums.expected += exact(evaluation.target) * key.factor;
    if (evaluation.actual !== null) {
      sums.measured++;
      sums.expectedOfMeasured += exact(evaluation.target) * key.factor;
      sums.realised += exact(evaluation.actual) * key.factor;
    }
  }

  addLine(c: StatedBusinessCase, line: Pick<BenefitLine, "expected">) {
    this.businessCase += exact(line.expected);
    this.initiatives.add(c.initiativeId);
    this.organisations.add(c.organisationId);
  }

  result(): BenefitGroup {
    const units = [...this.units.values()]
      .sort((a, b) => Number(b.money) - Number(a.money) || a.unit.localeCompare(b.unit, "sv"))
      .map((u) => ({
        unit: u.unit,
        money: u.money,
        benefits: u.benefits,
        expected: back(u.expected),
        measured: u.measured,
        expectedOfMeasured: back(u.expectedOfMeasured),
        realised: back(u.realised),
        gap: back(u.realised - u.expectedOfMeasured),
      }));
    return {
      benefits: this.benefits,
      realisation: { ...this.realisation },
      notSummed: this.notSummed,
      units,
      businessCaseExpectedSek: back(this.businessCase),
      initiatives: this.initiatives.size,
      organisations: this.organisations.size,
    };
  }
}

/**
 * The measurements a benefit's page evaluates: derived first, then the stored in the order entered,
 * in date order; of several on the latest day the last entered counts (mergedMeasurements' order).
 */
function measurementsOf(benefit: PlanBenefit, stored: readonly StoredMeasurement[], actuals: readonly FlowActualMonth[]) {
  const derived = derivedMeasurements(benefit, actuals).map((d) => ({ date: d.date, value: d.value }));
  return [...derived, ...stored.map((m) => ({ date: m.date, value: m.value }))].sort((a, b) => a.date.localeCompare(b.date));
}

function groupBy<K>(keys: readonly K[]) {
  const groups = new Map<K | null, Group>(keys.map((k) => [k, new Group()]));
  const of = (k: K | null) => {
    let g = groups.get(k);
    if (!g) {
      g = new Group();
      groups.set(k, g);
    }
    return g;
  };
  // Every category (beneficiary) in the model's order, then "not stated" when a benefit has none.
  const entries = () => [...keys, ...(groups.has(null) ? [null] : [])].map((k) => [k, of(k).result()] as const);
  return { of, entries };
}

export function nationalBenefits(input: NationalBenefitsInput): NationalBenefits {
  const storedOf = new Map<string, StoredMeasurement[]>();
  for (const m of input.measurements) {
    const list = storedOf.get(m.benefitId) ?? [];
    list.push(m);
    storedOf.set(m.benefitId, list);
  }
  const actualsOf = new Map<string, FlowActualMonth[]>();
  for (const a of input.actuals) {
    const list = actualsOf.get(a.flowId) ?? [];
    list.push(a);
    actualsOf.set(a.flowId, list);
  }
  const categories = groupBy<BenefitCategory>(BENEFIT_CATEGORIES);
  const beneficiaries = groupBy<Beneficiary>(BENEFICIARIES);
  const total = new Group();
  for (const b of input.benefits) {
    const actuals = b.derivedFromFlowIds.flatMap((id) => actualsOf.get(id) ?? []);
    const evaluation = evaluateBenefit(b, measurementsOf(b, storedOf.get(b.id) ?? [], actuals));
    for (const g of [categories.of(b.category), beneficiaries.of(b.beneficiary), total]) g.addBenefit(b, evaluation);
  }
  for (const c of input.businessCases) {
    for (const line of c.benefits) {
      for (const g of [categories.of(line.category), beneficiaries.of(line.beneficiary), total]) g.addLine(c, line);
    }
  }
  return {
    byCategory: categories.entries().map(([category, g]) => ({ category, ...g })),
    byBeneficiary: beneficiaries.entries().map(([beneficiary, g]) => ({ beneficiary, ...g })),
    total: total.result(),
  };
}
