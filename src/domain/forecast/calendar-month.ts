import type { YearMonth } from "../volumes/volume-series.ts";

/**
 * Calendar months as consecutive integers, so a forecast can step month by month and compare
 * months without parsing strings in its inner loop. Month 0 is January of year 0; the forecast only
 * ever sees four-digit years (forecast-input.ts), so every index is non-negative.
 */
export type MonthIndex = number;

export function monthIndexOf(month: YearMonth): MonthIndex {
  const [year, m] = month.split("-").map(Number) as [number, number];
  return year * 12 + (m - 1);
}

export function yearMonthAt(index: MonthIndex): YearMonth {
  const year = Math.floor(index / 12);
  return `${String(year).padStart(4, "0")}-${String((index % 12) + 1).padStart(2, "0")}` as YearMonth;
}

export const yearOf = (index: MonthIndex): number => Math.floor(index / 12);

/** 0 = January … 11 = December: the index into a seasonality. */
export const calendarMonthOf = (index: MonthIndex): number => index % 12;

/** The month a "YYYY-MM-DD" day falls in. */
export const monthIndexOfDay = (day: string): MonthIndex => monthIndexOf(day.slice(0, 7) as YearMonth);
