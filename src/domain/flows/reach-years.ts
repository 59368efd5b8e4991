import { RECIPIENT_TYPES, type RecipientType, reachShare } from "../forecast/reach-curve.ts";
import type { StoredReachOverrides } from "./flow-settings-input.ts";

export type ReachYear = {
  readonly year: number;
  /** The default curve's share at the end of the year (December), which an override replaces for the whole year. */
  readonly defaultShare: number;
  readonly override: number | null;
};

/**
 * Per recipient type, the years `first` … `first + count − 1` with the default curve's year-end share
 * beside the initiative's own, so the team sees what an override replaces. Pure.
 */
export function reachYears(first: number, count: number, overrides: StoredReachOverrides): Record<RecipientType, ReachYear[]> {
  const years = Array.from({ length: count }, (_, i) => first + i);
  return Object.fromEntries(
    RECIPIENT_TYPES.map((type) => [
      type,
      years.map((year) => ({ year, defaultShare: reachShare(type, year * 12 + 11), override: overrides[type]?.[String(year)] ?? null })),
    ]),
  ) as Record<RecipientType, ReachYear[]>;
}
