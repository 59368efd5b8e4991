/**
 * The prioritisation of an initiative's meddelandeflöden (method §4.1): "volym, hur mycket
 * verksamhetsprocessen behöver förändras och förbättrad service till mottagarna". Each criterion
 * gives 0–100 points, the score is their weighted mean, and the team may replace the score with its
 * own, always with a written motivation. Pure: the page shows every step ("hur räknas detta?").
 */

export const PRIORITY_CRITERIA = ["volume", "processChange", "serviceImprovement"] as const;
export type PriorityCriterion = (typeof PRIORITY_CRITERIA)[number];

export type PriorityWeights = Readonly<Record<PriorityCriterion, number>>;

/** Volume counts as much as the two judgements together unless the initiative says otherwise. */
export const DEFAULT_PRIORITY_WEIGHTS: PriorityWeights = { volume: 50, processChange: 25, serviceImprovement: 25 };

export const MAX_WEIGHT = 100;

/** A judgement on the scale 1–5 (null: not judged yet). */
export type Judgement = 1 | 2 | 3 | 4 | 5;

/** What an unjudged criterion counts as: the middle of the scale, neither for nor against the flow. */
export const UNJUDGED_POINTS = 50;

export type PriorityFlow = {
  readonly id: string;
  readonly name: string;
  readonly annualVolume: number;
  /** 1 = hardly any change to the business process … 5 = the process must be redone. */
  readonly processChange: Judgement | null;
  /** 1 = no better service to the recipients … 5 = much better. */
  readonly serviceImprovement: Judgement | null;
  /** The team's own score 0–100 replacing the computed one; stored only with a motivation. */
  readonly priorityOverride: number | null;
  readonly priorityMotivation: string;
};

export type CriterionScore = {
  readonly key: PriorityCriterion;
  /** The flow's figure: letters per year for volume, the judgement 1–5 (or null) for the others. */
  readonly value: number | null;
  readonly points: number;
  readonly weight: number;
  /** weight · points / Σ weights: the criterion's share of the computed score. */
  readonly contribution: number;
  /** False when the team has not judged the criterion yet and it counts as the midpoint. */
  readonly judged: boolean;
};

export type FlowPriority = {
  readonly flowId: string;
  readonly name: string;
  readonly annualVolume: number;
  readonly criteria: readonly CriterionScore[];
  readonly computedScore: number;
  readonly override: number | null;
  readonly motivation: string;
  /** The override where there is one, otherwise the computed score. */
  readonly effectiveScore: number;
  /** 1 for the flow to connect first. */
  readonly rank: number;
};

const clamp01 = (x: number) => Math.min(1, Math.max(0, x));
const round1 = (x: number) => Math.round(x * 10) / 10;

/**
 * 100 letters a year (or fewer) give 0 points, 1 000 000 (or more) 100, logarithmic in between: a
 * flow ten times larger gains 25 points, whatever its size.
 */
export function volumePoints(annualVolume: number): number {
  if (annualVolume <= 0) return 0;
  return clamp01((Math.log10(annualVolume) - 2) / 4) * 100;
}

/** Little change to the business process is what makes a flow quick to connect: 1 → 100, 5 → 0. */
export const processChangePoints = (value: Judgement | null) => (value === null ? UNJUDGED_POINTS : ((5 - value) / 4) * 100);

/** Better service to the recipients counts for the flow: 1 → 0, 5 → 100. */
export const serviceImprovementPoints = (value: Judgement | null) => (value === null ? UNJUDGED_POINTS : ((value - 1) / 4) * 100);

export class WeightsAllZeroError extends RangeError {
  constructor() {
    super("at least one priority weight must be above zero");
  }
}

/** Refuses weights outside 0–100 or all zero: a weighted mean needs some weight. */
export function checkWeights(weights: PriorityWeights): void {
  for (const key of PRIORITY_CRITERIA) {
    const w = weights[key];
    if (!Number.isFinite(w) || w < 0 || w > MAX_WEIGHT) throw new RangeError(`weight ${key} must be 0–${MAX_WEIGHT}`);
  }
  if (PRIORITY_CRITERIA.every((key) => weights[key] === 0)) throw new WeightsAllZeroError();
}

function criteriaOf(flow: PriorityFlow, weights: PriorityWeights, weightSum: number): CriterionScore[] {
  const rows: [PriorityCriterion, number | null, number, boolean][] = [
    ["volume", flow.annualVolume, volumePoints(flow.annualVolume), true],
    ["processChange", flow.processChange, processChangePoints(flow.processChange), flow.processChange !== null],
    ["serviceImprovement", flow.serviceImprovement, serviceImprovementPoints(flow.serviceImprovement), flow.serviceImprovement !== null],
  ];
  return rows.map(([key, value, points, judged]) => ({
    key,
    value,
    points,
    weight: weights[key],
    contribution: (weights[key] * points) / weightSum,
    judged,
  }));
}

/** One flow's score: the weighted mean of its points, to one decimal, and the override if the team set one. */
export function priorityOf(flow: PriorityFlow, weights: PriorityWeights = DEFAULT_PRIORITY_WEIGHTS): Omit<FlowPriority, "rank"> {
  checkWeights(weights);
  const weightSum = PRIORITY_CRITERIA.reduce((sum, key) => sum + weights[key], 0);
  const criteria = criteriaOf(flow, weights, weightSum);
  const computedScore = round1(criteria.reduce((sum, c) => sum + c.contribution, 0));
  const override = flow.priorityOverride;
  return {
    flowId: flow.id,
    name: flow.name,
    annualVolume: flow.annualVolume,
    // Shown to one decimal; the score above is computed from the unrounded values.
    criteria: criteria.map((c) => ({ ...c, points: round1(c.points), contribution: round1(c.contribution) })),
    computedScore,
    override,
    motivation: flow.priorityMotivation,
    effectiveScore: override ?? computedScore,
  };
}

const byName = new Intl.Collator("sv-SE");

/**
 * The flows in the order to connect them: the highest effective score first, then the larger annual
 * volume, then the name (and the id, so equal flows keep one order whatever order they came in).
 */
export function prioritise(flows: readonly PriorityFlow[], weights: PriorityWeights = DEFAULT_PRIORITY_WEIGHTS): FlowPriority[] {
  checkWeights(weights);
  return flows
    .map((f) => priorityOf(f, weights))
    .sort(
      (a, b) =>
        b.effectiveScore - a.effectiveScore ||
        b.annualVolume - a.annualVolume ||
        byName.compare(a.name, b.name) ||
        (a.flowId < b.flowId ? -1 : a.flowId > b.flowId ? 1 : 0),
    )
    .map((p, i) => ({ ...p, rank: i + 1 }));
}
