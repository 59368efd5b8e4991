/**
 * Measurements of a volume-driven benefit derived from the flows' actuals (issue 12): for each month
 * in which any of the benefit's flows has actuals, one measurement whose value is the digital
 * messages those flows sent that month together. Computed on every read, never stored, so they
 * follow the actuals as the team corrects them. A month is dated by its last day, when its figure is
 * complete; months that end before the baseline date are left out, as a typed measurement there would be.
 */

export type FlowActualMonth = { flowId: string; month: string; digital: number };
export type DerivedMeasurement = { date: string; value: number; source: "actuals"; month: string; flowIds: string[] };

/** The last day of "YYYY-MM" as "YYYY-MM-DD". */
export function lastDayOfMonth(month: string): string {
  const [year, m] = month.split("-").map(Number) as [number, number];
  const day = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return `${month}-${String(day).padStart(2, "0")}`;
}

export function derivedMeasurements(
  benefit: { baselineDate: string; derivedFromFlowIds: readonly string[] },
  actuals: readonly FlowActualMonth[],
): DerivedMeasurement[] {
  const flows = new Set(benefit.derivedFromFlowIds);
  if (!flows.size) return [];
  const byMonth = new Map<string, { value: number; flowIds: Set<string> }>();
  for (const a of actuals) {
    if (!flows.has(a.flowId)) continue;
    const month = byMonth.get(a.month) ?? { value: 0, flowIds: new Set<string>() };
    month.value += a.digital;
    month.flowIds.add(a.flowId);
    byMonth.set(a.month, month);
  }
  return [...byMonth]
    .map(([month, m]) => ({
      date: lastDayOfMonth(month),
      value: m.value,
      source: "actuals" as const,
      month,
      flowIds: [...m.flowIds].sort(),
    }))
    .filter((m) => m.date >= benefit.baselineDate)
    .sort((a, b) => a.date.localeCompare(b.date));
}
