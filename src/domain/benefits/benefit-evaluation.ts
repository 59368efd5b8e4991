/**
 * How far a benefit got (issue 12, milestone VIII's gap analysis): the latest measurement against the
 * target. `gap` = actual − target (the API's contract), `gapShare` = gap / |target| when the target is
 * not zero. A benefit may aim up (more e-services used) or down (fewer letters on paper): the
 * direction is from the baseline to the target, and `progress` is how much of that way the actual
 * has come (1 = reached, above 1 = beyond, below 0 = the wrong way).
 */

export type Measurement = { date: string; value: number };
export type BenefitTarget = { baselineValue: number; baselineDate: string; targetValue: number; targetDate: string };

export type Realisation = "realiserad" | "delvis" | "ej_realiserad" | "ej_matt";

export type BenefitEvaluation = {
  target: number;
  actual: number | null;
  actualDate: string | null;
  gap: number | null;
  gapShare: number | null;
  progress: number | null;
  realisation: Realisation;
};

/** The measurement with the latest date; of two on one day, the later in the list (entered later). */
export function latestMeasurement(measurements: readonly Measurement[]): Measurement | null {
  let latest: Measurement | null = null;
  for (const m of measurements) if (!latest || m.date >= latest.date) latest = m;
  return latest;
}

const round = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits;

export function evaluateBenefit(benefit: BenefitTarget, measurements: readonly Measurement[]): BenefitEvaluation {
  const latest = latestMeasurement(measurements);
  const target = benefit.targetValue;
  if (!latest) return { target, actual: null, actualDate: null, gap: null, gapShare: null, progress: null, realisation: "ej_matt" };
  const gap = round(latest.value - target, 6);
  const way = target - benefit.baselineValue;
  const progress = way === 0 ? (latest.value === target ? 1 : 0) : round((latest.value - benefit.baselineValue) / way, 4);
  return {
    target,
    actual: latest.value,
    actualDate: latest.date,
    gap,
    gapShare: target === 0 ? null : round(gap / Math.abs(target), 4),
    progress,
    realisation: progress >= 1 ? "realiserad" : progress > 0 ? "delvis" : "ej_realiserad",
  };
}
