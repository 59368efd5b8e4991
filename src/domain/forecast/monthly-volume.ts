import type { Seasonality } from "./forecast-input.ts";

/**
 * A flow's messages in each calendar month, as whole messages.
 *
 * Rounding: the year's volume is apportioned over the twelve calendar months by the largest-remainder
 * method. Each month first gets the whole part of annualVolume · share / Σshares; the messages left over
 * go one each to the months with the largest fractional parts (equal parts: the earlier month first).
 * The shares are divided by their sum, so a seasonality accepted with a sum of 1 ± 0.001 still
 * apportions exactly the annual volume. Each calendar month gets the same count every year, so any
 * twelve consecutive months hold each calendar month once and sum to exactly the annual volume:
 * the rounding bound is zero. No month is more than one message from its exact share.
 */
export type MonthlyVolumes = readonly number[];

/** Fractional parts are compared at this precision, so float noise never decides which month gets a message. */
const REMAINDER_PRECISION = 1e9;

export function monthlyVolumes(annualVolume: number, seasonality: Seasonality): MonthlyVolumes {
  const total = seasonality.reduce((sum, share) => sum + share, 0);
  const exact = seasonality.map((share) => (annualVolume * share) / total);
  const whole = exact.map(Math.floor);
  const leftOver = annualVolume - whole.reduce((sum, n) => sum + n, 0);
  const byRemainder = exact
    .map((value, month) => ({ month, remainder: Math.round((value - Math.floor(value)) * REMAINDER_PRECISION) }))
    .sort((a, b) => b.remainder - a.remainder || a.month - b.month);
  for (const { month } of byRemainder.slice(0, leftOver)) whole[month]! += 1;
  return whole;
}
