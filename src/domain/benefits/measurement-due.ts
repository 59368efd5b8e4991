/**
 * When a benefit's next measurement is due (issue 12, the nyttorealiseringsplan's reminders): its
 * measurement frequency in months after the latest measurement, or after the baseline date while
 * none is recorded. A month later than the 31st of January is the last day of February: the day
 * is kept where the month has it, else the month's last day.
 */

/** `day` ("YYYY-MM-DD") plus `months` calendar months, clamped to the end of the target month. */
export function addMonths(day: string, months: number): string {
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(Math.min(date, last)).padStart(2, "0")}`;
}

export type MeasurementPlan = {
  /** Months between measurements; null when no frequency is planned. */
  frequencyMonths: number | null;
  baselineDate: string;
  /** The latest measurement's date, null when none is recorded. */
  latestMeasurement: string | null;
};

/** The day the next measurement is due, or null when no frequency is planned. */
export function nextMeasurementDue(plan: MeasurementPlan): string | null {
  if (plan.frequencyMonths === null || plan.frequencyMonths < 1) return null;
  const from = plan.latestMeasurement !== null && plan.latestMeasurement > plan.baselineDate ? plan.latestMeasurement : plan.baselineDate;
  return addMonths(from, plan.frequencyMonths);
}

/** Whether a measurement is due on `today` (a Stockholm day): its due day has come. */
export function measurementDue(plan: MeasurementPlan, today: string): boolean {
  const due = nextMeasurementDue(plan);
  return due !== null && due <= today;
}
